/**
 * The first scan gives the workers several files per job. One job per file meant 20,000 jobs
 * for a 10,000-file corpus (an index job and a check job each), and each one's messages,
 * promises and turns of the event loop cost the server's thread about 30 % of its time in the
 * cold start. A batch is bounded by the text it holds, so that a job the editor waits for (an
 * open document's check, pinned to a worker) never waits long behind one: a worker takes it
 * when one of the two jobs it holds ends. The results of a batch are merged a file at a time in
 * the thread's shared slices (drive.ts).
 */
import type { LanguageService } from '../service';
import type { Settings } from '../settings';
import type { CheckResult, CorpusSnapshot, IndexResult } from '../worker/protocol';
import { corpusSnapshotInSteps } from '../worker/snapshot';
import { drive, nextTurn, sliceUsed } from './drive';
import { Priority, Superseded, type WorkerPool } from './workerPool';

/**
 * Per index job: UTF-16 units of text, files, and jobs at once. ≈ 25 ms of a worker's time
 * (indexing a 10,000-file corpus of 35 M units took two workers 3.3 s). The worker stops at the
 * budget (it learns a file's length as it reads it); the files it did not reach go back to the
 * list. Each worker holds two jobs; the others wait their turn or are being merged: a busy
 * machine delays the server's thread, and the workers must still find work waiting.
 */
export const indexBatch = { units: 128 * 1024, files: 48, lanes: 12 };
/**
 * Per check job (the lengths are known from the index; checking is ≈ 4× indexing per unit). A
 * job holds its files' snapshots until it is given to a worker; with 6 at once the workers
 * waited for the next (the wall time of the checks rose by a third while their CPU fell).
 */
export const checkBatch = { units: 32 * 1024, files: 16, lanes: 12 };

/**
 * Runs `run` over `items` in batches, `lanes` at once, until all are done or `token` is
 * cancelled. `take` says how many of the items waiting (in order) the next batch holds (at least
 * one); `run` does a batch (given the items' places in `items`) and says how many of its first
 * items it did: the others go back in their places, before every item not yet taken. `ready`,
 * when given, is awaited before each batch is taken (told the first place waiting).
 */
export async function inBatches<T>(
	items: readonly T[],
	lanes: number,
	token: { isCancellationRequested: boolean } | undefined,
	take: (waiting: readonly T[]) => number,
	run: (batch: readonly T[], at: readonly number[]) => Promise<number>,
	ready?: (first: () => number | undefined) => Promise<void>,
): Promise<void> {
	// Places, the first last: a batch is taken from the end; an item not done goes back in its place.
	const waiting = items.map((_, i) => items.length - 1 - i);
	const putBack = (place: number) => {
		let lo = 0;
		for (let hi = waiting.length; lo < hi;) { const mid = (lo + hi) >> 1; if (waiting[mid] > place) { lo = mid + 1; } else { hi = mid; } }
		waiting.splice(lo, 0, place);
	};
	const lane = async () => {
		while (waiting.length > 0 && !token?.isCancellationRequested) {
			await ready?.(() => waiting[waiting.length - 1]);
			if (waiting.length === 0) { break; }
			const tail = waiting.slice(-Math.min(waiting.length, 64)).reverse().map((i) => items[i]);
			const n = Math.max(1, Math.min(tail.length, take(tail)));
			const at = waiting.splice(waiting.length - n, n).reverse();
			const done = await run(at.map((i) => items[i]), at);
			for (let i = Math.max(1, done); i < at.length; i++) { putBack(at[i]); }
		}
	};
	await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}

/**
 * Merges items' results in the items' order, whatever order their batches end in: the index
 * then grows in the order of the listing, as it did when each file was a job of its own and
 * results came back nearly in order (which file a near-duplicate names among equally close
 * ones is the first indexed). At most `room` results wait for an earlier one.
 */
export class InOrder {
	#next = 0;
	readonly #waiting = new Map<number, () => void>();
	#merging = false;
	#wake: (() => void)[] = [];
	#failed: unknown;

	constructor(private readonly count: number, private readonly room = 2000) { }

	/** Merges item `at` once every item before it is merged (in the thread's shared slices). */
	add(at: number, merge: () => void): void {
		this.#waiting.set(at, merge);
		void this.#merge();
	}

