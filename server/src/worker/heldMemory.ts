/**
 * Garbage a thread leaves behind. V8 lets the old generation grow to several times what is live
 * before it collects (checking a 10 MB file of short lines: 750 MB resident for 81 MB live), and
 * collects only when allocation asks for it: a worker that checked a large file, or tagged
 * thousands, keeps that garbage for as long as it sits idle. So work on a large text in parts
 * collects between parts once enough garbage has grown (`collectBetweenParts`), and an idle
 * worker collects once and tells the pool what it still holds (`collectIdle`); the pool replaces
 * a worker that still holds much (jieba's WebAssembly memory never shrinks, and V8 keeps heap
 * pages it grew to) by a fresh one.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const mb = 2 ** 20;
/** Garbage worth a full collection when idle: less is left to V8. */
const collectAboveMb = 48;

type Collect = (options?: { type: 'major' | 'minor' }) => void;
let collect: Collect | null | undefined;

/**
 * A collection, full unless `type` says minor. A worker thread cannot be started with --expose-gc
 * (execArgv refuses V8 options), so the flag is set now and the function taken from a new
 * context, which gets it.
 */
function collection(type: 'major' | 'minor' = 'major'): void {
	if (collect === undefined) {
		const given = (globalThis as { gc?: Collect }).gc;
		try {
			if (!given) { setFlagsFromString('--expose-gc'); }
			collect = given ?? runInNewContext('gc') as Collect;
		} catch {
			collect = null;
		}
	}
	// A full collection is gc() without options: in Node 20, gc({ type: 'major' }) left the 200 MB
	// Clean Workspace's peak at 1,273–1,365 MB against 970–983 MB with gc() (writes bench, bisected).
	if (type === 'major') { collect?.(); } else { collect?.({ type }); }
}

const fullCollection = () => collection();

/**
 * After an open document's check is answered: a minor collection (the young generation), while
 * the editor has the diagnostics and the user has not typed yet. A check of a 1 MB document
 * allocates ≈ 10 MB and keeps some of it until the next keystroke; without this the scavenges
 * fall inside the next check (≈ 5 of its ≈ 20 ms of CPU, measured in process), and what one edit
 * kept is promoted to the old generation before it dies.
 */
export function collectYoung(): void {
	collection('minor');
}

/**
 * How far V8 lets a heap grow past what was live after its last major collection before it
 * collects again, in percent. V8 picks 10–300 % by its own speed estimates and in practice let
 * the server's and the workers' heaps reach two to four times their live sets on the 10,000-file
 * cold start (server thread 411 MB committed for 164 MB live while files are re-checked).
 * The flag is the process's, so it bounds every thread, workers included; measured there at
 * the same CPU time (see the memory notes). Every thread reads it when it sets its next limit,
 * after its next major collection.
 */
export const heapGrowingPercent = 50;
/**
 * The bound while names are tagged and files re-checked for them after a scan (`boundHeapGrowthWhile`):
 * the server thread's live set is largest then (the entity index, the print index, jieba's
 * memory), the 10,000-file cold start peaked there at 974–990 MB, and nothing waits on the time
 * of that work. With 25 % the server thread's heap stayed at ≈ 320 MB committed instead of ≈ 372 MB.
 */
export const backgroundGrowingPercent = 25;

const givenOnCommandLine = () => process.execArgv.some((a) => a.startsWith('--heap-growing-percent') || a.startsWith('--heap_growing_percent'));

/** Bounds heap growth (`heapGrowingPercent`) unless the command line set it. Call once at startup, on the main thread. */
export function boundHeapGrowth(): void {
	if (givenOnCommandLine()) { return; }
	try { setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`); } catch { /* an engine without the flag: its own growth */ }
}

let background = false;

/**
 * The server: `backgroundGrowingPercent` while background work (tagging, the re-checks for names)
 * runs, `heapGrowingPercent` otherwise; nothing when the command line set the flag. Returns the
 * bound now in force (undefined: the command line's).
 */
export function boundHeapGrowthWhile(inBackground: boolean): number | undefined {
	if (givenOnCommandLine()) { return undefined; }
	if (background !== inBackground) {
		background = inBackground;
		try { setFlagsFromString(`--heap-growing-percent=${inBackground ? backgroundGrowingPercent : heapGrowingPercent}`); } catch { /* an engine without the flag: its own growth */ }
	}
	return background ? backgroundGrowingPercent : heapGrowingPercent;
}

/** The heap in use after this thread's last collection here. */
let liveAfterLast = 0;

/** Collects when the heap in use grew by more than `grownMb` since the last collection here. */
function collectIfGrown(grownMb: number): void {
	if (getHeapStatistics().used_heap_size - liveAfterLast <= grownMb * mb) { return; }
	fullCollection();
	liveAfterLast = getHeapStatistics().used_heap_size;
}

/**
 * Between parts of a large text (a part's rules allocate tens of MB and keep none of it): a full
 * collection once the garbage is half what was live (at least 64 MB), so that the peak stays
 * near one and a half times the live set and the collections' cost (each in proportion to what
 * is live) stays a fixed share of the work. Measured on a 10 MB file of short lines in one
 * worker: 621 MB peak without, 379 MB with a fixed 64 MB, 402 MB with 128 MB, about the same time.
 */
export function collectBetweenParts(): void {
	collectIfGrown(Math.max(64, liveAfterLast / mb / 2));
}

/**
 * After a job on a large text, whose text and parts are garbage now: always, not when enough
 * grew since the last collection. That one was taken while the whole text was live, so the
 * threshold it set (half of that) let the next job, the tagging of the same 200 MB file, start
 * with hundreds of MB of the check's garbage (the clean bench: 1.2 GB in its first 20 s).
 */
export function collectAfterLargeJob(): void {
	fullCollection();
	liveAfterLast = getHeapStatistics().used_heap_size;
}

/** Collects when the heap grew since the last collection; what this thread holds afterwards, in MB (heap committed and memory outside it: WebAssembly, typed arrays). */
export function collectIdle(): number {
	collectIfGrown(collectAboveMb);
	const after = getHeapStatistics();
	return Math.round((after.total_heap_size + after.external_memory) / mb);
}
