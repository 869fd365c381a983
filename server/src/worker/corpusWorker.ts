/**
 * Entry point of a corpus worker thread (bundled as dist/worker.js): runs the jobs the server's
 * thread posts and posts their results back, typed arrays transferred.
 */
import { parentPort } from 'node:worker_threads';
import { jiebaSegmenter } from '../segmenter';
import { createJobRunner, transferables } from './jobs';
import type { ToWorker } from './protocol';

const port = parentPort!;
const runner = createJobRunner(jiebaSegmenter((message) => console.error(message)));

port.on('message', (message: ToWorker) => {
	if (message.id === undefined) { runner.control(message.control); return; }
	const { id, job } = message;
	const fail = (e: unknown) => port.postMessage({ id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
	// Every job gets an answer, even when its result cannot be sent: the server's thread waits for it.
	runner.run(job).then((result) => {
		try { port.postMessage({ id, result }, transferables(result)); } catch (e) { fail(e); }
	}, fail);
});
