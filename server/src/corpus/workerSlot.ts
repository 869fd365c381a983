/** One corpus worker as the pool (workerPool.ts) holds it: its jobs, what it tells the pool, and which waiting job it takes next. */
import { Worker } from 'node:worker_threads';
import type { FromWorker, IdleReport, Job } from '../worker/protocol';
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

/** What a slot's worker tells the pool. */
export interface SlotEvents {
	idle(slot: Slot, report: IdleReport): void;
	/** The system thread id the worker runs on. */
	thread(id: number): void;
	/** A job ended (already out of `running`). */
	ended(pending: Pending, error: string | undefined, result: unknown): void;
	/** Whether the worker's exit is expected (the pool is shutting down): its jobs are then left alone. */
	exitExpected(): boolean;
	/** The worker stopped on its own, its jobs rejected: the pool puts another in its place. */
	failed(slot: Slot, why: string): void;
}

/** A new worker running `script`, its output sent to `log` (never to this process's stdout: that is the LSP channel). */
export function newSlot(script: string, niceness: number, log: (message: string) => void, events: SlotEvents): Slot {
	const pause = new Int32Array(new SharedArrayBuffer(4));
	const worker = new Worker(script, { stdout: true, stderr: true, workerData: { niceness, pause } });
	const slot: Slot = { worker, running: new Map(), pinned: [], retired: false, mayKeepOpen: false, dormant: false, warming: false, pause };
	worker.stderr.on('data', (d: Buffer) => log(d.toString().trimEnd()));
	worker.stdout.on('data', (d: Buffer) => log(d.toString().trimEnd()));
	worker.on('message', (m: FromWorker) => {
		if (m.id === undefined) {
			if (m.idle) { events.idle(slot, m.idle); } else { events.thread(m.thread); }
			return;
		}
		const pending = slot.running.get(m.id);
		if (!pending) { return; }
		slot.running.delete(m.id);
		events.ended(pending, m.error, m.result);
	});
	let failed = false;
	const fail = (why: string) => {
		if (failed || slot.retired || events.exitExpected()) { return; }
		failed = true;
		log(`zh-corpus: a corpus worker stopped (${why}); starting another.`);
		for (const pending of [...slot.running.values(), ...slot.pinned]) { pending.reject(new Error(`worker stopped: ${why}`)); }
		slot.running.clear();
		slot.pinned.length = 0;
		events.failed(slot, why);
	};
	worker.on('error', (e) => fail(e.message));
	worker.on('exit', (code) => fail(`exit code ${code}`));
	return slot;
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
