// An open document's check in a worker answers with a change of the diagnostics it sent last
// (lsp/diagnosticsDelta.ts, worker/sentDiagnostics.ts): the server's thread rebuilds the list.
// After any sequence of edits the rebuilt list must equal the list a fresh check converts.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createJobRunner, type JobRunner } from '../../server/src/worker/jobs';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { applyDiagnosticsDelta, deltaCounts, EditShift, moveDiagnostic, sameMoved, sameValue } from '../../server/src/lsp/diagnosticsDelta';
import { corpusSnapshot } from '../../server/src/worker/snapshot';
import { SentDiagnostics } from '../../server/src/worker/sentDiagnostics';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { CorpusDocument, type LintOptions, type Problem } from '../../server/src/service';
import type { CheckResult, CorpusSnapshot } from '../../server/src/worker/protocol';
import { options, service } from './helpers';

/** Lines with findings that carry fixes and related places: other-script characters, spaces, ASCII marks, repeats, chrome, a cut paragraph. */
const lineTexts = [
	'成立后的首屆年會在台北舉行，會議結束後委員們接受了採訪。',
	'立法院今天三讀通過修正案,委員們(包括主席)接受了採訪。',
	'皇后 與 國王 一同出席了 典禮。',
	'市政府今天召开新闻发布会，介绍了全市经济运行情况，与会者表示满意。',
	'他使用 javascript 和 github 寫程式。',
	'這是一個例子，這是一個例子，這是一个例子。',
	'',
	'首頁 | 新聞 | 體育',
	'分享到：微信 微博 QQ空间',
	'市政府今天召开新闻发布会。会议指出，各部门在经济工作中发挥了重',
	'要作用，取得了明显成效。',
	'第一行\u200b中間有零寬空格，這是表情👍',
];
const inserts = ['', '后', '後', ' ', ',', '，', '\n', '\r\n', '\u200b', ...lineTexts.slice(0, 6).map((l) => `${l}\n`), '分享到：微信\n'];

function document(seed: number, lines: number): string {
	let x = seed;
	const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x >> 8; };
	return Array.from({ length: lines }, () => lineTexts[next() % lineTexts.length]).join('\n');
}

