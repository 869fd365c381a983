// An open document's check is sent to its worker as the edit since the version the worker checked
// last, and with the corpus snapshot only when it changed (worker/textChange.ts). Whatever the
// order of edits, dropped jobs, snapshots and closings, the diagnostics must equal a fresh check's
// of the whole text with the same snapshot; a job building on what the worker does not hold is
// answered `resend`, never checked against the wrong text.
import * as assert from 'node:assert/strict';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createJobRunner } from '../../server/src/worker/jobs';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { applyDiagnosticsDelta } from '../../server/src/lsp/diagnosticsDelta';
import { corpusSnapshot } from '../../server/src/worker/snapshot';
import { applyChange, HeldByWorker, keysAfter, openCheckJob, textChange } from '../../server/src/worker/textChange';
import type { CheckResult, CorpusSnapshot } from '../../server/src/worker/protocol';
import { configureLineCaches } from '../../server/src/service/lruCache';
import { MemoryWorkspace, options, service } from './helpers';

const lineTexts = [
	'成立后的首屆年會在台北舉行，會議結束後委員們接受了採訪。',
	'市政府今天召开新闻发布会，介绍了全市经济运行情况，与会者表示满意。',
	'皇后 與 國王 一同出席了 典禮。',
	'首頁 | 新聞 | 體育',
	'分享到：微信 微博 QQ空间',
	'',
	'這是一個例子，這是一個例子，這是一个例子。',
];
const inserts = ['', '后', ' ', '，', '\n', '\r\n', ...lineTexts.slice(0, 5).map((l) => `${l}\n`)];
const json = (d: readonly Diagnostic[]) => JSON.parse(JSON.stringify(d)) as unknown;

function document(seed: number, lines: number): string {
	let x = seed;
	const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x >> 8; };
	return Array.from({ length: lines }, () => lineTexts[next() % lineTexts.length]).join('\n');
}

