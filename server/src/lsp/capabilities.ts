/** What the server offers every client (pull diagnostics only to clients that pull). */
import { CodeActionKind, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { fixAllKind } from './codeActions';
import { semanticLegend } from './entityFeatures';

export function serverCapabilities(pull: boolean, commands: readonly string[]): ServerCapabilities {
	return {
		textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
		codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind], resolveProvider: true },
		documentSymbolProvider: { label: 'zh-corpus' },
		hoverProvider: true,
		definitionProvider: true,
		referencesProvider: true,
		documentHighlightProvider: true,
		workspaceSymbolProvider: true,
		renameProvider: { prepareProvider: true },
		semanticTokensProvider: { legend: semanticLegend, full: true },
		foldingRangeProvider: true,
		executeCommandProvider: { commands: [...commands] },
		// Problems of one file depend on others (template lines, duplicates): the client pulls the workspace.
		diagnosticProvider: pull ? { identifier: 'zh-corpus', interFileDependencies: true, workspaceDiagnostics: true } : undefined,
		workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
	};
}
