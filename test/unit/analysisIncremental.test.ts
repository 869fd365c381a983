// The page analysis of an edited document (boilerplate/analysis.ts) reuses the last version's line
// facts and the page model's verdict on rows whose features did not change: after any sequence of
// edits it must equal the analysis of the same text from scratch — page model, blocks, articles,
// related and reaction blocks, spam, everything.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CorpusDocument } from '../../server/src/service';
import { analyze, pageInputs } from '../../server/src/service/boilerplate/analysis';
import { judgePage } from '../../server/src/service/boilerplate/page';
import { pageModel } from '../../server/src/service/boilerplate/pageModel';
import { median } from '../../server/src/service/boilerplate/median';
import { fixtures } from './helpers';

const pagesDir = path.join(fixtures, 'chrome');
const pages = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.page')).sort()
	.map((f) => fs.readFileSync(path.join(pagesDir, f), 'utf8').split('\n').map((l) => l.slice(2)).join('\n'));

const inserts = [
	'', '后', '。', '，', '|', ' ', '\n', '\n\n', '2023-05-20', '首页 | 新闻 | 体育 | 财经', '\n相关阅读\n', '\n责任编辑：张三\n',
	'市政府今天召开新闻发布会，介绍了全市经济运行情况。', '立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。', '1. ', '• ', '…',
];
/** Whole lines another line may become (the rows stay: a line's shape, its runs and its neighbours' change). */
const lineTexts = [
	'首页', '体育', '1. 市政府召开新闻发布会', '• 相关新闻', '市政府今天召开新闻发布会，介绍了全市经济运行情况。', '版权所有 © 2023 某某网',
	'2023-05-20 09:12 来源：新华社', '立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。', '上一篇：会议召开', '分享到：', '(12)', '更多>>',
];

/** A list of headlines (a run of list items longer than the features' window of four rows). */
const list = Array.from({ length: 9 }, (_, i) => `${i + 1}. 市政府召开第${i + 1}次新闻发布会`).join('\n');
const page = (which: readonly number[]) => which.map((k) => (k >= pages.length ? list : pages[k])).join('\n\n');

describe('page analysis of an edited document', function () {
	this.timeout(300000);

	it('equals the analysis of the same text from scratch after every edit', () => {
		let runs = 0, sameRows = 0;
		fc.assert(fc.property(fc.array(fc.nat({ max: pages.length }), { minLength: 1, maxLength: 3 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
			const uri = `file:///edited-${runs++}.txt`;
			let doc = new CorpusDocument(uri, 1, page(which));
			analyze(doc);
			for (const e of edits) {
				const text = applied(doc, e);
				const before = doc.lines.filter((l) => l.text.trim() !== '').length;
				doc = CorpusDocument.derive(doc, doc.version + 1, text);
				if (doc.lines.filter((l) => l.text.trim() !== '').length === before) { sameRows++; }
				assert.deepEqual(analyze(doc), analyze(new CorpusDocument('file:///fresh.txt', 0, text)));
			}
		}), { numRuns: 200, seed: 18 });
		// Most edits keep the number of rows, the case where the last verdict is reused.
		assert.ok(sameRows > 300, `${sameRows} edits kept the rows`);
	});

	// Stricter than the analysis: every feature, stage one's log-odds and every probability of the
	// page model (a wrong feature may leave the blocks as they were).
	// The features are written over the array of the verdict before the last (as analysis.ts gives it), which
	// differs from the last verdict's in the rows that verdict computed: only those are copied (features.ts).
	it('gives the page model the same features and verdict as a fresh judgement', () => {
		const model = pageModel();
		let spared = 0, secondKept = 0;
		fc.assert(fc.property(fc.array(fc.nat({ max: pages.length }), { minLength: 1, maxLength: 3 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
			let doc = new CorpusDocument('file:///page.txt', 0, page(which));
			let verdict = judgePage(pageInputs(doc).rows, model);
			let older: Float64Array | undefined;
			for (const e of edits) {
				doc = new CorpusDocument('file:///page.txt', 0, applied(doc, e));
				const rows = pageInputs(doc).rows;
				if (older?.length === verdict.x.length && verdict.stageOne.kept) { spared++; }
				const next = judgePage(rows, model, verdict, older), fresh = judgePage(rows, model);
				if (next.stageTwo.kept?.includes(1)) { secondKept++; }
				assert.deepEqual([next.x, next.z, next.chrome, next.spans], [fresh.x, fresh.z, fresh.chrome, fresh.spans]);
				older = verdict.x;
				verdict = next;
			}
		}), { numRuns: 200, seed: 19 });
		// Most edits keep the rows: the spare array is then brought up to date row by row.
		assert.ok(spared > 300, `${spared} judgements on a spare array`);
		// Most of those copy stage two's features of the rows the edit did not reach (stageTwo.ts).
		assert.ok(secondKept > 300, `${secondKept} judgements kept stage two's features of some rows`);
	});
});

const edit = fc.oneof(
	fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 60 })), insert: fc.constantFrom(...inserts) }),
	fc.record({ line: fc.nat(), text: fc.constantFrom(...lineTexts) }),
);

/** The text after an edit: characters replaced at a place, or a line with text replaced whole. */
function applied(doc: CorpusDocument, e: { at: number; remove: number; insert: string } | { line: number; text: string }): string {
	if ('line' in e) {
		const rows = doc.lines.filter((l) => l.text.trim() !== '');
		const line = rows.length > 0 ? rows[e.line % rows.length] : doc.lines[0];
		return doc.text.slice(0, line.start) + e.text + doc.text.slice(line.end);
	}
	const at = e.at % (doc.text.length + 1);
	return doc.text.slice(0, at) + e.insert + doc.text.slice(Math.min(doc.text.length, at + e.remove));
}

// Stage two's medians are selected, not sorted (features.ts): the value a sort puts in the middle,
// -0 and NaN included.
describe('median of a page\'s rows', () => {
	it('equals the middle of the sorted values (duplicates, -0 and 0, NaN, infinities)', () => {
		const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, -1, 2.5, Number.NaN, Infinity, -Infinity), fc.integer({ min: -3, max: 3 }));
		fc.assert(fc.property(fc.array(value, { maxLength: 60 }), (xs) => {
			const sorted = Float64Array.from(xs).sort();
			const expected = sorted.length > 0 ? sorted[sorted.length >> 1] : 0;
			assert.ok(Object.is(median(Float64Array.from(xs)), expected), `${xs.join(',')}`);
		}), { numRuns: 3000, seed: 18 });
	});
});
