/**
 * Entry point of a corpus worker thread (bundled as dist/worker.js): runs the jobs the server's
 * thread posts and posts their results back, typed arrays transferred.
 */
import { readlinkSync } from 'node:fs';
import { getPriority as getPriorityOf, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { jiebaSegmenter } from '../segmenter';
import { createJobRunner, transferables } from './jobs';
import { collectIdle } from './heldMemory';
import type { FromWorker, ToWorker } from './protocol';
import { fromWire } from './namesWire';

const port = parentPort!;

/** This thread's id in the system (Linux: /proc/thread-self), or undefined elsewhere. */
function systemThreadId(): number | undefined {
	if (process.platform !== 'linux') { return undefined; }
	try {
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		return tid > 0 ? tid : undefined;
	} catch { return undefined; }
}

/**
 * Lowers this thread's scheduling priority by `niceness` (Linux: a thread is scheduled on its own,
 * and setpriority on its thread id changes only it). Elsewhere nothing changes.
 */
function lowerPriority(tid: number | undefined, niceness: number): void {
	if (!(niceness > 0) || tid === undefined || tid === process.pid) { return; }
	try {
		setPriority(tid, Math.min(19, setPriorityBase() + niceness));
	} catch { /* not permitted: the worker runs at the server's priority */ }
}

/** The process's own nice value (the worker starts at it). */
function setPriorityBase(): number {
	try { return getPriorityOf(process.pid); } catch { return 0; }
}

const given = workerData as { niceness?: number; pause?: Int32Array } | null;
const tid = systemThreadId();
lowerPriority(tid, given?.niceness ?? 0);
if (tid !== undefined) { port.postMessage({ thread: tid } satisfies FromWorker); }

/**
 * Between two parts of a job that yields: while the pool's flag asks (the user types in a large
 * document, workerPool.ts), this thread sleeps, using no CPU, and goes on where it stopped when
 * the flag is cleared. Waits in turns of a second: a flag never cleared costs a wake-up a second.
 */
function pause(flag: Int32Array): void {
	while (Atomics.load(flag, 0) !== 0) { Atomics.wait(flag, 0, 1, 1000); }
}

const flag = given?.pause;
const runner = createJobRunner(jiebaSegmenter((message) => console.error(message)), true, flag ? () => pause(flag) : undefined);

/** After this long without a job, the worker collects and says what it holds (heldMemory.ts). */
const idleMs = 1000;
/** Jobs given and not yet answered. */
let holding = 0;
let idle: NodeJS.Timeout | undefined;

port.on('message', (message: ToWorker) => {
	if (message.id === undefined) { runner.control(fromWire(message.control)); return; }
	const { id, job } = message;
	clearTimeout(idle);
	holding++;
	const fail = (e: unknown) => port.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
	// Every job gets an answer, even when its result cannot be sent: the server's thread waits for it.
	runner.run(job).then((result) => {
		try { port.postMessage({ id, result }, transferables(result)); } catch (e) { fail(e); }
	}, fail).finally(() => {
		runner.afterJob();
		if (--holding === 0) { idle = setTimeout(settle, idleMs); }
	});
});

function settle(): void {
	const idleReport: FromWorker = { idle: { heldMb: collectIdle(), openDocuments: runner.openDocuments } };
	port.postMessage(idleReport);
}
