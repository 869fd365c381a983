/**
 * The documents the editor holds open, one state each (Harper's DocumentState): its text as the
 * core sees it (each version derived from the last: unchanged lines keep their strings), whether
 * it is a corpus document, its problems' counts, its outline, and its indexing. Checked on the
 * server's thread or, when large, in its pinned worker; entered into the corpus index and tagged
 * for names when the user pauses. This is the only writer of the index for open documents: a
 * request that needs a small document's names current asks `withCurrentNames`.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import { HeldDiagnostics } from './heldDiagnostics';
import { sameValue } from './diagnosticsDelta';
import type { Corpus } from '../corpus/corpus';
import type { FileProblems } from '../corpus/problemTally';
import { notUtf8OnDisk } from './documentStatus';
import { skippedDiagnostic } from '../files/fileNotes';
import { LspWorkspace, uriToPath } from './lspWorkspace';
import { CorpusDocument, forgetEdits, LanguageService, LintOptions } from '../service';
import type { OutlineResult } from '../worker/protocol';
import { toDocumentSymbols, toFoldingRanges } from './outlineProtocol';
import type { SettingsCache } from '../settings';
import { expectedMatchMs } from '../service/boilerplate/userPatterns';
import { typingPolicy } from '../corpus/typingGate';
import { PauseTimer } from './pauseTimer';

/**
 * Open documents longer than this (UTF-16 units, about 600 KB of Chinese) are checked, printed
 * and tagged in a worker: a cold check of a 1 MB text takes seconds, and the server's thread
 * must answer the editor within 50 ms.
 */
export const largeDocument = 20_000;
const isLarge = (doc: CorpusDocument) => doc.text.length > largeDocument;
/** The user's patterns would hold the server's thread longer than this (their measured cost): the check runs in a worker. */
const patternBudgetMs = 50;

/**
 * When an edited document's indexing is asked: once the user pauses (no check of a new version
 * asked for `quietMs`), and, for a large document, at the latest `largeMaxWaitMs` after the first
 * edit not yet asked for, however fast the user types on. A large document's indexing runs in a
 * worker in the typing gate's slices (the same `maxHoldMs` apart: corpus/typingGate.ts), so
 * asking it while the user types costs the keystrokes nothing; without the maximum, a user who
 * typed on from the moment the document opened never had it asked, and its names never came.
 * A small document is indexed on the server's thread, which a keystroke would wait for: on a pause only.
 */
export const indexWaits = { quietMs: typingPolicy.quietMs, largeMaxWaitMs: typingPolicy.maxHoldMs };

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

/** What is kept for one open document. */
class DocumentState {
	/** The last version the core saw: the next one reuses its unchanged lines. */
	core: CorpusDocument | undefined;
	/** Whether it is a corpus document (links followed, include/exclude, .gitignore, the editor's exclusions): asked once, not per request. */
	isCorpus: Promise<boolean> | undefined;
	/** Problems per rule of its last check. */
	problems: FileProblems | undefined;
	/** The diagnostics of its last check, with their fixes, and as sent. */
	held: HeldDiagnostics | undefined;
	/** Its outline (symbols and folding, asked for together), for one version. */
	outline: { version: number; result: Promise<OutlineResult> } | undefined;
	/** Asks the indexing when the user pauses (and while a large document is typed on: `indexWaits`). */
	indexTimer: PauseTimer | undefined;
	/** The indexing under way, and those asked after it: the next waits for it (a check during it scheduled another). */
	indexing: Promise<void> | undefined;
}

export class OpenDocuments {
	readonly #states = new Map<string, DocumentState>();

	constructor(private readonly init: OpenDocumentsInit) { }

	#state(uri: string): DocumentState {
		let state = this.#states.get(uri);
		if (!state) { state = new DocumentState(); this.#states.set(uri, state); }
		return state;
	}

