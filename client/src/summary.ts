/**
 * The corpus summary (files, problems per rule, files per script, files not checked, most
 * mentioned names), rendered by the server in Markdown and shown in a read-only preview.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requests } from '../../server/src/protocol';

export const summaryScheme = 'zh-corpus-summary';
const summaryUri = vscode.Uri.from({ scheme: summaryScheme, path: '/Corpus summary.md' });

export class SummaryProvider implements vscode.TextDocumentContentProvider {
	readonly #changed = new vscode.EventEmitter<vscode.Uri>();
	readonly onDidChange = this.#changed.event;
	#markdown = '';

	constructor(private readonly client: () => LanguageClient | undefined) { }

	provideTextDocumentContent(): string { return this.#markdown; }

	/** Asks the server for the summary and shows it (a preview when the Markdown extension is there). */
	async show(): Promise<void> {
		const client = this.client();
		if (!client) { return; }
		const summary = await client.sendRequest<{ markdown: string }>(requests.corpusSummary);
		this.#markdown = summary.markdown;
		this.#changed.fire(summaryUri);
		try {
			await vscode.commands.executeCommand('markdown.showPreview', summaryUri);
		} catch {
			await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(summaryUri), { preview: true });
		}
	}
}
