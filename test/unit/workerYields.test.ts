/**
 * The work that yields while the user types (workerPool.ts, typingGate.ts), with stand-in
 * workers: a job that yields runs in 40 steps of 5 ms and sleeps between two while its worker's
 * pause flag is set; keystrokes are jobs `typed` on the other worker. The job stops while the
 * user types and goes on (not again from its start) once the user pauses; jobs that yield are
 * not started meanwhile; typing that never pauses still lets it finish (a slice after
 * `maxHoldMs`); a worker never sleeps when a keystroke's job waits for it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Job } from '../../server/src/worker/protocol';
import { Priority, WorkerPool } from '../../server/src/corpus/workerPool';

const standIn = `
const { parentPort, workerData } = require('node:worker_threads');
const flag = workerData && workerData.pause;
parentPort.on('message', (m) => {
	if (!m.job) { return; }
	const started = Date.now();
	if (!m.job.uri.startsWith('steps')) {
		setTimeout(() => parentPort.postMessage({ id: m.id, result: { uri: m.job.uri, started, ended: Date.now() } }), 10);
		return;
	}
	let pauses = 0, steps = 0;
	for (let i = 0; i < 40; i++) {
		if (Atomics.load(flag, 0) !== 0) { pauses++; while (Atomics.load(flag, 0) !== 0) { Atomics.wait(flag, 0, 1, 1000); } }
		const until = Date.now() + 5;
		while (Date.now() < until) { /* a step of work */ }
		steps++;
	}
	parentPort.postMessage({ id: m.id, result: { uri: m.job.uri, started, ended: Date.now(), pauses, steps } });
});
`;

interface Answer { uri: string; started: number; ended: number; pauses?: number; steps?: number }
const job = (uri: string): Job => ({ kind: 'discover', uri });
const doc = 'file:///doc.txt';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('work that yields while the user types', function () {
	this.timeout(30000);
	let dir: string;
	before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-yields-')); fs.writeFileSync(path.join(dir, 'worker.js'), standIn); });
	after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const pool = (workers: number, maxHoldMs = 5000) => new WorkerPool(path.join(dir, 'worker.js'), workers, () => undefined, () => { throw new Error('jobs run in the worker'); }, 0, 2, undefined, { quietMs: 150, maxHoldMs, sliceMs: 100 });
	const run = (p: WorkerPool, uri: string, priority: Priority, options = {}) => p.run(job(uri), priority, options) as unknown as Promise<Answer>;
	/**
	 * Keystrokes every 30 ms for `ms` (or until `stop` says so, then 200 ms more), each a job pinned
	 * to the document's worker; when the last was answered.
	 */
	const type = async (p: WorkerPool, ms: number, stop = () => false) => {
		const keys: Promise<Answer>[] = [];
		let end = Date.now() + ms;
		for (let stopped = false; Date.now() < end;) {
			keys.push(run(p, `key-${keys.length}`, Priority.Open, { pin: doc, typed: true }));
			await sleep(30);
			if (!stopped && stop()) { stopped = true; end = Math.min(end, Date.now() + 200); }
		}
		return Math.max(...(await Promise.all(keys)).map((k) => k.ended));
	};

	it('stops while the user types, goes on where it stopped once the user pauses; nothing that yields starts meanwhile', async () => {
		const p = pool(2);
		try {
			const indexing = run(p, 'steps-index', Priority.Open, { pin: doc, away: true, yields: true });
			await sleep(60);
			const typing = type(p, 500);
			await sleep(20);
			assert.deepEqual(p.heldFor, ['typing'], 'the pool says why work waits');
			const scan = run(p, 'scan', Priority.Scan);
			const queued = run(p, 'steps-queued', Priority.Open, { pin: 'file:///other.txt', yields: true });
			const typed = await typing;
			const [index, scanned, later] = await Promise.all([indexing, scan, queued]);
			assert.ok(index.pauses! >= 1, 'the running job stopped');
			assert.equal(index.steps, 40, 'and finished its steps once');
			assert.ok(index.ended - index.started >= 500, `it waited while the user typed (${index.ended - index.started} ms)`);
			assert.ok(index.ended >= typed + 100, `and went on after the pause (${index.ended - typed} ms after the last keystroke)`);
			assert.ok(scanned.started >= typed + 100, `a scan job started ${scanned.started - typed} ms after the last keystroke`);
			assert.ok(later.started >= typed + 100, `a job that yields started ${later.started - typed} ms after the last keystroke`);
			assert.equal(later.pauses, 0);
			assert.deepEqual(p.heldFor, []);
		} finally {
			await p.dispose();
		}
	});

	it('finishes while the user types on without pausing (a slice after maxHoldMs)', async () => {
		const p = pool(2, 600);
		try {
			const start = Date.now();
			const indexing = run(p, 'steps-index', Priority.Open, { pin: doc, away: true, yields: true });
			await sleep(30);
			let done = 0;
			void indexing.then(() => { done = Date.now(); });
			// Typing goes on until the job is done (a busy machine stretches the steps), at most 20 s.
			const typed = await type(p, 20000, () => done > 0);
			const index = await indexing;
			assert.ok(index.pauses! >= 1, 'it stopped');
			assert.ok(done > 0 && done < typed, `it finished ${done - start} ms after it began, while the user typed (until ${typed - start} ms)`);
		} finally {
			await p.dispose();
		}
	});

	it('never sleeps in the worker a keystroke\'s job waits for', async () => {
		const p = pool(1);
		try {
			const indexing = run(p, 'steps-index', Priority.Open, { pin: doc, yields: true });
			await sleep(30);
			const key = await run(p, 'key', Priority.Open, { pin: doc, typed: true });
			const index = await indexing;
			assert.equal(index.pauses, 0);
			assert.ok(key.ended <= index.ended + 100, 'the keystroke was answered right after the job it waited for');
		} finally {
			await p.dispose();
		}
	});
});
