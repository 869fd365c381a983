import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, foldingRanges, OutlineNode } from '../../server/src/service';
import { options, readFixture, seedsAvailable, seedsDir, service } from './helpers';

const outlineOf = (text: string) => {
	const doc = new CorpusDocument('file:///o.txt', 1, text);
	const nodes = service().outline(doc, options());
	const line = (n: OutlineNode) => doc.lineAt(n.start) + 1;
	return { doc, nodes, line };
};

describe('outline', () => {
	it('shows a news page as chrome, the article (title, source, paragraphs, points, turns) and the chrome after it', () => {
		const text = '首页 > 新闻 > 正文\n\n市政府召开新闻发布会\n\n来源：市政府网站 2024-03-01 10:00\n\n今天上午，市政府召开新闻发布会，介绍今年重点工作安排。\n\n一是加快推进重大项目建设，确保按期完工。\n\n记者：今年的重点是什么？\n\n责任编辑：王小明\n';
		const { nodes, line } = outlineOf(text);
		assert.deepEqual(nodes.map((n) => [n.kind, line(n)]), [['chrome', 1], ['article', 3], ['chrome', 13]]);
		const article = nodes[1];
		assert.equal(article.name, '市政府召开新闻发布会');
		assert.deepEqual(article.children.map((c) => c.kind), ['source', 'paragraph', 'point', 'turn']);
		assert.ok(article.children[1].name.startsWith('今天上午'));
	});

	it('shows a site menu as one chrome block named by what it is, not as an article', () => {
		const menu = ['首頁', '新聞', '體育', '財經', '娛樂', '科技', '汽車', '房產', '教育', '旅遊', '登入', '註冊'].join('\n');
		const article = '全市上半年經濟穩中有進\n2023-07-15 10:20 來源：本報\n市政府今天召開新聞發佈會，介紹了上半年全市經濟運行情況。會議指出，上半年全市經濟穩中有進，主要指標好於預期。\n從產業看，工業生產平穩增長，規模以上工業增加值同比增長百分之六點二，高技術製造業增長較快。\n';
		const { nodes, line } = outlineOf(`${menu}\n${article}`);
		assert.deepEqual(nodes.map((n) => [n.kind, line(n)]), [['chrome', 1], ['article', 13]]);
		assert.equal(nodes[0].name, 'A menu of 12 short lines');
		assert.equal(nodes[0].detail, '首頁');
	});

	it('starts an article at a traditional dateline as at a simplified one', () => {
		const text = '港口新聞\n\n本報訊 今年前十個月,本港港口貨運量同比增長百分之八。\n\n業界人士認為,港口需要加快數碼化轉型。\n\n中央社台北15日電 行政院今天通過明年度總預算案。\n';
		const { nodes, line } = outlineOf(text);
		assert.deepEqual(nodes.filter((n) => n.kind === 'article').map(line), [1, 7]);
	});

	it('folds every node that spans lines', () => {
		const text = readFixture('boilerplate/15-news-tail.txt');
		const { doc, nodes } = outlineOf(text);
		const ranges = foldingRanges(doc, nodes);
		assert.ok(ranges.some((r) => r.kind === 'region'), 'the chrome tail folds');
		assert.ok(ranges.every((r) => r.endLine > r.startLine));
	});

	describe('seeds (../shared/corpus)', function () {
		before(function () { if (!seedsAvailable()) { console.log('    ../shared/corpus/seeds is absent: seed tests skipped'); this.skip(); } });
		const seed = (name: string) => fs.readFileSync(path.join(seedsDir, name), 'utf8');

		it('names 002 by its headline (line 10) and 003 by line 2 without its spam suffix', () => {
			const o2 = outlineOf(seed('002_2630afb79726026e.txt'));
			const a2 = o2.nodes.find((n) => n.kind === 'article')!;
			assert.equal(o2.line(a2), 10);
			const o3 = outlineOf(seed('003_f9c6bcfd28a4ce26.txt'));
			const a3 = o3.nodes.find((n) => n.kind === 'article')!;
			assert.equal(o3.line(a3), 2);
			assert.ok(!/投注|欧洲杯/.test(a3.name), a3.name);
		});

		it('splits 004 into article runs at headlines, datelines and the jump marker, with its continuations as 续: nodes', () => {
			const { nodes, line } = outlineOf(seed('004_ad0cf75c0c0e55fb.txt'));
			const starts = nodes.filter((n) => n.kind === 'article').map(line);
			for (const l of [5, 45, 75, 87, 91]) { assert.ok(starts.includes(l), `an article starts at ${l}: ${starts.join(',')}`); }
			assert.deepEqual(nodes.filter((n) => n.kind === 'continuation').map(line), [116, 124, 128, 158]);
			assert.ok(nodes.filter((n) => n.kind === 'continuation').every((n) => n.name.startsWith('续:')));
		});
	});
});
