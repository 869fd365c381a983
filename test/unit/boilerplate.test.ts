import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { boilerplateProblems, formatScore, scoreFixtures } from './boilerplateEval';
import { applyPreferred, fixtures, options, seedsAvailable, seedsDir, service } from './helpers';

const rulesAt = (text: string, line: number) => {
	const { doc, problems } = boilerplateProblems(text);
	return problems.filter((p) => doc.lineAt(p.start) <= line - 1 && doc.lineAt(Math.max(p.start, p.end - 1)) >= line - 1).map((p) => p.ruleId);
};

describe('boilerplate', () => {
	it('recognizes chrome in both scripts and with folded punctuation', () => {
		assert.deepEqual(rulesAt('正文第一段，內容很長，說明了事情的經過。\n責任編輯：王小明\n', 2), ['boilerplate.credit']);
		assert.deepEqual(rulesAt('正文第一段,内容很长,说明了事情的经过。\n责任编辑:王小明\n', 2), ['boilerplate.credit']);
		assert.deepEqual(rulesAt('當前位置：首頁 > 新聞 > 正文\n', 1), ['boilerplate.navigation']);
	});
	it('recognizes the page numbers of printed and PDF pages, not a dash or a range in the text', () => {
		for (const line of ['— 3 —', '- 12 -', '第 3 页 共 12 页', '第3页，共12页', 'Page 3 of 12']) {
			assert.deepEqual(rulesAt(`正文第一段，介绍情况。\n${line}\n正文第二段，继续介绍。`, 2), ['boilerplate.page-header'], line);
		}
		for (const line of ['—— 他说', '3 - 5 月']) { assert.deepEqual(rulesAt(`正文第一段，介绍情况。\n${line}\n`, 2), [], line); }
	});
	it('never flags news paragraphs that mention the same words', () => {
		const text = [
			'警方近日破获一起网络赌博案件，查获涉案资金数千万元，抓获犯罪嫌疑人十二名。',
			'市版权局表示，将加大对未经授权转载新闻作品行为的打击力度，保护原创者的合法权益。',
			'消费者可拨打服务热线反映问题，相关部门承诺在三个工作日内答复。',
			'记者：您如何看待这一变化？',
			'他说，拍摄这组照片花了整整三年时间，每一张都是在清晨拍摄。',
			'世界杯竞猜型彩票销售火爆',
		].join('\n');
		assert.deepEqual(boilerplateProblems(text).problems.map((p) => p.message), []);
	});
	it('deletes a line with its line break without merging its neighbours', () => {
		const text = '标题\n分享到：微信 微博\n第一段正文。\n';
		const [p] = boilerplateProblems(text).problems;
		assert.equal(applyPreferred(text, p), '标题\n第一段正文。\n');
	});
	it('strips an SEO spam suffix and keeps the title', () => {
		const text = '农产品冷链物流建设提速-澳门网上赌场\n正文。';
		const p = boilerplateProblems(text).problems.find((x) => x.ruleId === 'boilerplate.spam')!;
		assert.equal(applyPreferred(text, p), '农产品冷链物流建设提速\n正文。');
	});
	it('strips a trailing byline span and keeps the paragraph', () => {
		const text = '会议强调，要进一步加强合作，共同推动行业发展。(记者 张三 李四)';
		const p = boilerplateProblems(text).problems.find((x) => x.ruleId === 'boilerplate.credit')!;
		assert.equal(applyPreferred(text, p), '会议强调，要进一步加强合作，共同推动行业发展。');
	});
	it('keeps a notice\'s signature and date before the footer', () => {
		const text = '二、各地要加强政策宣传，确保应保尽保，不得增加群众负担。\n市医疗保障局\n2023年8月25日\n主办单位：市人民政府办公室\n京ICP备12345678号\n';
		const doc = new CorpusDocument('u', 1, text);
		const fixed = applyEdits(text, service().fixAll(doc, options()));
		assert.equal(fixed, '二、各地要加强政策宣传，确保应保尽保，不得增加群众负担。\n市医疗保障局\n2023年8月25日\n');
	});
	for (const set of ['boilerplate', 'boilerplate-heldout']) {
		it(`scores at least 0.90 precision and 0.75 recall on the labelled fixtures (${set})`, () => {
			const score = scoreFixtures(path.join(fixtures, set));
			console.log(formatScore(score).split('\n').map((l) => `      ${l}`).join('\n'));
			assert.ok(score.tp / (score.tp + score.fp) >= 0.9, score.falsePositives.join('\n'));
			assert.ok(score.tp / (score.tp + score.fn) >= 0.75, score.misses.join('\n'));
		});
	}

	describe('seeds (../shared/corpus)', function () {
		before(function () { if (!seedsAvailable()) { console.log('    ../shared/corpus/seeds is absent: seed tests skipped'); this.skip(); } });
		const gold = () => JSON.parse(fs.readFileSync(path.join(seedsDir, '..', 'seeds.gold.json'), 'utf8')).files;

		it('reports every boilerplate line the gold marks, and no content line', () => {
			for (const [name, entry] of Object.entries<{ boilerplate?: { line?: number; lines?: number[]; acceptable?: boolean; span?: string }[] }>(gold())) {
				const text = fs.readFileSync(path.join(seedsDir, name), 'utf8');
				const { doc, problems } = boilerplateProblems(text);
				const covered = new Set<number>();
				for (const p of problems) { for (let i = doc.lineAt(p.start); i <= doc.lineAt(Math.max(p.start, p.end - 1)); i++) { covered.add(i + 1); } }
				const marked = new Set<number>();
				for (const b of entry.boilerplate ?? []) {
					const [first, last] = b.lines ?? [b.line!, b.line!];
					for (let l = first; l <= last; l++) { marked.add(l); }
					if (!b.acceptable) { assert.ok(covered.has(first), `${name}:${first} not reported`); }
				}
				for (const line of covered) {
					// 002's tail starts at its credit line 32; everything reported must be marked boilerplate.
					const inTail = name.startsWith('002') && line >= 32;
					assert.ok(marked.has(line) || inTail || doc.lines[line - 1].text.trim() === '', `${name}:${line} reported but not boilerplate: ${doc.lines[line - 1].text.slice(0, 30)}`);
				}
			}
		});
		it('fix-all on 002 keeps the title, the source line and the article paragraphs, and nothing after them', () => {
			const text = fs.readFileSync(path.join(seedsDir, '002_2630afb79726026e.txt'), 'utf8');
			const fixed = applyEdits(text, service().clean(new CorpusDocument('u', 1, text), options(), ['boilerplate']));
			const kept = fixed.split('\n').filter((l) => l.trim().length > 0);
			const original = text.split('\n');
			const expected = [10, 12, 14, 18, 20, 22, 24, 26, 28, 30].map((n) => original[n - 1].replace(/\(记者[^)]*\)$/, ''));
			assert.deepEqual(kept.map((l) => l.replace(/\(记者[^)]*\)$/, '')), expected);
		});
		it('strips the spam span from 003\'s title', () => {
			const text = fs.readFileSync(path.join(seedsDir, '003_f9c6bcfd28a4ce26.txt'), 'utf8');
			const fixed = applyEdits(text, service().fixAll(new CorpusDocument('u', 1, text), options()));
			assert.equal(fixed.split('\n')[0], '世界互联网大会秘书长任贤良在《中国网信》杂志发表署名文章');
		});
	});
});

describe('boilerplate.custom (zhCorpus.boilerplate.patterns)', () => {
	const custom = (text: string, patterns: object[]) => service().lint(new CorpusDocument('u', 1, text), options({ customPatterns: patterns as never })).filter((p) => p.ruleId === 'boilerplate.custom');
	it('deletes a matching line, also when the line is traditional or uses full-width punctuation', () => {
		const text = '正文一段，說明情況。\n本站口號：天天好新聞\n';
		const [p] = custom(text, [{ id: 'slogan', regex: '^本站口号:' }]);
		assert.match(p.message, /slogan/);
		assert.equal(applyPreferred(text, p), '正文一段，說明情況。\n');
	});
	it('strips only the match with fix delete-match', () => {
		const text = '市场回暖，成交量上升。【小编提示】\n';
		const [p] = custom(text, [{ id: 'tip', regex: '\\[小编提示\\]', fix: 'delete-match' }]);
		assert.equal(applyPreferred(text, p), '市场回暖，成交量上升。\n');
	});
	it('runs a catastrophic pattern in linear time', () => {
		const text = 'a'.repeat(4000) + 'b';
		assert.deepEqual(custom(text, [{ id: 'evil', regex: '(a+)+$' }]), []);
	});
});
