// The page analysis of an edited document (boilerplate/analysis.ts) reuses the last version's line
// facts and the page model's verdict on rows whose features did not change: after any sequence of
// edits it must equal the analysis of the same text from scratch — page model, blocks, articles,
// related and reaction blocks, spam, everything.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CorpusDocument } from '../../server/src/service';
import { analyze } from '../../server/src/service/boilerplate/analysis';
import { fixtures } from './helpers';

const pagesDir = path.join(fixtures, 'chrome');
const pages = fs.readdirSync(pagesDir).filter((f) => f.endsWith('.page')).sort()
	.map((f) => fs.readFileSync(path.join(pagesDir, f), 'utf8').split('\n').map((l) => l.slice(2)).join('\n'));

const inserts = [
	'', '后', '。', '，', '|', ' ', '\n', '\n\n', '2023-05-20', '首页 | 新闻 | 体育 | 财经', '\n相关阅读\n', '\n责任编辑：张三\n',
	'市政府今天召开新闻发布会，介绍了全市经济运行情况。', '立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。',
];

describe('page analysis of an edited document', function () {
	this.timeout(300000);

	it('equals the analysis of the same text from scratch after every edit', () => {
		let runs = 0, sameRows = 0;
		const edit = fc.record({ at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.constant(1), fc.nat({ max: 60 })), insert: fc.constantFrom(...inserts) });
		fc.assert(fc.property(fc.array(fc.nat({ max: pages.length - 1 }), { minLength: 1, maxLength: 3 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
			const uri = `file:///edited-${runs++}.txt`;
			let doc = new CorpusDocument(uri, 1, which.map((k) => pages[k]).join('\n\n'));
			analyze(doc);
			for (const e of edits) {
				const at = e.at % (doc.text.length + 1);
				const text = doc.text.slice(0, at) + e.insert + doc.text.slice(Math.min(doc.text.length, at + e.remove));
				const before = doc.lines.filter((l) => l.text.trim() !== '').length;
				doc = CorpusDocument.derive(doc, doc.version + 1, text);
				if (doc.lines.filter((l) => l.text.trim() !== '').length === before) { sameRows++; }
				assert.deepEqual(analyze(doc), analyze(new CorpusDocument('file:///fresh.txt', 0, text)));
			}
		}), { numRuns: 150, seed: 18 });
		// Most edits keep the number of rows, the case where the last verdict is reused.
		assert.ok(sameRows > 300, `${sameRows} edits kept the rows`);
	});
});