	/** Problems per rule of the open documents' last checks (closed files' are the indexer's). */
	get problems(): ReadonlyMap<string, FileProblems> {
		const out = new Map<string, FileProblems>();
		for (const [uri, state] of this.#states) { if (state.problems) { out.set(uri, state.problems); } }
		return out;
	}

	problemsOf(uri: string): FileProblems | undefined { return this.#states.get(uri)?.problems; }

	/** The diagnostics of the document's last check, with their fixes, when it checked `version`. */
	heldOf(uri: string, version: number): HeldDiagnostics | undefined {
		const held = this.#states.get(uri)?.held;
		return held?.version === version ? held : undefined;
	}

	/** Settings, the project file or a .gitignore changed: which documents are corpus documents is asked again. */
	invalidate(): void {
		for (const state of this.#states.values()) { state.isCorpus = undefined; state.outline = undefined; }
	}

	/** The open document as the core sees it, when it is a corpus document. */
	async get(uri: string): Promise<CorpusDocument | undefined> {
		const doc = this.init.documents.get(uri);
		if (!doc) { return undefined; }
		const state = this.#state(uri);
		state.isCorpus ??= this.init.workspace.isCorpusDocument(doc).catch(() => false);
		if (!(await state.isCorpus) || this.init.documents.get(uri) !== doc) { return undefined; }
		const last = state.core;
		if (last?.version === doc.version) { return last; }
		const text = doc.getText();
		const next = last ? CorpusDocument.derive(last, doc.version, text) : new CorpusDocument(uri, doc.version, text);
		state.core = next;
		return next;
	}

	/**
	 * The open document with its names indexed for its current text when it is small (a request
	 * right after an edit finds what was typed); a large one answers from its last indexing,
	 * done in a worker when the user pauses (tagging 10 MB here held every request for half a minute).
	 */
	async withCurrentNames(uri: string): Promise<CorpusDocument | undefined> {
		const doc = await this.get(uri);
		if (doc && !isLarge(doc) && this.init.service.entitiesStale(doc)) { this.#indexNames(doc); }
		return doc;
	}

	#indexNames(doc: CorpusDocument): void {
		const { service } = this.init;
		const hadNew = service.hasNewNames;
		service.entityMentions(doc);
		if (!hadNew && service.hasNewNames) { this.init.onNewNames(); }
	}

	/** The outline of the current version (a large document's from a worker), computed once for symbols and folding. */
	async outline(uri: string): Promise<OutlineResult | undefined> {
		const doc = await this.get(uri);
		if (!doc) { return undefined; }
		const state = this.#state(uri);
		if (state.outline?.version !== doc.version) {
			state.outline = { version: doc.version, result: this.#computeOutline(doc) };
		}
		return state.outline.result;
	}

	async #computeOutline(doc: CorpusDocument): Promise<OutlineResult> {
		const options = await this.init.settings.get(doc.uri);
		// A large document's outline is computed in a worker: the server's thread never blocks on it.
		if (isLarge(doc)) { return this.init.corpus.open.outline(doc, options, () => this.init.documents.get(doc.uri)?.version === doc.version); }
		const nodes = this.init.service.outline(doc, options);
		return { symbols: toDocumentSymbols(doc, nodes), folding: toFoldingRanges(doc, nodes) };
	}

	/**
	 * The problems of the document's current version, as sent (without fixes: `heldOf` keeps them);
	 * undefined when it is not a corpus document, 'superseded' when a newer version came meanwhile
	 * (its own check follows: nothing to publish). A re-check that kept the very list gives the same list.
	 */
	async diagnostics(uri: string): Promise<{ version: number; diagnostics: Diagnostic[] } | 'superseded' | undefined> {
		const { service, corpus } = this.init;
		const doc = await this.get(uri);
		if (!doc) { return undefined; }
		const options = await this.init.settings.get(uri);
		const isCurrent = () => this.init.documents.get(uri)?.version === doc.version;
		// A newer version may have arrived while settings were fetched: check only the latest.
		if (!isCurrent()) { return 'superseded'; }
		const state = this.#state(uri);
		// The corpus takes the open document's text when the user pauses, a large one's also while
		// the user types on (`indexWaits`; indexing a large text per keystroke costs too much).
		if (!service.index.get(uri) || service.entitiesStale(doc)) { this.#scheduleIndex(uri, state, isLarge(doc)); } else { service.openDocumentIndexed(doc); }
		// Text the editor decoded with replacement characters: its file may be in another encoding.
		const notText = doc.text.includes('\ufffd') ? await notUtf8OnDisk(uriToPath(uri)) : undefined;
		if (notText) {
			state.problems = { counts: {}, capped: false };
			state.held = undefined;
			return { version: doc.version, diagnostics: [skippedDiagnostic(service.t, notText)] };
		}
		const checked = isLarge(doc) || expectedMatchMs(options.customPatterns, doc.text.length) > patternBudgetMs
			? await corpus.open.check(doc, options, isCurrent)
			: this.#check(doc, options);
		if (!checked || checked === 'superseded') { return checked; }
		// A re-check of the same version that finds the same (after indexing, mostly) keeps the numbers the editor holds.
		let held = state.held;
		if (held?.version !== doc.version || (held.held !== checked.diagnostics && !sameValue(held.held, checked.diagnostics))) { held = new HeldDiagnostics(doc.version, checked.diagnostics, held); }
		if (this.#states.get(uri) === state) { state.problems = checked.problems; state.held = held; }
		corpus.statusChanged();
		return { version: doc.version, diagnostics: held.sent };
	}

	#check(doc: CorpusDocument, options: LintOptions): { problems: FileProblems; diagnostics: Diagnostic[] } {
		const problems = this.init.service.lint(doc, options);
		const counts: Record<string, number> = {};
		for (const p of problems) { counts[p.ruleId] = (counts[p.ruleId] ?? 0) + 1; }
		return { problems: { counts, capped: problems.length >= options.maxProblems }, diagnostics: problems.map((p) => toDiagnostic(doc, p)) };
	}

	/** The editor closed the document: forget what was kept for it. */
	forget(uri: string): void {
		this.#states.get(uri)?.indexTimer?.dispose();
		this.#states.delete(uri);
		this.init.corpus.open.forget(uri);
		this.init.service.documentClosed(uri);
		forgetEdits(uri);
	}

	/**
	 * An edited document enters the corpus index, and its names are indexed, when the user pauses
	 * (tagging or printing a large document on every keystroke would slow checking down), and a
	 * large one also every `largeMaxWaitMs` while the user types on (`indexWaits`); then it is
	 * checked again with them, and so are the files whose cross-file findings it changes.
	 */
	#scheduleIndex(uri: string, state: DocumentState, large: boolean): void {
		state.indexTimer ??= new PauseTimer(indexWaits.quietMs, (paused) => this.#askIndex(uri, state, paused));
		state.indexTimer.touch(large ? indexWaits.largeMaxWaitMs : Infinity);
	}

	/**
	 * Indexes the document once the indexing under way ended. Asked while the user types on (not
	 * `paused`), it is not asked again while one is under way, which is still being done in the
	 * typing gate's slices: they would line up, each for the version current when it began.
	 */
	#askIndex(uri: string, state: DocumentState, paused: boolean): void {
		if (!paused && state.indexing) { return; }
		const index = () => this.#index(uri).catch((e: unknown) => this.init.connection.console.error(`zh-corpus: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
		const indexing: Promise<void> = (state.indexing?.then(index) ?? index()).finally(() => { if (state.indexing === indexing) { state.indexing = undefined; } });
		state.indexing = indexing;
	}

	async #index(uri: string): Promise<void> {
		const { service, corpus } = this.init;
		const doc = await this.get(uri);
		if (!doc) { return; }
		// Scheduled again by a check that ran while this text was indexed (a large document's tagging
		// takes seconds): its facts and names enter together (Corpus.open.index), so fresh names mean
		// nothing is left to do. It was printed, tagged and matched a second time, the print table's
		// removal and insertion of its prints on the server's thread included.
		if (isLarge(doc) && service.index.get(uri) && !service.entitiesStale(doc)) { return; }
		const before = await corpus.indexer.crossInputs(uri);
		if (isLarge(doc)) {
			// Printed, tagged and matched in a worker: the server's thread never blocks on a large text.
			await corpus.open.index(doc, () => this.init.documents.get(uri) !== undefined);
		} else {
			service.index.set(uri, doc.text);
			this.#indexNames(doc);
		}
		await corpus.indexer.openDocumentIndexed(uri, before);
		await corpus.names.flushAll();
		if (this.init.documents.get(uri)?.version === doc.version) { this.init.schedule(uri); }
	}
}
