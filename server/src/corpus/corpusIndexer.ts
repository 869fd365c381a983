/**
 * The whole corpus at once. On start: every corpus file is read by the workers and indexed (its
 * facts and its mentions of the names known so far), then checked with every rule against the
 * complete index, its problems published whether it is open or not; work-done progress says
 * "Indexing corpus 3,200/10,000", then "Checking corpus …", and ends when every file is checked.
 * Tagging files for new names continues afterwards in the background (corpusNames.ts).
 *
 * Afterwards one file's change touches that file's entries only, then re-checks the files whose
 * cross-file findings it can change: the core's corpus model (service/corpusModel.ts) says which,
 * from what each rule declares it reads (shared passages, short lines' counts).
 */
import { grouped, type CrossFacts } from '../service';
import type { CheckResult, CorpusSnapshot, IndexResult, Skipped } from '../worker/protocol';
import { Priority, Superseded } from './workerPool';
import { corpusSnapshot, corpusSnapshotInSteps } from '../worker/snapshot';
import { drive } from './drive';
import type { Settings } from '../settings';
import { beginProgress, throttled } from '../lsp/workDoneProgress';
import { forAll } from './forAll';
import { FileProblems, ProblemTally } from './problemTally';
import { checkBatch, checkBatchSize, checkInBatch, InOrder, inBatches, indexBatch, indexInBatch, ScanBatchHost } from './scanBatches';
import type { IndexerHost } from './indexerHost';

export type { IndexerHost };

/** Files re-checked at once: enough to keep every worker busy, few enough to keep memory flat. */
const inFlight = 32;
/**
 * Background re-checks at once: they run on one worker (workerPool.ts), two at a time; a file
 * waiting its turn holds its corpus snapshot on the server's thread long enough to be promoted
 * to the old generation, whose garbage grew the thread's heap by 110 MB over the re-checks for names.
 */
const backgroundInFlight = 4;

export class CorpusIndexer {
	/** Stamp of the text each closed file was indexed from; a check of another text is redone. */
	readonly #stamps = new Map<string, string>();
	readonly #problems = new ProblemTally();
	readonly #skipped = new Map<string, Skipped>();
	/** Files to check again (their cross-file inputs changed), drained in the background, each at the most urgent priority asked. */
	readonly #recheck = new Map<string, Priority>();
	#draining = false;
	/** Per-file change handling in order: a file is never indexed twice at once. */
	readonly #busy = new Map<string, Promise<void>>();
	#progress: { phase: 'indexing' | 'checking'; done: number; total: number } | undefined;
	#ready = false;

	constructor(private readonly host: IndexerHost) { }

