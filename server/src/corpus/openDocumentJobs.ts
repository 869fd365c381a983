/**
 * The work on large open documents that runs in workers (openDocuments.ts decides what is
 * large): checks sent as edits, outlines, indexing. What the server knows each worker holds
 * lives here, so that the next job sends only what changed.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { CorpusDocument, LanguageService, LintOptions } from '../service';
import type { CorpusSnapshot, OutlineResult } from '../worker/protocol';
import { corpusSnapshotInSteps } from '../worker/snapshot';
import { applyDiagnosticsDelta, keepsAll } from '../lsp/diagnosticsDelta';
import { HeldByWorker, keysAfter, openCheckJob } from '../worker/textChange';
import type { CorpusNames } from './corpusNames';
import { drive } from './drive';
import type { FileProblems } from './problemTally';
import { Priority, RunOptions, Superseded, WorkerPool } from './workerPool';

export interface OpenDocumentHost {
	readonly service: LanguageService;
	readonly pool: WorkerPool;
	readonly names: CorpusNames;
}

/** An open document's check: its problems per rule and diagnostics; 'superseded' when a newer version came first; undefined when nothing was checked. */
type OpenCheck = { problems: FileProblems; diagnostics: Diagnostic[] } | 'superseded' | undefined;

export class OpenDocumentJobs {
	constructor(private readonly host: OpenDocumentHost) { }

