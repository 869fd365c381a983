/**
 * Counts in the client's strings. `vscode.l10n` has no plural forms, so a count of one has a
 * string of its own, as VS Code's own views do; numbers are grouped by threes.
 */
import * as vscode from 'vscode';

export const count = (n: number) => n.toLocaleString('en');
export const filesText = (n: number) => (n === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', count(n)));
export const problemsText = (n: number) => (n === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', count(n)));
export const mentionsText = (n: number) => (n === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', count(n)));
