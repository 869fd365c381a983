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

export class OpenDocumentJobs {
	constructor(private readonly host: OpenDocumentHost) { }

	/**
	 * Checks a large open document in its pinned worker; 'superseded' when a newer version came
	 * before the check began. The worker is sent the edit since the version it checked last, and
	 * the corpus snapshot only when it changed; when it does not hold them, everything is sent again.
	 */
	async check(doc: CorpusDocument, options: LintOptions, isCurrent: () => boolean): Promise<{ problems: FileProblems; diagnostics: Diagnostic[] } | 'superseded' | undefined> {
		const { key: corpusKey, snapshot } = this.#openSnapshot(doc);
		const corpus = await snapshot;
		if (!isCurrent()) { return 'superseded'; }
		let result;
		for (let whole = false; ; whole = true) {
			const token = ++this.#tokens;
			const base = whole ? undefined : this.#sent.get(doc.uri);
			const job = openCheckJob(doc.uri, doc.version, doc.text, options, corpus, corpusKey, token, base);
			try {
				result = await this.host.pool.run(job, Priority.Open, { pin: doc.uri, wanted: isCurrent });
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
		const key = `${indexed}:${service.index.generation}:${service.entities.index.version}:${service.entities.index.table.generation}`;
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
	 * Indexes a large open document's text in workers: facts, names, mentions. Stops (the next
	 * version is indexed when the user pauses again) when the document was edited meanwhile.
	 */
	async index(doc: CorpusDocument, isCurrent: () => boolean): Promise<void> {
		try {
			await this.#index(doc, { pin: doc.uri, away: true, wanted: isCurrent });
		} catch (e) {
			if (!(e instanceof Superseded)) { throw e; }
		}
	}

	async #index(doc: CorpusDocument, run: RunOptions): Promise<void> {
		const { service } = this.host;
		const index = await this.host.pool.run({ kind: 'index', uri: doc.uri, text: doc.text, found: service.entities.index.foundIn(doc.uri) }, Priority.Open, run);
		if (!index.facts) { return; }
		service.index.setFacts(doc.uri, index.facts);
		const found = await this.host.pool.run({ kind: 'discover', uri: doc.uri, text: doc.text }, Priority.Open, run);
		if (!found.found) { return; }
		service.entities.index.ensure(doc.uri);
		const added = service.entities.index.applyTally(doc.uri, found.found);
		await this.host.names.flushAll();
		const matched = await this.host.pool.run({ kind: 'match', uri: doc.uri, text: doc.text, found: service.entities.index.foundIn(doc.uri) }, Priority.Open, run);
		if (matched.matches) { service.entities.index.applyMatches(doc.uri, matched.matches); }
		service.entities.markDiscovered(doc.uri, doc.stamp);
		if (added.length > 0) { this.host.names.schedulePropagation(); }
	}
}
