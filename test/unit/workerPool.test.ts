/**
 * The corpus workers' one queue: jobs start in priority order (interactive, open documents,
 * scan, background), first come first served within a priority, a job pinned to a worker before
 * the shared queue's jobs of its priority and below; a job no longer wanted when its turn comes
 * is dropped without running; results are handed over the most urgent first, a slice of the
 * thread at a time. Checked with stand-in worker scripts that report the order in which they
 * were given jobs or answer in a burst, and with jobs on this thread (no workers).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Job } from '../../server/src/worker/protocol';
import type { JobRunner } from '../../server/src/worker/jobs';
import { pathToFileURL } from 'node:url';
import { Priority, Superseded, WorkerPool } from '../../server/src/corpus/workerPool';
import { repoRoot } from '../lsp/lspClient';

/**
 * A worker that answers each job with the order it was given in, its thread and the controls it
 * was sent, after 30 ms; then reports itself idle, holding 500 MB after a job on \`heavy*\`
 * (with an open document's state after \`heavy-open\`), else 50 MB.
 */
const standIn = `
const { parentPort, threadId } = require('node:worker_threads');
let given = 0;
const controls = [];
parentPort.on('message', (m) => {
	if (!m.job) { controls.push(m.control.kind); return; }
	const order = given++;
	setTimeout(() => {
		parentPort.postMessage({ id: m.id, result: { uri: m.job.uri, order, threadId, controls } });
		const heavy = m.job.uri.startsWith('heavy');
		parentPort.postMessage({ idle: { heldMb: heavy ? 500 : 50, openDocuments: m.job.uri === 'heavy-open' ? 1 : 0 } });
	}, 30);
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

	it('replaces an idle worker that holds much, unless it keeps an open document\'s state; the new one is told the state', async () => {
		const logged: string[] = [];
		const pool = new WorkerPool(path.join(dir, 'worker.js'), 1, (m) => logged.push(m), () => { throw new Error('jobs run in the worker'); }, 0, 2, { recycleAboveMb: 100 });
		try {
			type Answer = { threadId: number; controls: string[] };
			const run = (uri: string) => pool.run(job(uri), Priority.Scan) as unknown as Promise<Answer>;
			const settled = () => new Promise((r) => setTimeout(r, 100));
			pool.control({ kind: 'init', limits: { maxBytes: 1000 } });
			const light = await run('light');
			await settled();
			assert.equal((await run('heavy-open')).threadId, light.threadId, 'a worker holding little is kept');
			await settled();
			const kept = await run('heavy');
			assert.equal(kept.threadId, light.threadId, 'a worker keeping an open document\'s last version is kept');
			await settled();
			const fresh = await run('after');
			assert.notEqual(fresh.threadId, light.threadId, 'the worker that held 500 MB was replaced');
			assert.deepEqual(fresh.controls, ['init', 'names'], 'the new worker is told the state');
			assert.equal(logged.length, 1, logged.join('\n'));
			assert.match(logged[0], /idle with 500 MB was replaced/);
		} finally {
			await pool.dispose();
		}
	});

	it('renews, on demand, the workers that run nothing and keep no open document\'s state; the command line\'s pool keeps its workers', async () => {
		const logged: string[] = [];
		const pool = new WorkerPool(path.join(dir, 'worker.js'), 2, (m) => logged.push(m), () => { throw new Error('jobs run in the worker'); }, 0, 2, { recycleAboveMb: 100 });
		const cli = new WorkerPool(path.join(dir, 'worker.js'), 1, () => undefined, () => { throw new Error('jobs run in the worker'); });
		try {
			type Answer = { threadId: number; controls: string[] };
			const run = (p: WorkerPool, uri: string, options = {}) => p.run(job(uri), Priority.Scan, options) as unknown as Promise<Answer>;
			const settled = () => new Promise((r) => setTimeout(r, 100));
			pool.control({ kind: 'init', limits: { maxBytes: 1000 } });
			// A key pinned to each worker; then one worker keeps an open document's state (and says so), the other ran closed files only.
			const keys = new Map<number, string>();
			for (let i = 0; keys.size < 2; i++) { keys.set((await run(pool, 'light', { pin: `file:///${i}.txt` })).threadId, `file:///${i}.txt`); }
			const [[openThread, openKey], [closedThread, closedKey]] = [...keys];
			assert.equal((await run(pool, 'heavy-open', { pin: openKey })).threadId, openThread);
			await settled();
			const busy = run(pool, 'busy', { pin: closedKey });
			pool.renewFree();
			assert.equal((await busy).threadId, closedThread, 'a worker running a job is not renewed');
			assert.equal(logged.length, 0, logged.join('\n'));
			await settled();
			pool.renewFree();
			const after = await Promise.all(['x-1', 'x-2', 'x-3', 'x-4'].map((u) => run(pool, u)));
			const threads = new Set(after.map((r) => r.threadId));
			assert.ok(threads.has(openThread), 'the worker keeping an open document\'s state is kept');
			assert.ok(!threads.has(closedThread), 'the other was renewed');
			assert.deepEqual(after.find((r) => r.threadId !== openThread)!.controls, ['init', 'names'], 'the new worker is told the state');
			assert.ok(logged.some((m) => /renewed/.test(m)), logged.join('\n'));
			const before = await run(cli, 'light');
			cli.renewFree();
			assert.equal((await run(cli, 'light')).threadId, before.threadId);
		} finally {
			await pool.dispose();
			await cli.dispose();
		}
	});

	it('the real corpus worker collects when idle and reports what it holds', async () => {
		const script = path.join(repoRoot, 'dist', 'worker.js');
		const logged: string[] = [];
		// Any worker holds more than 0 MB: the report replaces it.
		const pool = new WorkerPool(script, 1, (m) => logged.push(m), () => { throw new Error('jobs run in the worker'); }, 0, 2, { recycleAboveMb: 0 });
		try {
			pool.control({ kind: 'init', limits: { maxBytes: 2 ** 20 } });
			const file = path.join(dir, 'a.txt');
			fs.writeFileSync(file, '国家统计局局长康义在发布会上介绍，今年经济运行总体平稳。\n'.repeat(2000));
			const found = await pool.run({ kind: 'discover', uri: pathToFileURL(file).href }, Priority.Scan);
			assert.ok((found.found?.voteKeys.length ?? 0) > 0);
			// The worker said which system thread it runs on (benchmarks read its CPU in /proc): one of this process's, not the main one.
			const [tid, ...more] = pool.threadIds;
			if (process.platform === 'linux') {
				assert.equal(more.length, 0);
				assert.ok(tid !== process.pid && fs.existsSync(`/proc/self/task/${tid}`), `thread ${tid}`);
			} else {
				assert.equal(tid, undefined);
			}
			const deadline = Date.now() + 10000;
			while (logged.length === 0 && Date.now() < deadline) { await new Promise((r) => setTimeout(r, 50)); }
			const held = Number(/idle with (\d+) MB/.exec(logged[0] ?? '')?.[1]);
			assert.ok(held > 10 && held < 400, logged.join('\n'));
			const again = await pool.run({ kind: 'discover', uri: pathToFileURL(file).href }, Priority.Scan);
			assert.deepEqual(again.found, found.found, 'the fresh worker does the same work');
			if (process.platform === 'linux') { assert.equal(new Set(pool.threadIds).size, 2, 'the fresh worker runs on a thread of its own'); }
		} finally {
			await pool.dispose();
		}
	});

	it('hands results over the most urgent first, with turns of the event loop between them once the slice is used', async () => {
		// Holds the answers until it has eight jobs, then sends them all at once: they arrive in one read.
		fs.writeFileSync(path.join(dir, 'burst.js'), `
const { parentPort } = require('node:worker_threads');
const held = [];
parentPort.on('message', (m) => {
	if (!m.job) { return; }
	held.push({ id: m.id, result: { uri: m.job.uri } });
	if (held.length === 8) { for (const h of held) { parentPort.postMessage(h); } }
});
`);
		const pool = new WorkerPool(path.join(dir, 'burst.js'), 1, () => undefined, () => { throw new Error('jobs run in the worker'); }, 0, 8);
		let turn = 0, ticking = true;
		const tick = () => { turn++; if (ticking) { setImmediate(tick); } };
		tick();
		try {
			const handed: [string, number][] = [];
			const run = (uri: string, priority: Priority) => pool.run(job(uri), priority).then((r) => {
				handed.push([(r as unknown as { uri: string }).uri, turn]);
				// What a caller does with a result (merging it into the indexes) takes longer than a slice.
				const until = performance.now() + 10;
				while (performance.now() < until) { /* busy */ }
			});
			const uris = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
			await Promise.all([...uris.map((u) => run(u, Priority.Background)), run('i1', Priority.Interactive), run('i2', Priority.Interactive)]);
			assert.deepEqual(handed.map(([u]) => u), ['i1', 'i2', ...uris], 'interactive results first, though the worker sent them last');
			const turns = handed.map(([, t]) => t);
			assert.equal(new Set(turns).size, turns.length, `each result in a turn of its own (turns ${turns.join(', ')})`);
		} finally {
			ticking = false;
			await pool.dispose();
		}
	});

	it('runs jobs on this thread in the same order when there are no workers', async () => {
		const ran: string[] = [];
		const runner: JobRunner = {
			run: async (j) => { ran.push((j as { readonly uri: string }).uri); await new Promise((r) => setTimeout(r, 5)); return {} as never; },
			control: () => undefined,
			afterJob: () => undefined,
			openDocuments: 0,
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