	/** True once every file has been indexed and checked. */
	get ready(): boolean { return this.#ready; }
	/** Files waiting to be checked again (their cross-file inputs changed). */
	get rechecking(): number { return this.#recheck.size + (this.#draining ? 1 : 0); }
	get progress(): { phase: 'indexing' | 'checking'; done: number; total: number } | undefined { return this.#progress; }
	problemsOf(uri: string): FileProblems | undefined { return this.#problems.get(uri); }
	get skipped(): ReadonlyMap<string, Skipped> { return this.#skipped; }
	get problems(): ReadonlyMap<string, FileProblems> { return this.#problems.all; }
	/** Problems of every checked closed file, and how many files have more than are listed. */
	get problemTotals(): { readonly problems: number; readonly cappedFiles: number } { return this.#problems.totals; }

	/** The first scan: index every file, then check every file; progress ends when all are checked. */
	async scan(): Promise<readonly string[]> {
		const { connection } = this.host;
		const progress = await beginProgress(connection, 'Indexing corpus');
		const token = progress?.token;
		// A worker waiting a second for its next batch is not ended: a fresh one would start from nothing.
		const keepWorkers = this.host.pool.hold('scan');
		const count = grouped;
		try {
			const uris = await this.host.listFiles(token);
			this.host.listed?.();
			const closed = () => uris.filter((u) => !this.host.isOpen(u));
			const report = throttled((done, total) => {
				this.#progress = { phase: this.#progress?.phase ?? 'indexing', done, total };
				const phase = this.#progress.phase === 'indexing' ? 'Indexing' : 'Checking';
				progress?.report(Math.round((this.#progress.phase === 'indexing' ? 0 : 40) + (done / Math.max(1, total)) * (this.#progress.phase === 'indexing' ? 40 : 60)), `${phase} corpus ${count(done)}/${count(total)}`);
				this.host.statusChanged();
			});
			this.#progress = { phase: 'indexing', done: 0, total: uris.length };
			const started = Date.now();
			let done = 0;
			const batches = this.#batches();
			const counted = (run: (batch: readonly string[], at: readonly number[]) => Promise<number>) => async (batch: readonly string[], at: readonly number[]) => { const n = await run(batch, at); report(done += n, uris.length); return n; };
			const files = closed();
			const order = new InOrder(files.length);
			await inBatches(files, indexBatch.lanes, token, (waiting) => Math.min(waiting.length, indexBatch.files), counted((batch, at) => indexInBatch(batches, batch, at, order)), (first) => order.ready(first));
			if (token?.isCancellationRequested) { return uris; }
			await order.done();
			this.host.service.index.releaseSpare();
			const indexed = Date.now();
			connection.console.log(`zh-corpus: indexed ${count(uris.length)} ${uris.length === 1 ? 'file' : 'files'} in ${((indexed - started) / 1000).toFixed(1)} s.`);
			// Open documents are indexed by the server's thread as they are checked.
			this.host.recheckOpen();
			this.#progress = { phase: 'checking', done: 0, total: uris.length };
			done = uris.length - closed().length;
			// Every file's snapshot queries the print index: laid out for that once (printGroups.ts).
			await drive(this.host.service.index.prepareSharingInSteps());
			try {
				await inBatches(closed(), checkBatch.lanes, token, (waiting) => checkBatchSize(this.host.service.index, waiting), counted((batch) => checkInBatch(batches, batch)));
			} finally {
				this.host.service.index.releaseSharing();
			}
			connection.console.log(`zh-corpus: checked ${count(uris.length)} ${uris.length === 1 ? 'file' : 'files'} in ${((Date.now() - indexed) / 1000).toFixed(1)} s.`);
			return uris;
		} catch (e) {
			connection.console.error(`zh-corpus: indexing failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
			return [];
		} finally {
			keepWorkers();
			this.#progress = undefined;
			this.#ready = true;
			progress?.done();
			this.host.statusChanged();
		}
	}

	/** What the first scan's batches (scanBatches.ts) do with this indexer's state. */
	#batches(): ScanBatchHost {
		const { pool, service } = this.host;
		return {
			pool, service, isOpen: (uri) => this.host.isOpen(uri), settingsFor: (uri) => this.host.settingsFor(uri), stampOf: (uri) => this.#stamps.get(uri),
			indexed: (uri, r) => this.#indexed(uri, r), checked: (uri, stamp, settings, r) => this.#checked(uri, stamp, settings, r),
			indexOne: (uri) => this.#index(uri, Priority.Scan), checkOne: (uri) => this.#check(uri, Priority.Scan),
		};
	}

	/** A file was created or changed on disk, or closed in the editor: index and check it, then what it affects. */
	fileChanged(uri: string): Promise<void> {
		return this.#serial(uri, async () => {
			if (this.host.isOpen(uri)) { return; }
			const before = await this.crossInputs(uri);
			await this.#index(uri, Priority.Open);
			const after = await this.crossInputs(uri);
			await this.#check(uri, Priority.Open);
			await this.#affected(uri, before, after);
		});
	}

	/** A file was deleted (or left the corpus through a setting). */
	fileDeleted(uri: string): Promise<void> {
		return this.#serial(uri, async () => {
			const before = await this.crossInputs(uri);
			this.#forget(uri);
			await this.#affected(uri, before, await this.crossInputs(uri));
		});
	}

	/** An open document's text changed the index (the server's thread indexed it): re-check the files it affects. */
	async openDocumentIndexed(uri: string, before: CrossInputs): Promise<void> {
		return this.#affected(uri, before, await this.crossInputs(uri));
	}

	/**
	 * What a file's cross-file findings elsewhere depend on, to compare before and after a change;
	 * in slices (drive.ts): a large document's neighbours held the thread 5–30 ms in one piece.
	 */
	crossInputs(uri: string): Promise<CrossInputs> { return drive(this.host.service.crossFactsInSteps(uri)); }

	/** Checks a closed file again (settings changed, or its cross-file inputs did). */
	recheck(uris: Iterable<string>, priority = Priority.Scan): void {
		for (const uri of uris) {
			if (this.#stamps.has(uri)) { this.#recheck.set(uri, Math.min(priority, this.#recheck.get(uri) ?? priority)); }
		}
		void this.#drain();
	}

	/** Every checked closed file: a setting that changes problems (severities, rules) re-checks them all. */
	recheckAll(): void { this.recheck([...this.#stamps.keys()]); }

	/** The stamp of the text the index holds for a file (a snapshot's positions are in that text). */
	stampOf(uri: string): string | undefined { return this.#stamps.get(uri); }

	/** Checks again the files whose findings the change can move (the core's corpus model says which). */
	async #affected(uri: string, before: CrossInputs, after: CrossInputs): Promise<void> {
		const out = this.host.service.affectedBy({ uri, before, after }, await this.host.settingsFor(uri));
		if ([...out].some((u) => this.host.isOpen(u))) { this.host.recheckOpen(); }
		this.recheck([...out].filter((u) => !this.host.isOpen(u)));
	}

	async #drain(): Promise<void> {
		if (this.#draining || !this.#ready) { return; }
		this.#draining = true;
		this.host.statusChanged();
		try {
			while (this.#recheck.size > 0) {
				const batch = [...this.#recheck];
				this.#recheck.clear();
				const limit = batch.every(([, priority]) => priority === Priority.Background) ? backgroundInFlight : inFlight;
				await forAll(batch, limit, undefined, ([uri, priority]) => this.#serial(uri, () => this.#check(uri, priority)));
			}
		} finally {
			this.#draining = false;
			this.host.statusChanged();
		}
	}

	async #index(uri: string, priority: Priority): Promise<void> {
		const { service, pool } = this.host;
		let result;
		try {
			// Not once the editor opened the file: the open document is indexed from its text.
			result = await pool.run({ kind: 'index', uri, found: service.entities.index.foundIn(uri) }, priority, { wanted: () => !this.host.isOpen(uri) });
		} catch (e) {
			if (e instanceof Superseded) { return; }
			this.host.connection.console.error(`zh-corpus: ${uri}: ${e instanceof Error ? e.message : String(e)}`);
			return;
		}
		this.#indexed(uri, result);
	}

	/** Merges a closed file's index result (unless the editor opened it meanwhile). */
	#indexed(uri: string, result: IndexResult): void {
		const { service } = this.host;
		if (this.host.isOpen(uri)) { return; }
		if (!result.facts) {
			this.#forget(uri);
			// Deleted since it was listed: the watcher's event follows; nothing to say about it.
			if (result.skipped && result.skipped.reason !== 'missing') {
				this.#skipped.set(uri, result.skipped);
				this.host.publishSkipped(uri, result.skipped);
			}
			return;
		}
		if (this.#skipped.delete(uri)) { this.host.publishSkipped(uri, undefined); }
		service.index.setFacts(uri, result.facts);
		this.#stamps.set(uri, result.stamp!);
		service.entities.index.ensure(uri);
		if (result.matches) { service.entities.index.applyMatches(uri, result.matches); }
	}

	async #check(uri: string, priority: Priority): Promise<void> {
		const stamp = this.#stamps.get(uri);
		if (stamp === undefined || this.host.isOpen(uri)) { return; }
		const settings = await this.host.settingsFor(uri);
		let result: CheckResult;
		try {
			// The snapshot in slices (drive.ts): a file sharing passages with many others held the thread ≈ 70 ms in one piece.
			const corpus = await drive(corpusSnapshotInSteps(this.host.service, uri));
			// Not once the file is open or indexed again (a newer check follows).
			result = await this.host.pool.run({ kind: 'check', uri, options: settings, corpus }, priority, { wanted: () => !this.host.isOpen(uri) && this.#stamps.get(uri) === stamp });
		} catch (e) {
			if (e instanceof Superseded) { return; }
			this.host.connection.console.error(`zh-corpus: ${uri}: ${e instanceof Error ? e.message : String(e)}`);
			return;
		}
		this.#checked(uri, stamp, settings, result);
	}

	/** Publishes a closed file's problems (unless the editor opened it or it was indexed again meanwhile). */
	#checked(uri: string, stamp: string, settings: Settings, result: CheckResult): void {
		if (this.host.isOpen(uri) || this.#stamps.get(uri) !== stamp) { return; }
		if (result.stamp !== stamp) {
			// Changed on disk between indexing and checking: index it again (the watcher may not have told us yet).
			void this.fileChanged(uri);
			return;
		}
		this.#problems.set(uri, { counts: result.counts ?? {}, capped: result.capped ?? false });
		this.host.publishClosed(uri, result, settings);
	}

	/**
	 * What the server's indexes hold about the corpus around one indexed file. Without
	 * `positions`, what is located in the indexed text (shared passages, mentions) is left out:
	 * an edited document's text is not the indexed one.
	 */
	snapshot(uri: string, positions = true): CorpusSnapshot {
		return corpusSnapshot(this.host.service, uri, positions);
	}

	#forget(uri: string): void {
		this.#stamps.delete(uri);
		this.#problems.set(uri, undefined);
		this.host.service.removeFile(uri);
		if (this.#skipped.delete(uri)) { this.host.publishSkipped(uri, undefined); }
		this.host.publishClosed(uri, undefined, undefined as unknown as Settings);
	}

	#serial(uri: string, work: () => Promise<void>): Promise<void> {
		const previous = this.#busy.get(uri) ?? Promise.resolve();
		const next = previous.then(work, work).catch((e: unknown) => {
			this.host.connection.console.error(`zh-corpus: ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
		});
		this.#busy.set(uri, next);
		void next.then(() => { if (this.#busy.get(uri) === next) { this.#busy.delete(uri); } });
		return next;
	}
}

/** What a file's cross-file findings elsewhere depend on (the core's CrossFacts). */
export type CrossInputs = CrossFacts;
