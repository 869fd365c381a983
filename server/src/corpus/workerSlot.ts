/** One corpus worker as the pool (workerPool.ts) holds it, and which of the waiting jobs it takes next. */
import { Worker } from 'node:worker_threads';
import type { Job } from '../worker/protocol';
import { Priority, priorities } from './poolOptions';
import type { PriorityQueues } from './priorityQueues';

/** A job waiting or running, with its caller's promise. */
export interface Pending {
	readonly job: Job;
	readonly priority: Priority;
	resolve(result: unknown): void;
	reject(e: Error): void;
	readonly wanted?: () => boolean;
	readonly pinned?: boolean;
	readonly yields: boolean;
}

export interface Slot {
	readonly worker: Worker;
	readonly running: Map<number, Pending>;
	readonly pinned: Pending[];
	/** Terminated by the pool on purpose (replaced while idle): its exit is not a failure. */
	retired: boolean;
	/** Was given a pinned job since it last said it keeps no open document's state. */
	mayKeepOpen: boolean;
	/** Ended while only background work was left (`backgroundOnFirst`): started again when other work comes. */
	dormant: boolean;
	/** Fresh and being told the names rows (in steps): given no job and no names control until told all. */
	warming: boolean;
	/** Shared with the worker: 1 asks it to sleep between two parts of the jobs that yield (corpusWorker.ts). */
	readonly pause: Int32Array;
}

/** A new worker running `script`, its output sent to `log` (never to this process's stdout: that is the LSP channel). */
export function newSlot(script: string, niceness: number, log: (message: string) => void): Slot {
	const pause = new Int32Array(new SharedArrayBuffer(4));
	const worker = new Worker(script, { stdout: true, stderr: true, workerData: { niceness, pause } });
	worker.stderr.on('data', (d: Buffer) => log(d.toString().trimEnd()));
	worker.stdout.on('data', (d: Buffer) => log(d.toString().trimEnd()));
	return { worker, running: new Map(), pinned: [], retired: false, mayKeepOpen: false, dormant: false, warming: false, pause };
}

/**
 * The next job for a worker with these pinned jobs (none for the server's thread): the first of the highest
 * priority, pinned first; shared background jobs only when `background`; none that yields while the user is `typing`.
 */
export function nextJob(queue: PriorityQueues<Pending>, pinned: Pending[] | undefined, background: boolean, typing: boolean): Pending | undefined {
	const at = !pinned ? -1 : typing ? pinned.findIndex((p) => !p.yields) : pinned.length > 0 ? 0 : -1;
	let below = at >= 0 ? pinned![at].priority : priorities;
	if (!background) { below = Math.min(below, Priority.Background); }
	if (typing) { below = Math.min(below, Priority.Scan); }
	return queue.shift(below) ?? (at >= 0 ? pinned!.splice(at, 1)[0] : undefined);
}
