// duplicate.paragraph: a paragraph repeated later in the document; two sentences that share
// words and a shape but say different things are not repeats.
import * as assert from 'node:assert/strict';
import { CorpusDocument } from '../../../server/src/service';
import { ClauseIndex, clausesOf } from '../../../server/src/service/duplicates/clauses';
import { random } from '../../support/random';
import { lintText } from '../helpers';
import { describeRule } from './ruleCases';

const lede = '市政府今天召开新闻发布会，介绍了全市经济运行情况。';
const repeated = '上半年全市经济稳中有进，主要指标好于预期，就业形势总体稳定。';

describeRule('duplicate.paragraph', {
	flags: `${lede}\n${repeated}\n会议要求各部门抓好落实。\n⟦${repeated}⟧\n`,
	decoy: `${lede}\n上半年全市经济稳中有进，主要指标好于预期。\n下半年全市经济有望加快，主要指标好于去年。\n`,
	fix: {
		before: '立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。\n預算案將於下週送交院會審查。\n立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。\n',
		after: '立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。\n預算案將於下週送交院會審查。\n',
	},
});

describe('duplicate.paragraph and a page\'s own list of headlines', () => {
	// An e-paper page lists its articles' titles, then prints each article under its title: the
	// title is the article's, the list is the chrome.
	const titles = ['一季度全市外贸进出口同比增长，跨境电商成为新的增长点', '春耕备耕有序推进，全市农资供应充足价格平稳'];
	const page = [
		'本版标题导航', ...titles,
		titles[0], '本报讯 记者从海关获悉，今年一季度，全市货物贸易进出口总值同比增长，增速高于全省平均水平。',
		titles[1], '眼下正值春耕备耕关键时期，全市各地抢抓农时，田间地头一派繁忙景象。', '',
	].join('\n');
	it('leaves the titles alone', () => {
		assert.deepEqual(lintText(page).problems.filter((p) => p.ruleId === 'duplicate.paragraph').map((p) => p.message), []);
	});
	it('still reports a repeated title-length line that no list holds', () => {
		const text = `${titles[0]}\n正文第一段，介绍了情况。\n${titles[0]}\n`;
		assert.equal(lintText(text).problems.filter((p) => p.ruleId === 'duplicate.paragraph').length, 1);
	});
});

describe('duplicate.paragraph\'s pre-test for a repeated clause', () => {
	// The rule builds no clause index when no clause key occurs twice in the body lines.
	const parts = ['市政府召开会议', '介绍了情况', '主要指标好于预期', '就业形势总体稳定', ' 介绍了情况 ', '委員們接受了採訪'];
	const marks = ['，', '。', '；', '！”', ''];

	it('says a clause repeats exactly when the clause index lists a key twice (random documents, body lines chosen at random)', () => {
		const rand = random(29);
		let repeats = 0;
		for (let t = 0; t < 3000; t++) {
			const lines = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => Array.from({ length: Math.floor(rand() * 3) }, () => parts[Math.floor(rand() * parts.length)] + marks[Math.floor(rand() * marks.length)]).join(''));
			const doc = new CorpusDocument('file:///clauses.txt', 0, lines.join('\n'));
			const body = Uint8Array.from(doc.lines, () => (rand() < 0.8 ? 1 : 0));
			const clauses = (n: number) => clausesOf(doc.lines[n].text);
			const index = ClauseIndex.of(doc.lines, body, (_text, n) => clauses(n));
			const listedTwice = [...index.where.values()].some((at) => at.length > 1);
			assert.equal(ClauseIndex.anyRepeat(doc.lines, body, clauses), listedTwice, JSON.stringify(lines));
			if (listedTwice) { repeats++; }
		}
		// Both answers are tested.
		assert.ok(repeats > 300 && repeats < 2700, String(repeats));
	});
});
