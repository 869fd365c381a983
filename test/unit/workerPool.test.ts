/**
 * The corpus workers' one queue: jobs start in priority order (interactive, open documents,
 * scan, background), first come first served within a priority, a job pinned to a worker before
 * the shared queue's jobs of its priority and below; a job no longer wanted when its turn comes
 * is dropped without running. Checked with a stand-in worker script that reports the order in
 * which it was given jobs, and with jobs on this thread (no workers).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Job } from '../../server/src/worker/protocol';
import type { JobRunner } from '../../server/src/worker/jobs';
import { Priority, Superseded, WorkerPool } from '../../server/src/corpus/workerPool';

/** A worker that answers each job with the order it was given in, after 30 ms. */
const standIn = `
const { parentPort } = require('node:worker_threads');
let given = 0;
parentPort.on('message', (m) => {
	if (!m.job) { return; }
	const order = given++;
	setTimeout(() => parentPort.postMessage({ id: m.id, result: { uri: m.job.uri, order } }), 30);
});
`;

const job = (uri: string): Job => ({ kind: 'discover', uri });

describe('the corpus workers\' queue', function () {
	this.timeout(20000);
	let dir: string;
	before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-pool-')); fs.writeFileSync(path.join(dir, 'worker.js'), standIn); });
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('gives a worker its jobs by priority, pinned ones first within theirs, and drops those no longer wanted', async () => {
		const pool = new WorkerPool(path.join(dir, 'worker.js'), 1, () => undefined, () => { throw new Error('jobs run in the worker'); });
		try {
			const order = new Map<string, number>();
			const run = (uri: string, priority: Priority, options = {}) => pool.run(job(uri), priority, options).then((r) => { order.set(uri, (r as unknown as { order: number }).order); });
			// The worker holds two jobs at once: these two start now, the rest wait.
			const started = [run('scan-1', Priority.Scan), run('scan-2', Priority.Scan)];
			const waiting = [
				run('background', Priority.Background),
				run('scan-3', Priority.Scan),
				run('pinned-background', Priority.Background, { pin: 'file:///a.txt' }),
				run('pinned-open', Priority.Open, { pin: 'file:///a.txt' }),
				run('open', Priority.Open),
				run('interactive', Priority.Interactive),
			];
			let dropped = false;
			const unwanted = pool.run(job('edited-since'), Priority.Open, { pin: 'file:///a.txt', wanted: () => false }).catch((e: unknown) => { dropped = e instanceof Superseded; });
			await Promise.all([...started, ...waiting, unwanted]);
			const byOrder = [...order].sort((a, b) => a[1] - b[1]).map(([uri]) => uri);
			assert.deepEqual(byOrder, ['scan-1', 'scan-2', 'interactive', 'pinned-open', 'open', 'scan-3', 'pinned-background', 'background']);
			assert.ok(dropped, 'the unwanted job is rejected with Superseded');
			assert.equal(order.has('edited-since'), false);
			assert.equal(pool.load, 0);
		} finally {
			await pool.dispose();
		}
	});

	it('runs jobs on this thread in the same order when there are no workers', async () => {
		const ran: string[] = [];
		const runner: JobRunner = {
			run: async (j) => { ran.push(j.uri); await new Promise((r) => setTimeout(r, 5)); return {} as never; },
			control: () => undefined,
		};
		const pool = new WorkerPool('/nonexistent/worker.js', 0, () => undefined, () => runner);
		const jobs = [
			pool.run(job('first'), Priority.Background),
			pool.run(job('background'), Priority.Background),
			pool.run(job('scan'), Priority.Scan),
			pool.run(job('unwanted'), Priority.Interactive, { wanted: () => false }).catch((e: unknown) => { assert.ok(e instanceof Superseded); }),
			pool.run(job('open'), Priority.Open, { pin: 'file:///a.txt' }),
			pool.run(job('interactive'), Priority.Interactive),
		];
		await Promise.all(jobs);
		// `first` was taken before the others were queued (in the next turn of the event loop).
		assert.deepEqual(ran, ['first', 'interactive', 'open', 'scan', 'background']);
	});
});