	/**
	 * Checks a large open document in its pinned worker; 'superseded' when a newer version came
	 * before the check began. The worker is sent the edit since the version it checked last, and
	 * the corpus snapshot only when it changed; when it does not hold them, everything is sent again.
	 * A check of a version typed since the last check holds the work that yields until the user
	 * pauses (workerPool.ts); an opened document's first check does not (a 50 MB one takes a
	 * minute: the scan would wait as long). A check asked again for the same version, settings and
	 * snapshot (all open documents are re-checked when the first scan ends, the opened one's first
	 * check still running) is the one under way or done: the same input gives the same problems.
	 */
	check(doc: CorpusDocument, options: LintOptions, isCurrent: () => boolean): Promise<OpenCheck> {
		const opened = this.#openSnapshot(doc);
		const last = this.#checks.get(doc.uri);
		if (last && last.version === doc.version && last.key === opened.key && last.options === options) { return last.result; }
		const result = this.#check(doc, options, isCurrent, opened.key, opened.snapshot);
		const entry = { version: doc.version, key: opened.key, options, result };
		this.#checks.set(doc.uri, entry);
		const drop = () => { if (this.#checks.get(doc.uri) === entry) { this.#checks.delete(doc.uri); } };
		result.then((r) => { if (typeof r !== 'object') { drop(); } }, drop);
		return result;
	}

	/** The last check asked per open document, with what it was asked for. */
	readonly #checks = new Map<string, { readonly version: number; readonly key: string; readonly options: LintOptions; readonly result: Promise<OpenCheck> }>();

	async #check(doc: CorpusDocument, options: LintOptions, isCurrent: () => boolean, corpusKey: string, snapshot: Promise<CorpusSnapshot>): Promise<OpenCheck> {
		const corpus = await snapshot;
		if (!isCurrent()) { return 'superseded'; }
		let result;
		const last = this.#sent.get(doc.uri)?.version;
		const typed = last !== undefined && last !== doc.version;
		for (let whole = false; ; whole = true) {
			const token = ++this.#tokens;
			const base = whole ? undefined : this.#sent.get(doc.uri);
			const job = openCheckJob(doc.uri, doc.version, doc.text, options, corpus, corpusKey, token, base);
			try {
				result = await this.host.pool.run(job, Priority.Open, { pin: doc.uri, wanted: isCurrent, typed });
			} catch (e) {
				if (e instanceof Superseded) { return 'superseded'; }
				throw e;
			}
			if (result.resend) {
				if (whole) { throw new Error(`the worker asked for ${doc.uri} again though it was sent whole`); }
				continue;
			}
			const held = this.#sent.get(doc.uri);
			// A change of a list this thread no longer holds (never expected: the worker answers in order): ask for the whole list.
			if (result.delta && held?.token !== result.delta.base) { continue; }
			// A re-check of the same version that kept every diagnostic (after indexing, after names change): the same list, so it is not pushed again (diagnostics.ts).
			const unchanged = result.delta && held!.version === doc.version && keepsAll(result.delta, held!.diagnostics);
			const diagnostics = unchanged ? held!.diagnostics : result.delta ? applyDiagnosticsDelta(held!.diagnostics, result.delta) : result.diagnostics;
			if (!diagnostics) { this.#sent.delete(doc.uri); return undefined; }
			this.#sent.set(doc.uri, { token, diagnostics, version: doc.version, text: doc.text, corpusKeys: keysAfter(base, corpusKey) });
			return { problems: { counts: result.counts ?? {}, capped: result.capped ?? false }, diagnostics };
		}
	}

	/** Names the lists of diagnostics the workers send for open documents. */
	#tokens = 0;
	/**
	 * The last list received for each open document checked in a worker (the next check sends a
	 * change of it), with the version, text and snapshot it was computed from: what the worker holds.
	 */
	readonly #sent = new Map<string, HeldByWorker & { readonly diagnostics: Diagnostic[] }>();

	/**
	 * What the corpus says about an open document, kept until the indexes change (not rebuilt per
	 * keystroke), and built in slices: a large document's shared passages take the thread long.
	 * The last two are kept: the indexed text's and the edited text's (typing, then undoing it).
	 */
	#openSnapshot(doc: CorpusDocument): { key: string; snapshot: Promise<CorpusSnapshot> } {
		const { service } = this.host;
		// Shared passages are located in the indexed text: only when the index holds this very text.
		const indexed = doc.hasStamp(service.entities.indexedStamp(doc.uri));
		// An edited text's snapshot holds the indexed text's mentions and that text, when it is kept (worker/snapshot.ts).
		const moved = !indexed && service.indexedVersion(doc.uri) !== undefined;
		const key = `${indexed}:${moved}:${service.index.generation}:${service.entities.index.version}:${service.entities.index.table.generation}`;
		const kept = this.#snapshots.get(doc.uri) ?? [];
		const cached = kept.find((k) => k.key === key);
		if (cached) { return cached; }
		const made = { key, snapshot: drive(corpusSnapshotInSteps(service, doc.uri, indexed)) };
		this.#snapshots.set(doc.uri, [made, ...kept.slice(0, 1)]);
		return made;
	}

	readonly #snapshots = new Map<string, { key: string; snapshot: Promise<CorpusSnapshot> }[]>();

	/** The editor closed the document: forget what was kept for it here and in its worker. */
	forget(uri: string): void {
		this.#snapshots.delete(uri);
		this.#sent.delete(uri);
		this.#checks.delete(uri);
		this.host.pool.control({ kind: 'closed', uri });
	}

	/**
	 * The outline of a large open document, computed in a worker; symbols and folding ranges,
	 * asked for together when a document opens, share one job. Dropped (`Superseded`) when the
	 * document was edited before its turn came.
	 */
	outline(doc: CorpusDocument, options: LintOptions, isCurrent: () => boolean): Promise<OutlineResult> {
		if (this.#outline?.uri !== doc.uri || this.#outline.version !== doc.version) {
			// On the other worker than the document's checks: a check of a 50 MB file takes a minute, its outline seconds.
			const job = { kind: 'outline', uri: doc.uri, options, text: doc.text, version: doc.version } as const;
			this.#outline = { uri: doc.uri, version: doc.version, result: this.host.pool.run(job, Priority.Interactive, { pin: doc.uri, away: true, wanted: isCurrent }) };
		}
		return this.#outline.result;
	}

	#outline: { uri: string; version: number; result: Promise<OutlineResult> } | undefined;

	/**
	 * Indexes a large open document's text in workers: facts, names, mentions. Asked when the user
	 * pauses; once asked, done for that version while the document is open, even if the user types
	 * on: its jobs wait, and stop between their parts, while the user types (workerPool.ts), and go
	 * on where they stopped, so that a user who never pauses for long still gets the names indexed.
	 * The next version is indexed when the user pauses again (its tagging finds most lines tagged:
	 * discovery.ts caches them).
	 */
	async index(doc: CorpusDocument, isOpen: () => boolean): Promise<void> {
		try {
			await this.#index(doc, { pin: doc.uri, away: true, yields: true, wanted: isOpen });
		} catch (e) {
			if (!(e instanceof Superseded)) { throw e; }
		}
	}

	async #index(doc: CorpusDocument, run: RunOptions): Promise<void> {
		const { service } = this.host;
		const index = await this.host.pool.run({ kind: 'index', uri: doc.uri, text: doc.text, found: service.entities.index.foundIn(doc.uri), yields: true }, Priority.Open, run);
		if (!index.facts) { return; }
		service.index.setFacts(doc.uri, index.facts);
		const found = await this.host.pool.run({ kind: 'discover', uri: doc.uri, text: doc.text, yields: true }, Priority.Open, run);
		if (!found.found) { return; }
		service.entities.index.ensure(doc.uri);
		const added = service.entities.index.applyTally(doc.uri, found.found);
		await this.host.names.flushAll();
		const matched = await this.host.pool.run({ kind: 'match', uri: doc.uri, text: doc.text, found: service.entities.index.foundIn(doc.uri), yields: true }, Priority.Open, run);
		if (matched.matches) { service.entities.index.applyMatches(doc.uri, matched.matches); }
		service.entities.markDiscovered(doc.uri, doc.stamp);
		service.openDocumentIndexed(doc);
		if (added.length > 0) { this.host.names.schedulePropagation(); }
	}
}
