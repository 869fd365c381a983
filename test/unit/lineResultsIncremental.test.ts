// Rules read per-line results through `LineCache.perLine` (lruCache.ts): an edited document's
// unchanged lines take the last version's results by position (at their index, or shifted by the
// lines the edit added or removed). After any sequence of edits every rule's findings must equal
// those of a fresh check of the same text.
import fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { CorpusDocument, forgetEdits, type Problem } from '../../server/src/service';
import { LruCache } from '../../server/src/service/lruCache';
import { assertEditsMatchFresh, options, service } from './helpers';

/** Lines of different findings: other-script characters, a spelling written two ways, spaces, ASCII marks, terms, noise. */
const lineTexts = [
	'成立后的首屆年會在台北舉行，會議結束後委員們接受了採訪。',
	'立法院今天三讀通過修正案,委員們(包括主席)接受了採訪。',
	'留侯里的居民說，留侯里今年的收成很好。',
	'留侯裏的居民說，這是一個例子。',
	'皇后 與 國王 一同出席了 典禮。',
	'市政府今天召开新闻发布会，介绍了全市经济运行情况。',
	'他使用 javascript 和 github 寫程式。',
	'這是一個例子，這是一個例子，這是一个例子。',
	'記者 王小明 報導',
	'',
	'第十二屆年會於今天閉幕，與會者來自各地。',
	'首頁 | 新聞 | 體育',
	// A paragraph cut in two (layout.broken-paragraph) and text with noise.
	'市政府今天召开新闻发布会。会议指出，各部门在经济工作中发挥了重',
	'要作用，取得了明显成效。',
	// Invisible characters: a joiner judged by its neighbours, which may lie on the line before.
	'第一行\u200b中間有零寬空格，這是表情👍',
	'\u200d之後的文字\u00ad，👍\u200d👍',
	'市政府今天召开新闻锟斤拷发布会\ufffd，介绍了全市经济运行情况。',
];
const inserts = ['', '后', '後', '裏', '里', ' ', ',', '，', '\n', '\n\n', '\r\n', '\u200b', '\u200d', '\ufeff', ...lineTexts.slice(0, 8).map((l) => `${l}\n`)];

function document(seed: number, lines: number): string {
	let x = seed;
	const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x >> 8; };
	return Array.from({ length: lines }, () => lineTexts[next() % lineTexts.length]).join('\n');
}

const shape = (ps: Problem[]) => ps.map((p) => ({ ruleId: p.ruleId, start: p.start, end: p.end, message: p.message, severity: p.severity, related: p.related, fixes: p.fixes }));

describe('per-line results carried across versions', function () {
	this.timeout(120000);
	const svc = service();
	const opts = options({ maxProblems: Number.MAX_SAFE_INTEGER, terms: ['JavaScript', 'GitHub'] });

	it('every rule finds after each edit what a fresh check finds (characters, line breaks, whole lines added and removed)', () => {
		const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 60 }), insert: fc.constantFrom(...inserts) });
		fc.assert(fc.property(fc.nat({ max: 100000 }), fc.integer({ min: 3, max: 80 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, lines, edits) => {
			const uri = `file:///lines-${seed}-${lines}.txt`;
			assertEditsMatchFresh(uri, document(seed, lines), edits, (doc, fresh) => shape((fresh ? service() : svc).lint(doc, opts)));
			forgetEdits(uri);
		}), { numRuns: 150, seed: 18 });
	});

	it('an edited version looks up only the lines its edit made; a version without a change gets the last results', () => {
		const cache = new LruCache<string>(10_000);
		let computed: string[] = [];
		const compute = (text: string) => { computed.push(text); return `<${text}>`; };
		const text = Array.from({ length: 200 }, (_, i) => `第${i}行`).join('\n');
		const first = new CorpusDocument('file:///edited.txt', 1, text);
		const results = cache.perLine(first, compute);
		const at = first.lines[100].start + 2;
		const edited = CorpusDocument.derive(first, 2, `${text.slice(0, at)}甲\n乙${text.slice(at)}`);
		computed = [];
		assert.deepEqual(cache.perLine(edited, compute), edited.lines.map((l) => `<${l.text}>`));
		assert.deepEqual(computed, ['第1甲', '乙00行']);
		const edit = edited.linesEdit!;
		assert.ok(edit.count <= 4 && edit.tail - edit.head <= 3, `re-split lines ${edit.head}–${edit.tail} into ${edit.count}`);
		const same = CorpusDocument.derive(edited, 3, edited.text);
		assert.equal(same.linesId, edited.linesId);
		assert.equal(cache.perLine(same, compute), cache.perLine(edited, compute));
		assert.notEqual(cache.perLine(edited, compute), results);
	});

	it('closed files share their lines\' results through one record per line text: each file finds what a fresh service finds', () => {
		// One service checks closed files (version -1, as a worker does) that share most lines: every rule's
		// results for a line come from the record another file's check filled, and must be that file's own.
		const closed = service();
		fc.assert(fc.property(fc.nat({ max: 100000 }), fc.integer({ min: 1, max: 40 }), (seed, lines) => {
			const doc = new CorpusDocument(`file:///closed-${seed}-${lines}.txt`, -1, document(seed, lines));
			assert.deepEqual(shape(closed.lint(doc, opts)), shape(service().lint(doc, opts)));
		}), { numRuns: 150, seed: 18 });
	});
});