describe('diagnostics sent as a change of the last list', function () {
	this.timeout(120000);
	const jieba = jiebaSegmenter();
	const opts = options({ terms: ['JavaScript', 'GitHub'] });

	it('the list rebuilt from each answer equals a fresh check\'s after any edits (characters, line breaks, lines added and removed)', async () => {
		const worker = createJobRunner(jieba, false);
		const fresh = createJobRunner(jieba, false);
		const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.constantFrom(...inserts) });
		const cases = fc.sample(fc.tuple(fc.nat({ max: 100000 }), fc.integer({ min: 3, max: 60 }), fc.array(edit, { minLength: 1, maxLength: 8 })), { numRuns: 120, seed: 18 });
		let deltas = 0, checks = 0, kept = 0;
		for (const [n, [seed, lines, edits]] of cases.entries()) {
			const uri = `file:///delta-${n}.txt`;
			const corpus = corpusSnapshot(service(), uri);
			let text = document(seed, lines);
			let token = 0;
			let held = (await worker.run({ kind: 'check', uri, options: opts, corpus, text, version: 1, token: ++token }) as CheckResult).diagnostics!;
			for (const [k, e] of edits.entries()) {
				const at = e.at % (text.length + 1);
				text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
				const version = k + 2;
				const r = await worker.run({ kind: 'check', uri, options: opts, corpus, text, version, token: token + 1, base: token }) as CheckResult;
				token++;
				held = r.delta ? applyDiagnosticsDelta(held, r.delta) : r.diagnostics!;
				checks++;
				if (r.delta) { deltas++; kept += deltaCounts(r.delta).kept; }
				const expected = await freshCheck(fresh, uri, opts, corpus, text, version);
				assert.deepEqual(json(held), json(expected), `case ${n}, edit ${k}`);
			}
			worker.control({ kind: 'closed', uri });
		}
		// The changes are really used (a test of the whole lists alone would pass without them).
		assert.ok(deltas > checks / 2 && kept > 1000, `${deltas} of ${checks} checks answered with a change, ${kept} diagnostics kept`);
	});

	// A list capped at maxProblems: a problem added or removed before the cap moves every later one a
	// place, the cap lets one in or out at the end, and the run between is sent as kept (shifted).
	it('rebuilds a capped list after problems are added or removed before the cap (a run of the last list kept a few places on)', async () => {
		const worker = createJobRunner(jieba, false);
		const fresh = createJobRunner(jieba, false);
		const capped = options({ terms: ['JavaScript', 'GitHub'], maxProblems: 40 });
		const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.constantFrom(...inserts) });
		const cases = fc.sample(fc.tuple(fc.nat({ max: 100000 }), fc.integer({ min: 40, max: 90 }), fc.array(edit, { minLength: 1, maxLength: 8 })), { numRuns: 80, seed: 19 });
		let shifted = 0, checks = 0;
		for (const [n, [seed, lines, edits]] of cases.entries()) {
			const uri = `file:///delta-capped-${n}.txt`;
			const corpus = corpusSnapshot(service(), uri);
			let text = document(seed, lines);
			let token = 0;
			let held = (await worker.run({ kind: 'check', uri, options: capped, corpus, text, version: 1, token: ++token }) as CheckResult).diagnostics!;
			for (const [k, e] of edits.entries()) {
				// Edits in the first lines, before most of the capped list.
				const at = e.at % Math.min(text.length + 1, 400);
				text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
				const version = k + 2;
				const r = await worker.run({ kind: 'check', uri, options: capped, corpus, text, version, token: token + 1, base: token }) as CheckResult;
				token++;
				// A run kept at another place than its own, not counting the head and the tail.
				if (r.delta && r.delta.parts.some((p, at) => 'from' in p && p.count > 0 && at > 0 && at < r.delta!.parts.length - 1)) { shifted++; }
				held = r.delta ? applyDiagnosticsDelta(held, r.delta) : r.diagnostics!;
				checks++;
				const expected = await freshCheck(fresh, uri, capped, corpus, text, version);
				assert.deepEqual(json(held), json(expected), `case ${n}, edit ${k}`);
			}
			worker.control({ kind: 'closed', uri });
		}
		assert.ok(shifted >= 10, `${shifted} of ${checks} answers kept a shifted run`);
	});

	it('sends the whole list when the server holds another one, and after the document was closed', async () => {
		const worker = createJobRunner(jieba, false);
		const uri = 'file:///delta-base.txt';
		const corpus = corpusSnapshot(service(), uri);
		const text = document(7, 30);
		const first = await worker.run({ kind: 'check', uri, options: opts, corpus, text, version: 1, token: 1 }) as CheckResult;
		assert.ok(first.diagnostics!.length > 5);
		const edited = `后${text}`;
		const stale = await worker.run({ kind: 'check', uri, options: opts, corpus, text: edited, version: 2, token: 2, base: 0 }) as CheckResult;
		assert.ok(stale.diagnostics && !stale.delta);
		const change = await worker.run({ kind: 'check', uri, options: opts, corpus, text, version: 3, token: 3, base: 2 }) as CheckResult;
		assert.ok(change.delta && !change.diagnostics && change.delta.base === 2);
		worker.control({ kind: 'closed', uri });
		const reopened = await worker.run({ kind: 'check', uri, options: opts, corpus, text: edited, version: 1, token: 4, base: 3 }) as CheckResult;
		assert.ok(reopened.diagnostics && !reopened.delta);
	});

	it('keeps the diagnostics an edit only moves: lines added above them, characters added before them on their line', async () => {
		const worker = createJobRunner(jieba, false);
		const uri = 'file:///delta-moves.txt';
		const corpus = corpusSnapshot(service(), uri);
		let text = ['今天天氣很好，大家都出門散步，公園裡的人很多。皇后 與 國王 一同出席了 典禮。', ...Array.from({ length: 12 }, (_, i) => lineTexts[i % 6])].join('\n');
		let held = (await worker.run({ kind: 'check', uri, options: opts, corpus, text, version: 1, token: 1 }) as CheckResult).diagnostics!;
		const first = held.length;
		assert.ok(first > 20, `${first} diagnostics`);
		// Line breaks added or removed after every place a message names, marks added and removed before findings on their line.
		const beforeLast = (t: string, insert: string) => { const at = t.lastIndexOf('\n') + 1; return t.slice(0, at) + insert + t.slice(at); };
		const edits = [(t: string) => beforeLast(t, '\n'), (t: string) => beforeLast(t, '\r\n\n'), (t: string) => t.replace('今天', '今天的'), (t: string) => t.replace('今天的', '今天'), (t: string) => t.slice(0, t.lastIndexOf('\n')) + t.slice(t.lastIndexOf('\n') + 1)];
		for (const [k, edit] of edits.entries()) {
			text = edit(text);
			const r = await worker.run({ kind: 'check', uri, options: opts, corpus, text, version: k + 2, token: k + 2, base: k + 1 }) as CheckResult;
			assert.ok(r.delta, `edit ${k}: a change`);
			assert.deepEqual([deltaCounts(r.delta).sent, deltaCounts(r.delta).kept], [0, first], `edit ${k}: ${JSON.stringify(r.delta.parts)}`);
			held = applyDiagnosticsDelta(held, r.delta);
		}
	});

	it('keeps a problem equal to the last check\'s unconverted only when it lies wholly before the edit', async () => {
		const worker = createJobRunner(jieba, false);
		const fresh = createJobRunner(jieba, false);
		const uri = 'file:///delta-before.txt';
		const corpus = corpusSnapshot(service(), uri);
		// The term on line 1 is at the same offsets after the edit, on line 0: its problem is equal, its diagnostic is not.
		const texts = ['他用 javascript 寫程式。\njavascript\n今天天氣很好，大家都出門散步。', '他用 javascript 寫程式。甲javascript乙今天天氣很好，大家都出門散步。'];
		let held = (await worker.run({ kind: 'check', uri, options: opts, corpus, text: texts[0], version: 1, token: 1 }) as CheckResult).diagnostics!;
		assert.equal(held.filter((d) => d.code === 'term.case').length, 2);
		const r = await worker.run({ kind: 'check', uri, options: opts, corpus, text: texts[1], version: 2, token: 2, base: 1 }) as CheckResult;
		assert.ok(r.delta && 'from' in r.delta.parts[0] && r.delta.parts[0].count >= 1, 'the term before the edit is kept');
		held = applyDiagnosticsDelta(held, r.delta);
		const expected = (await fresh.run({ kind: 'check', uri, options: opts, corpus, text: texts[1], version: 2 }) as CheckResult).diagnostics!;
		assert.deepEqual(json(held), json(expected));
	});

	it('converts none of the problems before or after an edit that equal the last check\'s (only those it sends)', () => {
		const uri = 'file:///delta-convert.txt';
		const text = Array.from({ length: 200 }, (_, i) => `第${i}行 javascript`).join('\n');
		const problemsOf = (t: string): Problem[] => [...t.matchAll(/javascript/g)].map((m) => ({ ruleId: 'term.case', start: m.index!, end: m.index! + 10, message: 'm', severity: 'info', fixes: [{ title: 'f', edits: [{ start: m.index!, end: m.index! + 10, newText: 'JavaScript' }] }] }));
		let converted = 0;
		const sent = new SentDiagnostics();
		const convertIn = (doc: CorpusDocument) => (p: Problem) => { converted++; return toDiagnostic(doc, p); };
		const first = new CorpusDocument(uri, 1, text);
		sent.answer({ uri, token: 1 }, first, problemsOf(text), convertIn(first));
		assert.equal(converted, 200);
		// Inserted where the 100th line ends: 99 problems before the edit, the 100th ending there, 100 after it.
		let at = -1;
		for (let n = 0; n < 100; n++) { at = text.indexOf('\n', at + 1); }
		const edited = `${text.slice(0, at)}后${text.slice(at)}`;
		const second = CorpusDocument.derive(first, 2, edited);
		converted = 0;
		const answer = sent.answer({ uri, token: 2, base: 1 }, second, problemsOf(edited), convertIn(second));
		assert.ok('delta' in answer && deltaCounts(answer.delta).kept === 200 && deltaCounts(answer.delta).sent === 0);
		// Only the one ending where the text was inserted is compared as a diagnostic (the last list's were converted
		// when it was sent whole); the 99 before it and the 100 after it, moved by one unit, are not converted at all.
		assert.equal(converted, 1);
	});

	it('tells whether a diagnostic is an old one moved as the server moves it (without building it)', () => {
		const uri = 'file:///a.txt';
		const pos = fc.record({ line: fc.nat({ max: 4 }), character: fc.nat({ max: 6 }) });
		const range = fc.record({ start: pos, end: pos });
		const edit = fc.record({ start: fc.nat({ max: 30 }), end: fc.nat({ max: 30 }), newText: fc.constantFrom('', 'a', '後') });
		const fix = fc.record({ title: fc.constantFrom('t', 'u'), edits: fc.array(edit, { maxLength: 3 }), isPreferred: fc.option(fc.boolean(), { nil: undefined }) });
		const related = fc.record({ location: fc.record({ uri: fc.constantFrom(uri, 'file:///b.txt'), range }), message: fc.constantFrom('m', 'n') });
		const diagnostic = fc.record({
			range, message: fc.constantFrom('x', 'y'), code: fc.constant('r'),
			data: fc.option(fc.record({ ruleId: fc.constant('r'), version: fc.nat({ max: 3 }), fixes: fc.option(fc.array(fix, { maxLength: 2 }), { nil: undefined }) }), { nil: undefined }),
			relatedInformation: fc.option(fc.array(related, { maxLength: 2 }), { nil: undefined }),
		}, { requiredKeys: ['range', 'message'] });
		const shift = fc.record({ uri: fc.constant(uri), version: fc.nat({ max: 3 }), from: fc.nat({ max: 30 }), delta: fc.integer({ min: -3, max: 3 }), line: fc.nat({ max: 4 }), character: fc.nat({ max: 6 }), lines: fc.integer({ min: -2, max: 2 }), characters: fc.integer({ min: -3, max: 3 }) });
		// The other one: the old one moved, then perhaps one number or string in it changed, one removed or one added; or an unrelated diagnostic.
		const paths = (v: unknown, at: (string | number)[] = []): (string | number)[][] => typeof v !== 'object' || v === null ? [at] : Object.entries(v).flatMap(([k, x]) => paths(x, [...at, Array.isArray(v) ? Number(k) : k]));
		let same = 0;
		fc.assert(fc.property(diagnostic, diagnostic, shift, fc.nat(), fc.nat({ max: 4 }), (old, other, s: EditShift, pick, how) => {
			const moved = moveDiagnostic(old, s);
			let next: unknown = other;
			if (how > 0) {
				next = JSON.parse(JSON.stringify(moved));
				const all = paths(next);
				const path = all[pick % all.length];
				let parent = next as Record<string | number, unknown>;
				for (const k of path.slice(0, -1)) { parent = parent[k] as Record<string | number, unknown>; }
				const last = path[path.length - 1];
				if (how === 2) { parent[last] = typeof parent[last] === 'number' ? (parent[last] as number) + 1 : `${String(parent[last])}!`; }
				if (how === 3) { delete parent[last]; }
				// Positions and ranges are compared by their fields (toRange makes them): none is added there.
				const positional = 'line' in parent || typeof parent.start === 'object';
				if (how === 4 && !Array.isArray(parent) && !positional) { parent.extra = 1; }
			}
			const expected = sameValue(moved, next);
			if (expected) { same++; }
			assert.equal(sameMoved(old, next as typeof old, s), expected, JSON.stringify({ old, next, s }));
		}), { numRuns: 20000, seed: 18 });
		assert.ok(same > 3000, `${same} equal`);
	});

	it('compares plain data field by field', () => {
		assert.ok(sameValue({ a: 1, b: undefined, c: [1, { d: 'x' }] }, { c: [1, { d: 'x' }], a: 1 }));
		assert.ok(!sameValue({ a: 1 }, { a: 1, b: 2 }));
		assert.ok(!sameValue({ a: [1, 2] }, { a: [1, 2, 3] }));
		assert.ok(!sameValue({ a: { b: 1 } }, { a: { b: '1' } }));
		assert.ok(!sameValue([1], { 0: 1 }));
		assert.ok(!sameValue({ a: null }, { a: {} }));
	});
});

/** As the client receives it (absent and undefined properties alike). */
const json = (ds: readonly Diagnostic[]) => JSON.parse(JSON.stringify(ds)) as unknown;

/**
 * A fresh check of `text` as version `version` of `uri`, made under another name: what a check
 * remembers of an edited document (its lines' results, its page analysis, its repeats) is kept
 * per name for every service of the thread, and forgetting it under `uri` would leave the
 * checks under test nothing to carry through the edit.
 */
async function freshCheck(fresh: JobRunner, uri: string, options: LintOptions, corpus: CorpusSnapshot, text: string, version: number): Promise<Diagnostic[]> {
	const freshUri = `${uri}.fresh`;
	fresh.control({ kind: 'closed', uri: freshUri });
	const diagnostics = (await fresh.run({ kind: 'check', uri: freshUri, options, corpus, text, version }) as CheckResult).diagnostics!;
	return JSON.parse(JSON.stringify(diagnostics).split(freshUri).join(uri)) as Diagnostic[];
}