describe('open documents checked from the edit and the snapshot the worker holds', function () {
	this.timeout(120000);
	const jieba = jiebaSegmenter();
	const opts = options();

	it('applies a change to the text it was computed from', () => {
		fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
			assert.equal(applyChange(a, textChange(3, a, b)), b);
		}), { numRuns: 2000, seed: 18 });
	});

	it('equals a fresh check after random edits, dropped jobs, closings and snapshot changes', async () => {
		// Two snapshots of the same document: alone in the corpus, and sharing its chrome lines with five other files.
		const uri = 'file:///open-job.txt';
		const corpusOf = (text: string): CorpusSnapshot[] => {
			const ws = new MemoryWorkspace();
			const svc = service(ws);
			svc.index.set(uri, text);
			for (let i = 0; i < 5; i++) { svc.index.set(`file:///other-${i}.txt`, lineTexts.slice(3, 5).join('\n')); }
			return [corpusSnapshot(service(), uri), corpusSnapshot(svc, uri)];
		};
		const worker = createJobRunner(jieba, false);
		const fresh = createJobRunner(jieba, false);
		const step = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.constantFrom(...inserts), snapshot: fc.nat({ max: 1 }), event: fc.constantFrom('check', 'check', 'check', 'dropped', 'closed', 'overlap') });
		const cases = fc.sample(fc.tuple(fc.nat({ max: 100000 }), fc.integer({ min: 3, max: 40 }), fc.array(step, { minLength: 1, maxLength: 10 })), { numRuns: 80, seed: 18 });
		let edits = 0, resends = 0, withoutSnapshot = 0, differ = 0, checks = 0;
		for (const [n, [seed, lines, steps]] of cases.entries()) {
			let text = document(seed, lines);
			const snapshots = corpusOf(text);
			let held: (HeldByWorker & { diagnostics: Diagnostic[] }) | undefined;
			let token = 0;
			for (const [k, s] of steps.entries()) {
				const at = s.at % (text.length + 1);
				text = text.slice(0, at) + s.insert + text.slice(Math.min(text.length, at + s.remove));
				const version = k + 1;
				if (s.event === 'closed') { worker.control({ kind: 'closed', uri }); continue; }
				const corpus = snapshots[s.snapshot], corpusKey = `key-${s.snapshot}`;
				let job = openCheckJob(uri, version, text, opts, corpus, corpusKey, ++token, held);
				// A job dropped before its turn: built, never run (the server learns nothing of it).
				if (s.event === 'dropped') { continue; }
				// As the server does: a change of a list it no longer holds, or a job building on what the worker does not hold, is sent again whole.
				const check = async (sent: typeof job, jobText: string, snapshot: CorpusSnapshot, key: string, base = held) => {
					edits += sent.edit ? 1 : 0;
					withoutSnapshot += sent.corpus ? 0 : 1;
					let r = await worker.run(sent) as CheckResult;
					if (r.resend || (r.delta && r.delta.base !== held?.token)) {
						resends++;
						sent = openCheckJob(uri, sent.version!, jobText, opts, snapshot, key, ++token);
						r = await worker.run(sent) as CheckResult;
						assert.ok(!r.resend && !r.delta, `case ${n}, step ${k}: asked again for a whole job`);
					}
					held = { token: sent.token!, version: sent.version!, text: jobText, corpusKeys: keysAfter(sent.base === undefined ? undefined : base, key), diagnostics: r.delta ? applyDiagnosticsDelta(held!.diagnostics, r.delta) : r.diagnostics! };
					return sent;
				};
				// Two checks sent before the first answers: the second builds on what the worker held before the first ran.
				if (s.event === 'overlap') {
					const otherKey = `key-${1 - s.snapshot}`, firstText = `${text}后`;
					const built = held;
					const first = openCheckJob(uri, version, firstText, opts, snapshots[1 - s.snapshot], otherKey, ++token, built);
					job = openCheckJob(uri, version + 0.5, text, opts, corpus, corpusKey, ++token, built);
					await check(first, firstText, snapshots[1 - s.snapshot], otherKey, built);
					job = await check(job, text, corpus, corpusKey, built);
				} else {
					job = await check(job, text, corpus, corpusKey);
				}
				const diagnostics = held!.diagnostics;
				fresh.control({ kind: 'closed', uri });
				const expected = (await fresh.run({ kind: 'check', uri, options: opts, corpus, text, version: job.version }) as CheckResult).diagnostics!;
				assert.deepEqual(json(diagnostics), json(expected), `case ${n}, step ${k}`);
				checks++;
				fresh.control({ kind: 'closed', uri });
				const other = (await fresh.run({ kind: 'check', uri, options: opts, corpus: snapshots[1 - s.snapshot], text, version: job.version }) as CheckResult).diagnostics!;
				if (JSON.stringify(other) !== JSON.stringify(expected)) { differ++; }
			}
			worker.control({ kind: 'closed', uri });
		}
		// Each path is really taken: edits applied, snapshots kept, resends after a closing or a dropped job, snapshots that matter.
		assert.ok(edits > checks / 2 && withoutSnapshot > checks / 4 && resends > 10 && differ > checks / 4, `${checks} checks: ${edits} edits, ${withoutSnapshot} without the snapshot, ${resends} resends, ${differ} where the snapshot matters`);
	});

	// The bench's keystrokes insert a character and delete it: every other version is the indexed
	// text, whose snapshot (with shared passages and names) differs from the edited text's.
	it('keeps two snapshots: switching between them sends neither again; a third evicts the older', async () => {
		const uri = 'file:///open-two.txt';
		const ws = new MemoryWorkspace();
		const svc = service(ws);
		let text = document(11, 30);
		svc.index.set(uri, text);
		for (let i = 0; i < 5; i++) { svc.index.set(`file:///other-${i}.txt`, lineTexts.slice(3, 5).join('\n')); }
		const snapshots: Record<string, CorpusSnapshot> = { a: corpusSnapshot(service(), uri), b: corpusSnapshot(svc, uri), c: corpusSnapshot(svc, uri, false) };
		const worker = createJobRunner(jieba, false), fresh = createJobRunner(jieba, false);
		let held: (HeldByWorker & { diagnostics: Diagnostic[] }) | undefined;
		const sent: string[] = [];
		const keys = ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'c', 'a', 'c', 'b'];
		for (const [k, key] of keys.entries()) {
			text = k % 2 === 0 ? `${text}后` : text.slice(0, -1);
			const job = openCheckJob(uri, k + 1, text, opts, snapshots[key], key, k + 1, held);
			if (job.corpus) { sent.push(key); }
			const r = await worker.run(job) as CheckResult;
			assert.ok(!r.resend, `step ${k}`);
			held = { token: k + 1, version: k + 1, text, corpusKeys: keysAfter(held, key), diagnostics: r.delta ? applyDiagnosticsDelta(held!.diagnostics, r.delta) : r.diagnostics! };
			fresh.control({ kind: 'closed', uri });
			const expected = (await fresh.run({ kind: 'check', uri, options: opts, corpus: snapshots[key], text, version: k + 1 }) as CheckResult).diagnostics!;
			assert.deepEqual(json(held.diagnostics), json(expected), `step ${k}`);
		}
		// a and b once each; c evicts a (b was used last), a evicts b, b comes back.
		assert.deepEqual(sent, ['a', 'b', 'c', 'a', 'b']);
	});

	it('answers resend for an edit of another version or a snapshot it was not given, and for a closed document', async () => {
		const worker = createJobRunner(jieba, false);
		const uri = 'file:///open-resend.txt';
		const corpus = corpusSnapshot(service(), uri);
		const text = document(3, 20);
		await worker.run(openCheckJob(uri, 1, text, opts, corpus, 'a', 1));
		const held = { token: 1, version: 1, text, corpusKeys: ['a'] };
		assert.ok((await worker.run(openCheckJob(uri, 2, `后${text}`, opts, corpus, 'a', 2, { ...held, version: 0 })) as CheckResult).resend);
		assert.ok((await worker.run({ ...openCheckJob(uri, 2, `后${text}`, opts, corpus, 'b', 2, held), corpus: undefined }) as CheckResult).resend);
		const r = await worker.run(openCheckJob(uri, 2, `后${text}`, opts, corpus, 'a', 2, held)) as CheckResult;
		assert.ok(!r.resend && r.delta);
		worker.control({ kind: 'closed', uri });
		assert.ok((await worker.run(openCheckJob(uri, 3, text, opts, corpus, 'a', 3, { ...held, version: 2, text: `后${text}` })) as CheckResult).resend);
	});

	it('a worker collects its young generation once an open document\'s check is answered', async () => {
		const kinds: number[] = [];
		const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) { kinds.push((e as unknown as { detail: { kind: number } }).detail.kind); } });
		observer.observe({ entryTypes: ['gc'] });
		const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
		const minors = () => kinds.filter((k) => k === constants.NODE_PERFORMANCE_GC_MINOR).length;
		try {
			const worker = createJobRunner(jieba, true);
			const uri = 'file:///open-young.txt';
			const corpus = corpusSnapshot(service(), uri);
			await worker.run(openCheckJob(uri, 1, document(5, 20), opts, corpus, 'a', 1));
			await settle();
			const before = minors();
			worker.afterJob();
			await settle();
			assert.ok(minors() > before, 'after an open document\'s check');
		} finally {
			observer.disconnect();
			// A worker's runner limits the line caches (lruCache.ts): the other tests run with the server's.
			configureLineCaches({ scale: 1, maxKeyLength: Infinity });
		}
	});
});
