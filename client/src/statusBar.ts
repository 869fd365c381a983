/**
 * The status bar item: the current document's script (简 / 繁 / 混), its problem count (with a
 * `+` when zhCorpus.maxProblemsPerFile cut the list), and the corpus scan's progress. Clicking it
 * opens the corpus summary. Thin: the server says the script, the cap and the progress; the count
 * is what the Problems panel shows for the file.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requests, type CorpusStatus, type DocumentStatus } from '../../server/src/protocol';
import { count, filesText, problemsText } from './counts';

export type { CorpusStatus };



const scriptLabel = { simplified: '简', traditional: '繁', mixed: '混' } as const;
const scriptTooltip = {
	simplified: () => vscode.l10n.t('This document is in simplified Chinese.'),
	traditional: () => vscode.l10n.t('This document is in traditional Chinese.'),
	mixed: () => vscode.l10n.t('This document mixes simplified and traditional Chinese.'),
} as const;

export class StatusBar implements vscode.Disposable {
	readonly #item = vscode.window.createStatusBarItem('zhCorpus.status', vscode.StatusBarAlignment.Right, 100);
	#corpus: CorpusStatus | undefined;
	#timer: NodeJS.Timeout | undefined;

	constructor(private readonly client: () => LanguageClient | undefined) {
		this.#item.name = 'zh-corpus';
		this.#item.command = 'zhCorpus.showSummary';
	}

	/** The server's `zhCorpus/status` notification. */
	corpusChanged(status: CorpusStatus): void {
		this.#corpus = status;
		this.update();
	}

	/** Re-reads the active document's status soon (editor switched, diagnostics changed). */
	update(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#refresh(), 100);
	}

	async #refresh(): Promise<void> {
		const editor = vscode.window.activeTextEditor;
		const client = this.client();
		const doc = editor && client ? await client.sendRequest<DocumentStatus | null>(requests.documentStatus, { uri: editor.document.uri.toString() }).catch(() => null) : null;
		const corpus = doc?.corpus ?? this.#corpus;
		const parts: string[] = [];
		const tooltip: string[] = [];
		if (doc && editor) {
			const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'zh-corpus').length;
			if (doc.script) {
				parts.push(scriptLabel[doc.script]);
				tooltip.push(scriptTooltip[doc.script]());
			}
			parts.push(`$(warning) ${count(problems)}${doc.capped ? '+' : ''}`);
			tooltip.push(doc.capped
				? vscode.l10n.t('More problems than zhCorpus.maxProblemsPerFile: the first {0} are listed.', count(problems))
				: problems === 1 ? vscode.l10n.t('1 zh-corpus problem in this document.') : vscode.l10n.t('{0} zh-corpus problems in this document.', count(problems)));
		}
		if (corpus?.indexing) {
			const [done, total] = [count(corpus.indexing.done), count(corpus.indexing.total)];
			const indexing = corpus.indexing.phase === 'indexing';
			parts.push(`$(sync~spin) ${indexing ? vscode.l10n.t('Indexing {0}/{1}', done, total) : vscode.l10n.t('Checking {0}/{1}', done, total)}`);
			tooltip.push(indexing ? vscode.l10n.t('Indexing the corpus: {0} of {1} files.', done, total) : vscode.l10n.t('Checking the corpus: {0} of {1} files.', done, total));
		} else if (corpus) {
			if (corpus.tagging) { parts.push(`$(sync~spin) ${vscode.l10n.t('names')}`); tooltip.push(vscode.l10n.t('Finding names in the corpus (in the background).')); }
			if (!corpus.tagging && corpus.rechecking > 0) {
				tooltip.push(corpus.rechecking === 1 ? vscode.l10n.t('Checking 1 file again (in the background).') : vscode.l10n.t('Checking {0} files again (in the background).', count(corpus.rechecking)));
			}
			tooltip.push(vscode.l10n.t('Corpus: {0}, {1}.', filesText(corpus.files), problemsText(corpus.problems)));
			if (corpus.cappedFiles > 0) {
				tooltip.push(corpus.cappedFiles === 1 ? vscode.l10n.t('1 file lists only its first problems (zhCorpus.maxProblemsPerFile).') : vscode.l10n.t('{0} files list only their first problems (zhCorpus.maxProblemsPerFile).', count(corpus.cappedFiles)));
			}
		}
		if (corpus?.restricted) {
			parts.push(`$(shield) ${vscode.l10n.t('Restricted')}`);
			tooltip.push(vscode.l10n.t('Restricted Mode: your boilerplate patterns and .zh-corpus/entities.json are ignored until you trust this folder.'));
		}
		if (parts.length === 0) { this.#item.hide(); return; }
		this.#item.text = parts.join(' ');
		this.#item.tooltip = `${tooltip.join('\n')}\n${vscode.l10n.t('Click for the corpus summary.')}`;
		this.#item.show();
	}

	dispose(): void {
		clearTimeout(this.#timer);
		this.#item.dispose();
	}
}
