/**
 * The first scan's batches: every file is done exactly once whatever a batch leaves undone,
 * batches hold what `take` says and no more lanes run than asked; a worker's batch job answers
 * for each file exactly what a job of its own would, and an index batch stops at its budget.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { InOrder, inBatches } from '../../server/src/corpus/scanBatches';
import { createJobRunner } from '../../server/src/worker/jobs';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { defaultLintOptions, LanguageService } from '../../server/src/service';
import { corpusSnapshot } from '../../server/src/worker/snapshot';
import type { BatchResult, CheckResult, IndexResult } from '../../server/src/worker/protocol';
import { closedDiagnostics, fileNotice } from '../../server/src/lsp/convert';

describe('the first scan\'s batches', function () {
	this.timeout(60000);

	it('does every item once, in batches of what take allows, offering first (in order) what a batch left', async () => {
		for (const seed of [1, 2, 3]) {
			let s = seed;
			const random = (n: number) => (s = (s * 1103515245 + 12345) % 2147483648) % n;
			const items = Array.from({ length: 500 }, (_, i) => i);
			const done: number[] = [];
			let running = 0;
			let most = 0;
			let left: number[] = [];
			await inBatches(items, 3, undefined, (waiting) => {
				// What a batch left is the first offered next.
				// Offered in order; what a batch left comes before every item not yet taken.
				assert.ok(waiting.every((v, i) => i === 0 || waiting[i - 1] < v), 'in order');
				for (const i of left) { assert.ok(waiting.includes(i), `${i} offered again first`); }
				left = [];
				return 1 + random(Math.min(9, waiting.length));
			}, async (batch) => {
				running++;
				most = Math.max(most, running);
				assert.ok(batch.length <= 9);
				await new Promise((resolve) => setTimeout(resolve, random(3)));
				const n = 1 + random(batch.length);
				done.push(...batch.slice(0, n));
				left = batch.slice(n);
				running--;
				return n;
			});
			assert.deepEqual([...done].sort((a, b) => a - b), items, `seed ${seed}: each item once`);
			assert.ok(most <= 3 && most > 1, `${most} lanes at once`);
		}
	});

	it('merges results in the items\' order whatever order they come in, with at most `room` waiting', async () => {
		for (const seed of [1, 2]) {
			let s = seed;
			const random = (n: number) => (s = (s * 1103515245 + 12345) % 2147483648) % n;
			const items = Array.from({ length: 300 }, (_, i) => i);
			const order = new InOrder(items.length, 40);
			const merged: number[] = [];
			let most = 0;
			await inBatches(items, 4, undefined, () => 1 + random(9), async (batch, at) => {
				assert.deepEqual(batch, at, 'places given');
				await new Promise((resolve) => setTimeout(resolve, random(4)));
				const n = 1 + random(batch.length);
				for (const i of at.slice(0, n)) { order.add(i, () => merged.push(i)); }
				return n;
			}, async (first) => {
				await order.ready(first);
				most = Math.max(most, items.length - merged.length);
			});
			await order.done();
			assert.deepEqual(merged, items, `seed ${seed}: in order`);
		}
		const failing = new InOrder(2);
		failing.add(1, () => undefined);
		failing.add(0, () => { throw new Error('merge failed'); });
		await assert.rejects(failing.done(), /merge failed/);
	});

	it('stops taking batches when cancelled', async () => {
		const token = { isCancellationRequested: false };
		let batches = 0;
		await inBatches(Array.from({ length: 100 }, (_, i) => i), 2, token, () => 5, async (batch) => {
			if (++batches === 4) { token.isCancellationRequested = true; }
			await Promise.resolve();
			return batch.length;
		});
		assert.ok(batches <= 5, `${batches} batches`);
	});

	it('a worker answers each file of a batch as a job of its own, and an index batch stops at its budget', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-batches-'));
		try {
			const line = '国家统计局局长康义在发布会上介绍，今年经济运行总体平稳。';
			const sizes = [40, 5, 300, 20, 1, 60];
			const uris = sizes.map((n, i) => {
				const file = path.join(dir, `f${i}.txt`);
				fs.writeFileSync(file, `标题${i}\n\n${Array.from({ length: n }, (_, k) => `${line}${k % 7}`).join('\n')}\n责任编辑：王明\n`);
				return pathToFileURL(file).href;
			});
			fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3]));
			uris.splice(2, 0, pathToFileURL(path.join(dir, 'binary.txt')).href);
			const jieba = jiebaSegmenter();
			const runner = createJobRunner(jieba, false);
			const alone = await Promise.all(uris.map((uri) => runner.run({ kind: 'index', uri }) as Promise<IndexResult>));
			const lengths = alone.map((r) => r.facts?.length ?? 0);
			// A budget the first three files reach: the batch ends after the third.
			const budget = lengths[0] + lengths[1] + 1;
			const batch = await runner.run({ kind: 'indexBatch', files: uris.map((uri) => ({ uri })), budget }) as BatchResult<IndexResult>;
			assert.equal(batch.results.length, lengths[2] > 0 ? 3 : 4);
			assert.deepEqual(batch.results, alone.slice(0, batch.results.length));
			// A first file over the budget: done alone.
			const first = await runner.run({ kind: 'indexBatch', files: uris.slice(3).map((uri) => ({ uri })), budget: 10 }) as BatchResult<IndexResult>;
			assert.deepEqual(first.results, alone.slice(3, 4));
			const all = await runner.run({ kind: 'indexBatch', files: uris.map((uri) => ({ uri })), budget: Infinity }) as BatchResult<IndexResult>;
			assert.deepEqual(all.results, alone);

			const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined } });
			for (const r of alone) { if (r.facts) { service.index.setFacts(r.uri, r.facts); } }
			const files = uris.map((uri) => ({ uri, corpus: corpusSnapshot(service, uri) }));
			const checked = await runner.run({ kind: 'checkBatch', options: defaultLintOptions, files }) as BatchResult<CheckResult>;
			const each = await Promise.all(files.map((f) => runner.run({ kind: 'check', uri: f.uri, options: defaultLintOptions, corpus: f.corpus }) as Promise<CheckResult>));
			assert.ok(each.some((r) => r.diagnostics?.some((d) => d.relatedInformation)), 'some problems with related places');
			assert.ok(each.some((r) => r.skipped), 'a file skipped');
			// The diagnostics the server makes of a batch's rows are those of a check of its own.
			const seen = (r: CheckResult) => ({ uri: r.uri, skipped: r.skipped, stamp: r.stamp, counts: r.counts, capped: r.capped, diagnostics: closedDiagnostics(r) });
			assert.ok(checked.results.some((r) => r.closedRows && !r.diagnostics), 'rows sent');
			assert.deepEqual(checked.results.map(seen), each.map(seen));
			// A file checked in parts: its note first (a 1 MB check is too slow for this suite).
			assert.deepEqual(closedDiagnostics({ uri: uris[0], closedRows: [], notice: 'in parts' }), [fileNotice('file.large', 'in parts')]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
