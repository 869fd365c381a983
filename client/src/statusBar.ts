/**
 * The status bar item: the current document's script (简 / 繁 / 混), its problem count (with a
 * `+` when zhCorpus.maxProblemsPerFile cut the list), and the corpus scan's progress. Clicking it
 * opens the corpus summary. Thin: the server says the script, the cap and the progress; the count
 * is what the Problems panel shows for the file.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface CorpusStatus {
	readonly indexing?: { readonly phase: 'indexing' | 'checking'; readonly done: number; readonly total: number };
	readonly tagging: boolean;
	readonly rechecking: number;
	readonly files: number;
	readonly problems: number;
	readonly cappedFiles: number;
	readonly restricted: boolean;
}

interface DocumentStatus { script?: 'simplified' | 'traditional' | 'mixed'; problems: number; capped: boolean; corpus: CorpusStatus }

const scriptLabel = { simplified: '简', traditional: '繁', mixed: '混' } as const;
const scriptName = { simplified: 'simplified', traditional: 'traditional', mixed: 'mixed simplified and traditional' } as const;
const count = (n: number) => n.toLocaleString('en');

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
		const doc = editor && client ? await client.sendRequest<DocumentStatus | null>('zhCorpus/documentStatus', { uri: editor.document.uri.toString() }).catch(() => null) : null;
		const corpus = doc?.corpus ?? this.#corpus;
		const parts: string[] = [];
		const tooltip: string[] = [];
		if (doc && editor) {
			const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'zh-corpus').length;
			if (doc.script) {
				parts.push(scriptLabel[doc.script]);
				tooltip.push(`This document is ${scriptName[doc.script]} Chinese.`);
			}
			parts.push(`$(warning) ${count(problems)}${doc.capped ? '+' : ''}`);
			tooltip.push(doc.capped
				? `More problems than zhCorpus.maxProblemsPerFile: the first ${count(problems)} are listed.`
				: `${count(problems)} zh-corpus problems in this document.`);
		}
		if (corpus?.indexing) {
			const verb = corpus.indexing.phase === 'indexing' ? 'Indexing' : 'Checking';
			parts.push(`$(sync~spin) ${verb} ${count(corpus.indexing.done)}/${count(corpus.indexing.total)}`);
			tooltip.push(`${verb} the corpus: ${count(corpus.indexing.done)} of ${count(corpus.indexing.total)} files.`);
		} else if (corpus) {
			if (corpus.tagging) { parts.push('$(sync~spin) names'); tooltip.push('Finding names in the corpus (in the background).'); }
			if (!corpus.tagging && corpus.rechecking > 0) { tooltip.push(`Checking ${count(corpus.rechecking)} files again (in the background).`); }
			tooltip.push(`Corpus: ${count(corpus.files)} files, ${count(corpus.problems)} problems${corpus.cappedFiles > 0 ? `; ${count(corpus.cappedFiles)} files list only their first problems (zhCorpus.maxProblemsPerFile)` : ''}.`);
		}
		if (corpus?.restricted) {
			parts.push('$(shield) Restricted');
			tooltip.push('Restricted Mode: your boilerplate patterns and .zh-corpus/entities.json are ignored until you trust this folder.');
		}
		if (parts.length === 0) { this.#item.hide(); return; }
		this.#item.text = parts.join(' ');
		this.#item.tooltip = `${tooltip.join('\n')}\nClick for the corpus summary.`;
		this.#item.show();
	}

	dispose(): void {
		clearTimeout(this.#timer);
		this.#item.dispose();
	}
}
