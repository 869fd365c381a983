/**
 * Names rows cross to the corpus workers as JSON strings (worker/namesWire.ts): a fresh worker
 * is brought up to date with every row sent since the last reset, in order, without the server's
 * thread cloning tens of thousands of row objects at once.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NameRow } from '../../server/src/service/entities/entityTable';
import { charsPerMessage, fromWire, messageAt, NameRowLog } from '../../server/src/worker/namesWire';
import { Priority, WorkerPool } from '../../server/src/corpus/workerPool';
import { random } from '../support/random';

const row = (id: number, type: NameRow['type'] = 'person'): NameRow => ({ id, keys: [`名${id}`, `名${id}\ud800`], type, gazetteer: id % 7 === 0, spreads: id % 2 === 0 });
const decoded = (batches: readonly string[]) => {
	const c = fromWire({ kind: 'names', reset: true, json: batches });
	return c.kind === 'names' ? c.rows : [];
};

describe('names rows on the wire', () => {
	it('keeps every row sent since the last reset, in order, one string per batch as it was sent (never joined)', () => {
		const rand = random(5);
		const log = new NameRowLog();
		let model: NameRow[] = [];
		let strings: string[] = [];
		let id = 0;
		for (let batch = 0; batch < 3000; batch++) {
			const reset = rand() < 0.002;
			const rows = Array.from({ length: Math.floor(rand() * 12) }, () => row(rand() < 0.2 ? Math.floor(rand() * id + 1) : id++, rand() < 0.5 ? 'person' : 'place'));
			const sent = log.record({ kind: 'names', reset, rows });
			assert.deepEqual(decoded(sent.json), rows);
			model = reset ? rows : [...model, ...rows];
			strings = [...(reset ? [] : strings), ...(rows.length > 0 ? sent.json : [])];
			if (batch % 100 === 99) {
				assert.deepEqual(decoded(log.replay().json), model, `after batch ${batch}`);
				// Joining two batches sliced them: the log's large strings were flattened, up to 5 M characters at a time.
				const replayed = log.replay().json;
				assert.equal(replayed.length, strings.length);
				assert.ok(replayed.every((json, i) => json === strings[i]), 'the strings sent, in order');
			}
		}
	});

	it('brings a worker up to date in steps, with the batches recorded meanwhile, in order', async () => {
		for (const resetAt of [-1, 1, 4]) {
			const log = new NameRowLog();
			const told: { reset: boolean; json: readonly string[] }[] = [];
			let posted = false, id = 0;
			// As the pool does: a batch recorded once the worker was told the log is sent to it as to the others.
			const batch = (reset = false) => {
				const sent = log.record({ kind: 'names', reset, rows: [row(id++), row(id++)] });
				if (posted) { told.push(sent); }
				return sent.json;
			};
			let model: string[] = [];
			for (let i = 0; i < 5000; i++) { model.push(...batch(i === 0)); }
			let turns = 0, counting = true;
			const countTurns = () => { turns++; if (counting) { setImmediate(countTurns); } };
			setImmediate(countTurns);
			// Each message takes the slice's time (9 ms): each waits for a turn of its own; names come meanwhile.
			const busy = () => { const end = performance.now() + 9; while (performance.now() < end) { /* work */ } };
			const steps = log.replayInSteps((c) => { told.push(c); busy(); }, () => { posted = true; }, () => true);
			const during = (async () => {
				for (let i = 0; i < 12; i++) {
					await new Promise((r) => setImmediate(r));
					if (i === resetAt) { model = [...batch(true)]; } else { model.push(...batch()); }
				}
			})();
			await Promise.all([steps, during]);
			counting = false;
			assert.ok(posted);
			const chars = (c: { json: readonly string[] }) => c.json.reduce((n, j) => n + j.length, 0);
			assert.ok(told.every((c) => c.json.length === 1 || chars(c) <= charsPerMessage), `at most ${charsPerMessage} characters a message, or one batch`);
			if (resetAt < 0) { assert.ok(told.length >= 5 && turns >= 4, `${told.length} messages in ${turns} turns`); }
			// What the worker holds: each reset starts again.
			let held: string[] = [];
			for (const c of told) { held = [...(c.reset ? [] : held), ...c.json]; }
			assert.deepEqual(held, model, `reset at ${resetAt}`);
		}
	});

	it('fills a message up to its size in characters, one batch at least, and leaves no batch out', () => {
		const rand = random(11);
		for (let round = 0; round < 200; round++) {
			// Batch sizes from a few rows to one larger than a message (a full list after a reset).
			const batches = Array.from({ length: Math.floor(rand() * 300) }, () => 'x'.repeat(rand() < 0.02 ? charsPerMessage + 5 : Math.floor(rand() * charsPerMessage / 8) + 2));
			const joined: string[] = [];
			for (let at = 0; at < batches.length;) {
				const message = messageAt(batches, at);
				const chars = message.reduce((n, j) => n + j.length, 0);
				assert.ok(message.length >= 1, 'one batch at least');
				assert.ok(message.length === 1 || chars <= charsPerMessage, `${chars} characters in ${message.length} batches`);
				// Full: the next batch would not have fitted.
				if (at + message.length < batches.length) { assert.ok(chars + batches[at + message.length].length > charsPerMessage, 'the message was filled'); }
				joined.push(...message);
				at += message.length;
			}
			assert.deepEqual(joined, batches);
		}
		assert.deepEqual(messageAt([], 0), []);
	});

	it('a fresh worker is sent the rows as strings, and gets them all', async () => {
		// A worker that answers each job with the names controls it was sent, as they arrived.
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-names-'));
		fs.writeFileSync(path.join(dir, 'worker.js'), `
const { parentPort, threadId } = require('node:worker_threads');
const names = [];
parentPort.on('message', (m) => {
	if (!m.job) { if (m.control.kind === 'names') { names.push(m.control); } return; }
	parentPort.postMessage({ id: m.id, result: { threadId, names } });
});
`);
		const pool = new WorkerPool(path.join(dir, 'worker.js'), 1, () => undefined, () => { throw new Error('jobs run in the worker'); }, 0, 2, { recycleAboveMb: 1000 });
		try {
			type Answer = { threadId: number; names: { reset: boolean; json?: unknown[] }[] };
			const run = () => pool.run({ kind: 'discover', uri: 'x' }, Priority.Scan) as unknown as Promise<Answer>;
			const sent = Array.from({ length: 500 }, (_, i) => row(i));
			pool.control({ kind: 'names', reset: true, rows: sent.slice(0, 100) });
			for (let i = 100; i < 500; i += 20) { pool.control({ kind: 'names', reset: false, rows: sent.slice(i, i + 20) }); }
			pool.control({ kind: 'names', reset: false, rows: [row(3, 'organization')] });
			const first = await run();
			pool.renewFree();
			const fresh = await run();
			assert.notEqual(fresh.threadId, first.threadId);
			assert.equal(fresh.names.length, 1);
			const [told] = fresh.names;
			assert.ok(told.reset);
			assert.ok(Array.isArray(told.json) && told.json.every((j) => typeof j === 'string'), 'rows as strings, not objects');
			assert.deepEqual(decoded(told.json as string[]), [...sent, row(3, 'organization')]);
			// Many batches: in several messages, all before the fresh worker's first job.
			for (let i = 500; i < 3500; i++) { pool.control({ kind: 'names', reset: false, rows: [row(i)] }); }
			pool.renewFree();
			const many = await run();
			assert.ok(many.names.length >= 3 && many.names[0].reset && many.names.slice(1).every((c) => !c.reset), `${many.names.length} messages`);
			assert.deepEqual(many.names.flatMap((c) => decoded(c.json as string[])), [...sent, row(3, 'organization'), ...Array.from({ length: 3000 }, (_, i) => row(500 + i))]);
		} finally {
			await pool.dispose();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
