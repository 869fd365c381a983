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
import { fromWire, NameRowLog } from '../../server/src/worker/namesWire';
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
		} finally {
			await pool.dispose();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
