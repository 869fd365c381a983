/**
 * The server pool's background jobs (tagging, the re-checks for names) run on its first worker
 * only; another worker that goes idle is ended, and started again, fresh and told the state, when
 * other work comes (a job of another priority that the first worker has no room for, or a job
 * pinned to it). No job is lost or given twice. The command line's pool keeps its workers.
 * Checked with a stand-in worker that logs every job it is given and says it is idle after each.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Job } from '../../server/src/worker/protocol';
import { Priority, WorkerPool } from '../../server/src/corpus/workerPool';

/** Answers after 20 ms (`slow*`: 200 ms) with its thread and the controls it was sent, then says it is idle; logs each job given. */
const standIn = (log: string) => `
const { parentPort, threadId } = require('node:worker_threads');
const fs = require('node:fs');
const controls = [];
parentPort.on('message', (m) => {
	if (!m.job) { controls.push(m.control.kind); return; }
	const uri = m.job.uri;
	fs.appendFileSync(${JSON.stringify(log)}, uri + '\\n');
	setTimeout(() => {
		parentPort.postMessage({ id: m.id, result: { uri, threadId, controls } });
		parentPort.postMessage({ idle: { heldMb: 50, openDocuments: 0 } });
	}, uri.startsWith('slow') ? 200 : 20);
});
`;

type Answer = { uri: string; threadId: number; controls: string[] };
const job = (uri: string): Job => ({ kind: 'discover', uri });
const fail = () => { throw new Error('jobs run in the worker'); };

