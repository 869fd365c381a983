// duplicate.paragraph keeps the findings of lines an edit cannot change (duplicates/reuse.ts):
// after any sequence of edits, an edited document's findings equal those of a fresh check.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusDocument, type Problem } from '../../server/src/service';
import { clausesOf } from '../../server/src/service/duplicates/clauses';
import { assertEditsMatchFresh, options, service } from './helpers';

const sentences = [
	'市政府今天召开新闻发布会，介绍了全市经济运行情况。',
	'上半年全市经济稳中有进，主要指标好于预期，就业形势总体稳定。',
	'会议要求各部门抓好落实，确保各项任务按期完成。',
	'记者从市统计局获悉，全市居民收入继续增长。',
	'立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。',
	'首页 | 新闻 | 体育',
	'责任编辑：张三',
];

/** 600 lines (the rule remembers documents of 500 lines or more), many of them repeats. */
function document(seed: number): string {
	let x = seed;
	const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x; };
	return Array.from({ length: 600 }, (_, i) => (next() % 3 === 0 ? `第${i}段。` : '') + sentences[next() % sentences.length] + (next() % 4 === 0 ? sentences[next() % 5] : '')).join('\n');
}

const shape = (ps: Problem[]) => ps.filter((p) => p.ruleId === 'duplicate.paragraph').map((p) => ({ start: p.start, end: p.end, message: p.message, related: p.related, fixes: p.fixes }));

describe('duplicate.paragraph on an edited document', function () {
	this.timeout(120000);
	const svc = service();
	const opts = options({ maxProblems: Number.MAX_SAFE_INTEGER });

	it('finds after each edit what a fresh check finds (edits before, inside and after repeats; lines added and removed)', () => {
		const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.constantFrom('', '后', '\n', '\n\n', sentences[1], `${sentences[2]}\n`, '，', '。', '\r\n', sentences[5]) });
		fc.assert(fc.property(fc.nat({ max: 1000 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (seed, edits) => {
			const uri = `file:///edited-${seed}.txt`;
			assertEditsMatchFresh(uri, document(seed), edits, (doc) => shape(svc.lint(doc, opts)));
		}), { numRuns: 60, seed: 18 });
	});

	// A headline repeating one that stands in a list is a title (titleOfListed): an edit of the
	// earlier copy's neighbour changes the later copy's finding, though neither copy was edited.
	it('matches a repeated headline again when an edit changes whether its earlier copy stands in a list', () => {
		const headline = '上半年全市经济稳中有进，主要指标好于预期，就业形势总体稳定';
		const lines = Array.from({ length: 600 }, (_, i) => `第${i}段。`);
		lines[11] = headline;
		lines[400] = headline;
		lines[12] = '';
		const cases = [
			{ name: 'the line just before it', line: 10 },
			{ name: 'the line after the blank one after it', line: 13 },
		];
		for (const { name, line } of cases) {
			const uri = `file:///headline-${line}.txt`;
			const before = new CorpusDocument(uri, 1, lines.join('\n'));
			const repeats = (ps: Problem[]) => shape(ps).map((p) => before.lineAt(p.start));
			assert.deepEqual(repeats(svc.lint(before, opts)), [400], name);
			const edited = [...lines];
			edited[line] = '市政府召开新闻发布会，介绍全市经济运行情况';
			const text = edited.join('\n');
			const after = CorpusDocument.derive(before, 2, text);
			const incremental = shape(svc.lint(after, opts));
			assert.deepEqual(incremental, shape(svc.lint(new CorpusDocument('file:///fresh.txt', 0, text), opts)), name);
			assert.deepEqual(incremental, [], name);
		}
	});
});

// clausesOf scans characters (no regex match objects): the clauses and keys it gives are those
// of the regular expressions it replaced, spaces of every kind and closing marks included.
describe('clauses of a line', () => {
	it('cuts after clause and sentence marks with their closing quotes, keys without the spaces and marks around them', () => {
		const cut = (t: string) => clausesOf(t).map((c) => [c.start, c.end, c.key, c.endsSentence]);
		assert.deepEqual(cut('　他说：“好。” 然后走了 ，'), [[1, 4, '他说', false], [4, 8, '“好', true], [9, 15, '然后走了', true]]);
		assert.deepEqual(cut('甲，乙。」丙！？ '), [[0, 2, '甲', false], [2, 5, '乙', true], [5, 7, '丙', true]]);
		assert.deepEqual(cut(' ， '), []);
		assert.deepEqual(cut('第一句。\u00a0第二句，第三句'), [[0, 4, '第一句', true], [5, 9, '第二句', false], [9, 12, '第三句', true]]);
	});
});
