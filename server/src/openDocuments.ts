/**
 * The documents the editor holds open, as the core sees them: each version derived from the
 * last (unchanged lines keep their strings), checked on the server's thread or, when large, in a
 * worker; entered into the corpus index and tagged for names when the user pauses.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { Corpus } from './corpus';
import type { FileProblems } from './corpusIndexer';
import { notUtf8OnDisk } from './documentStatus';
import { skippedDiagnostic } from './fileNotes';
import { LspWorkspace, uriToPath } from './lspWorkspace';
import { CorpusDocument, LanguageService } from './service';
import type { SettingsCache } from './settings';
import { expectedMatchMs } from './service/boilerplate/userPatterns';

/**
 * Open documents longer than this (UTF-16 units, about 600 KB of Chinese) are checked, printed
 * and tagged in a worker: a cold check of a 1 MB text takes seconds, and the server's thread
 * must answer the editor within 50 ms.
 */
export const largeDocument = 20_000;
const isLarge = (doc: CorpusDocument) => doc.text.length > largeDocument;
/** The user's patterns would hold the server's thread longer than this (their measured cost): the check runs in a worker. */
const patternBudgetMs = 50;

/** The editor waits this long after the last change before the corpus takes a document's text. */
const indexDelay = 400;

export interface OpenDocumentsInit {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly workspace: LspWorkspace;
	readonly service: LanguageService;
	readonly settings: SettingsCache;
	readonly corpus: Corpus;
	/** Checks a document again soon (its diagnostics are pushed or pulled). */
	schedule(uri: string): void;
	/** An edit introduced names the other files were not searched for. */
	onNewNames(): void;
}

export class OpenDocuments {
	/** Problems per rule of open documents (closed files' are the indexer's). */
	readonly problems = new Map<string, FileProblems>();
	/** The last version of each open document the core saw: the next one reuses its unchanged lines. */
	readonly #core = new Map<string, CorpusDocument>();
	readonly #timers = new Map<string, NodeJS.Timeout>();
	/**
	 * Whether each open document is a corpus document (links followed, include/exclude, .gitignore,
	 * the editor's exclusions): asked once, not per request, until settings or files change.
	 */
	readonly #isCorpus = new Map<string, Promise<boolean>>();

	constructor(private readonly init: OpenDocumentsInit) { }

	/** Settings, the project file or a .gitignore changed: which documents are corpus documents is asked again. */
	invalidate(): void { this.#isCorpus.clear(); }

	/** The open document as the core sees it, when it is a corpus document. */
	async get(uri: string): Promise<CorpusDocument | undefined> {
		const doc = this.init.documents.get(uri);
		if (!doc) { return undefined; }
		let isCorpus = this.#isCorpus.get(uri);
		if (!isCorpus) {
			isCorpus = this.init.workspace.isCorpusDocument(doc).catch(() => false);
			this.#isCorpus.set(uri, isCorpus);
		}
		if (!(await isCorpus) || this.init.documents.get(uri) !== doc) { return undefined; }
		const last = this.#core.get(uri);
		if (last?.version === doc.version) { return last; }
		const text = doc.getText();
		const next = last ? CorpusDocument.derive(last, doc.version, text) : new CorpusDocument(uri, doc.version, text);
		this.#core.set(uri, next);
		return next;
	}

	/** The problems of the document's current version; undefined when it is not a corpus document or a newer version came. */
	async diagnostics(uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
		const { service, corpus } = this.init;
		const doc = await this.get(uri);
		if (!doc) { return undefined; }
		const options = await this.init.settings.get(uri);
		// A newer version may have arrived while settings were fetched: check only the latest.
		if (this.init.documents.get(uri)?.version !== doc.version) { return undefined; }
		// The corpus takes the open document's text when the user pauses (indexing a large text per keystroke costs too much).
		if (!service.index.get(uri) || service.entitiesStale(doc)) { this.#scheduleIndex(uri); }
		// Text the editor decoded with replacement characters: its file may be in another encoding.
		const notText = doc.text.includes('\ufffd') ? await notUtf8OnDisk(uriToPath(uri)) : undefined;
		if (notText) {
			this.problems.set(uri, { counts: {}, capped: false });
			return { version: doc.version, diagnostics: [skippedDiagnostic(service.t, notText)] };
		}
		if (isLarge(doc) || expectedMatchMs(options.customPatterns, doc.text.length) > patternBudgetMs) { return corpus.checkOpen(doc, options, this.problems); }
		const problems = service.lint(doc, options);
		const counts: Record<string, number> = {};
		for (const p of problems) { counts[p.ruleId] = (counts[p.ruleId] ?? 0) + 1; }
		this.problems.set(uri, { counts, capped: problems.length >= options.maxProblems });
		corpus.statusChanged();
		return { version: doc.version, diagnostics: problems.map((p) => toDiagnostic(doc, p)) };
	}

	/** The editor closed the document: forget what was kept for it. */
	forget(uri: string): void {
		clearTimeout(this.#timers.get(uri));
		this.#timers.delete(uri);
		this.problems.delete(uri);
		this.#core.delete(uri);
		this.#isCorpus.delete(uri);
		this.init.corpus.forgetOpen(uri);
	}

	/**
	 * An edited document enters the corpus index, and its names are indexed, when the user pauses
	 * (tagging or printing a large document on every keystroke would slow checking down); then it
	 * is checked again with them, and so are the files whose cross-file findings it changes.
	 */
	#scheduleIndex(uri: string): void {
		clearTimeout(this.#timers.get(uri));
		this.#timers.set(uri, setTimeout(() => {
			this.#timers.delete(uri);
			this.#index(uri).catch((e: unknown) => this.init.connection.console.error(`zh-corpus: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
		}, indexDelay));
	}

	async #index(uri: string): Promise<void> {
		const { service, corpus } = this.init;
		const doc = await this.get(uri);
		if (!doc) { return; }
		const before = corpus.indexer.crossInputs(uri);
		if (isLarge(doc)) {
			// Printed, tagged and matched in a worker: the server's thread never blocks on a large text.
			await corpus.indexOpen(doc);
		} else {
			service.index.set(uri, doc.text);
			const hadNew = service.hasNewNames;
			service.entityMentions(doc);
			if (!hadNew && service.hasNewNames) { this.init.onNewNames(); }
		}
		await corpus.indexer.openDocumentIndexed(uri, before);
		corpus.names.flush();
		if (this.init.documents.get(uri)?.version === doc.version) { this.init.schedule(uri); }
	}
}