describe('background work on one corpus worker', function () {
	this.timeout(20000);
	let dir: string, log: string, script: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-background-'));
		log = path.join(dir, 'given.log');
		script = path.join(dir, 'worker.js');
		fs.writeFileSync(script, standIn(log));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
	const given = () => fs.readFileSync(log, 'utf8').trim().split('\n');

	it('runs background jobs on the first worker only, ends another once idle and starts it again, fresh, for other work', async () => {
		const logged: string[] = [];
		const pool = new WorkerPool(script, 2, (m) => logged.push(m), fail, 0, 2, { recycleAboveMb: 1000, backgroundOnFirst: true });
		try {
			pool.control({ kind: 'init', limits: { maxBytes: 1000 } });
			const run = (uri: string, priority: Priority, options = {}) => pool.run(job(uri), priority, options) as unknown as Promise<Answer>;
			const scan = await Promise.all(['scan-1', 'scan-2', 'scan-3', 'scan-4'].map((u) => run(u, Priority.Scan)));
			assert.equal(new Set(scan.map((r) => r.threadId)).size, 2, 'the scan runs on both workers');
			const background = await Promise.all(Array.from({ length: 6 }, (_, i) => run(`background-${i}`, Priority.Background)));
			const threads = new Set(background.map((r) => r.threadId));
			assert.equal(threads.size, 1, 'background jobs run on one worker');
			const [first] = threads;
			assert.equal(logged.filter((m) => /was ended/.test(m)).length, 1, logged.join('\n'));
			// More work than the first worker holds: the other starts again.
			const more = await Promise.all([run('slow-1', Priority.Scan), run('slow-2', Priority.Open), run('after', Priority.Scan)]);
			const woken = more.find((r) => r.threadId !== first);
			assert.ok(woken, 'the ended worker started again');
			assert.ok(!scan.some((r) => r.threadId === woken.threadId), 'a fresh worker');
			assert.deepEqual(woken.controls, ['init', 'names'], 'told the state');
			// Ended again once idle; a background job pinned to its place (an open document's tagging) starts it again.
			await new Promise((r) => setTimeout(r, 100));
			assert.equal(logged.filter((m) => /was ended/.test(m)).length, 2, logged.join('\n'));
			const pinned = await Promise.all(['0', '1', '2', '3', '4', '5'].map((k) => run(`pinned-${k}`, Priority.Background, { pin: `file:///${k}.txt` })));
			assert.equal(new Set(pinned.map((r) => r.threadId)).size, 2, 'pinned background jobs run on the worker of their key');
			assert.deepEqual(given().sort(), [...scan, ...background, ...more, ...pinned].map((r) => r.uri).sort(), 'every job given once');
			assert.equal(pool.load, 0);
		} finally {
			await pool.dispose();
		}
	});

	it('starts no background job while a clean holds them, and runs a clean\'s part on the other worker', async () => {
		const pool = new WorkerPool(script, 2, () => undefined, fail, 0, 2, { recycleAboveMb: 1000, backgroundOnFirst: true });
		try {
			const run = (uri: string, priority: Priority, options = {}) => pool.run(job(uri), priority, options) as unknown as Promise<Answer>;
			const release = pool.hold('clean');
			let tagged: Answer | undefined;
			const tagging = run('background-held', Priority.Background).then((r) => { tagged = r; });
			const scan = await run('scan-during', Priority.Scan);
			const parts = await Promise.all(['part-1', 'part-2', 'part-3'].map((u) => run(u, Priority.Interactive, { apart: true })));
			await new Promise((r) => setTimeout(r, 100));
			assert.equal(tagged, undefined, 'held');
			assert.ok(!given().includes('background-held'), 'never given to a worker while held');
			// Two holds (two cleans): held until both are released, each release once.
			const second = pool.hold('clean');
			assert.deepEqual(pool.heldFor, ['clean', 'clean']);
			release();
			release();
			await new Promise((r) => setTimeout(r, 50));
			assert.equal(tagged, undefined, 'held by the second');
			assert.deepEqual(pool.heldFor, ['clean']);
			second();
			await tagging;
			assert.ok(tagged && scan);
			assert.ok(parts.every((p) => p.threadId !== tagged!.threadId), 'the parts ran apart from the background worker');
			assert.equal(new Set(parts.map((p) => p.threadId)).size, 1);
			assert.equal(pool.load, 0);
			assert.deepEqual(pool.heldFor, []);
		} finally {
			await pool.dispose();
		}
	});

	it('ends and replaces no idle worker while the first scan holds them, and does again once it ends', async () => {
		const logged: string[] = [];
		// Every worker reports 50 MB when idle: over this limit, the first would be replaced, the other ended.
		const pool = new WorkerPool(script, 2, (m) => logged.push(m), fail, 0, 2, { recycleAboveMb: 10, backgroundOnFirst: true });
		try {
			const run = (uri: string) => pool.run(job(uri), Priority.Scan) as unknown as Promise<Answer>;
			const release = pool.hold('scan');
			assert.deepEqual(pool.heldFor, ['scan']);
			const first = await Promise.all(['scan-1', 'scan-2', 'scan-3', 'scan-4'].map(run));
			await new Promise((r) => setTimeout(r, 100));
			const second = await Promise.all(['scan-5', 'scan-6', 'scan-7', 'scan-8'].map(run));
			assert.deepEqual(logged, [], 'no worker ended or replaced');
			const threads = new Set(first.map((r) => r.threadId));
			assert.equal(threads.size, 2);
			assert.ok(second.every((r) => threads.has(r.threadId)), 'the same two workers');
			release();
			await Promise.all(['after-1', 'after-2', 'after-3', 'after-4'].map(run));
			await new Promise((r) => setTimeout(r, 100));
			assert.equal(logged.filter((m) => /was ended|was replaced/.test(m)).length, 2, logged.join('\n'));
		} finally {
			await pool.dispose();
		}
	});

	it('the command line\'s pool keeps both workers for any job', async () => {
		const pool = new WorkerPool(script, 2, () => undefined, fail, 0, 2);
		try {
			const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => pool.run(job(`background-${i}`), Priority.Background) as unknown as Promise<Answer>));
			assert.equal(new Set(answers.map((r) => r.threadId)).size, 2);
		} finally {
			await pool.dispose();
		}
	});
});