	/**
	 * Resolves when fewer than `room` results wait, or when the first item waiting to be taken
	 * (`first`) is the one the merge waits for (a batch left it undone).
	 */
	async ready(first: () => number | undefined): Promise<void> {
		while (this.#waiting.size >= this.room && first() !== this.#next) { await new Promise<void>((resolve) => this.#wake.push(resolve)); }
	}

	/** Resolves when every item is merged; throws what a merge threw. */
	async done(): Promise<void> {
		while (this.#next < this.count && this.#failed === undefined) { await new Promise<void>((resolve) => this.#wake.push(resolve)); }
		if (this.#failed !== undefined) { throw this.#failed; }
	}

	async #merge(): Promise<void> {
		if (this.#merging) { return; }
		this.#merging = true;
		try {
			for (let merge = this.#waiting.get(this.#next); merge; merge = this.#waiting.get(this.#next)) {
				if (sliceUsed()) { await nextTurn(); }
				this.#waiting.delete(this.#next++);
				merge();
			}
		} catch (e) {
			this.#failed ??= e;
		} finally {
			this.#merging = false;
			for (const wake of this.#wake.splice(0)) { wake(); }
		}
	}
}

/** Calls `each` for every item, in the thread's shared slices: a batch's merge never holds it long in one piece. */
export async function inSlices<T>(items: readonly T[], each: (item: T, i: number) => void): Promise<void> {
	for (let i = 0; i < items.length; i++) {
		if (sliceUsed()) { await nextTurn(); }
		each(items[i], i);
	}
}

/** What a batch needs of the indexer: its pool and indexes, and what it does with one file's result. */
export interface ScanBatchHost {
	readonly pool: WorkerPool;
	readonly service: LanguageService;
	isOpen(uri: string): boolean;
	settingsFor(uri: string): Promise<Settings>;
	/** The stamp of the text a closed file was indexed from. */
	stampOf(uri: string): string | undefined;
	indexed(uri: string, result: IndexResult): void;
	checked(uri: string, stamp: string, settings: Settings, result: CheckResult): void;
	/** A file in a job of its own (after a batch failed: each file then says what failed). */
	indexOne(uri: string): Promise<void>;
	checkOne(uri: string): Promise<void>;
}

/** Indexes the first of `uris` (items `at` of `order`) in one job, as many as fit its budget; says how many it did. */
export async function indexInBatch(host: ScanBatchHost, uris: readonly string[], at: readonly number[], order: InOrder): Promise<number> {
	let results;
	try {
		const files = uris.map((uri) => ({ uri, found: host.service.entities.index.foundIn(uri) }));
		// Not once the editor opened every one of them: an open document is indexed from its text.
		results = (await host.pool.run({ kind: 'indexBatch', files, budget: indexBatch.units }, Priority.Scan, { wanted: () => uris.some((u) => !host.isOpen(u)) })).results;
	} catch (e) {
		// One file at a time, so that each says what failed (merged as they come).
		if (!(e instanceof Superseded)) { for (const uri of uris) { await host.indexOne(uri); } }
		for (const i of at) { order.add(i, () => undefined); }
		return uris.length;
	}
	results.forEach((result, i) => order.add(at[i], () => host.indexed(uris[i], result)));
	return results.length;
}

/** How many of the waiting files the next check job holds: as many as fit its budget by their indexed lengths. */
export function checkBatchSize(index: LanguageService['index'], waiting: readonly string[]): number {
	let units = 0;
	let n = 0;
	while (n < Math.min(waiting.length, checkBatch.files)) {
		units += index.get(waiting[n])?.length ?? 0;
		if (n > 0 && units > checkBatch.units) { break; }
		n++;
	}
	return n;
}

/** Checks closed files, one job per folder's settings (a corpus of one folder: one job), each file with its snapshot; says how many it did (all). */
export async function checkInBatch(host: ScanBatchHost, uris: readonly string[]): Promise<number> {
	const files: { readonly uri: string; readonly stamp: string; readonly settings: Settings }[] = [];
	for (const uri of uris) {
		const stamp = host.stampOf(uri);
		if (stamp !== undefined && !host.isOpen(uri)) { files.push({ uri, stamp, settings: await host.settingsFor(uri) }); }
	}
	// Not once the file is open or indexed again (a newer check follows).
	const wanted = (f: { uri: string; stamp: string }) => !host.isOpen(f.uri) && host.stampOf(f.uri) === f.stamp;
	for (const settings of new Set(files.map((f) => f.settings))) {
		const batch = files.filter((f) => f.settings === settings);
		let results;
		try {
			const snapshots: { uri: string; corpus: CorpusSnapshot }[] = [];
			// Each snapshot in slices (drive.ts): a file sharing passages with many others held the thread ≈ 70 ms in one piece.
			for (const f of batch) { snapshots.push({ uri: f.uri, corpus: await drive(corpusSnapshotInSteps(host.service, f.uri)) }); }
			results = (await host.pool.run({ kind: 'checkBatch', options: settings, files: snapshots }, Priority.Scan, { wanted: () => batch.some(wanted) })).results;
		} catch (e) {
			if (!(e instanceof Superseded)) { for (const f of batch) { await host.checkOne(f.uri); } }
			continue;
		}
		await inSlices(results, (result, i) => host.checked(batch[i].uri, batch[i].stamp, settings, result));
	}
	return uris.length;
}
