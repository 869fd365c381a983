import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, RelatedLocation } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { cleaningProblems, formatScore, scoreFixtures, totals } from './cleaningEval';
import { applyPreferred, fixtures, options, seedsAvailable, seedsDir, service } from './helpers';

/** A related location in the same document. */
const local = (r: RelatedLocation) => { assert.equal(r.uri, undefined); return r as { start: number; end: number }; };
const rulesOf = (text: string) => cleaningProblems(text).problems.map((p) => p.ruleId);

describe('cleaning rules', () => {
	it('scores at least 0.90 precision and 0.75 recall on the labelled fixtures', () => {
		const score = scoreFixtures(path.join(fixtures, 'cleaning'));
		console.log(formatScore(score).split('\n').map((l) => `      ${l}`).join('\n'));
		const t = totals(score);
		assert.ok(t.tp / (t.tp + t.fp) >= 0.9, score.falsePositives.join('\n'));
		assert.ok(t.tp / (t.tp + t.fn) >= 0.75, score.misses.join('\n'));
	});

	describe('spacing.cjk', () => {
		it('removes the space between a digit and a Han character, and only it', () => {
			const text = '11 月9 日至11 日,大會在烏鎮舉辦。';
			const { problems } = cleaningProblems(text);
			assert.equal(problems.length, 3);
			assert.equal(applyEdits(text, service().fixAll(new CorpusDocument('u', 1, text), options())), '11月9日至11日,大會在烏鎮舉辦。');
		});
		it('keeps spaces in bylines, slogans in quotes, next to Latin words and after times', () => {
			for (const text of ['(记者 雷渺鑫 孔繁鑫)', '以“共建網絡世界 共創數字未來”為主題,舉辦會議。', '人工智慧 AI 技術,正在普及。', '會議於10:30 舉行,為期兩天。', '本报记者 倪耀强 王志杰 摄']) {
				assert.deepEqual(rulesOf(text).filter((r) => r === 'spacing.cjk'), [], text);
			}
		});
	});

	describe('punctuation.width', () => {
		it('flags the minority ASCII comma among full-width ones and converts it', () => {
			const text = '他表示，会议很成功，成果丰富。她说,还要继续努力，争取更好成绩。';
			const { problems } = cleaningProblems(text);
			const p = problems.find((x) => x.ruleId === 'punctuation.width')!;
			assert.equal(applyPreferred(text, p), text.replace('说,', '说，'));
		});
		it('leaves a document that consistently uses ASCII marks, and never folds full-width marks unasked', () => {
			assert.deepEqual(rulesOf('他表示,会议很成功,成果丰富。她说：还要继续努力,争取更好成绩。'), []);
		});
	});

	describe('unicode and terms', () => {
		it('keeps a BOM at the start of the file and a zero-width joiner inside an emoji', () => {
			assert.deepEqual(rulesOf('\ufeff這是文字。👨\u200d👩'), []);
		});
		it('leaves terms inside addresses alone', () => {
			assert.deepEqual(rulesOf('詳見 https://github.com/x 與 www.wechat.com 的說明。'), []);
		});
		it('adds the user\'s terms', () => {
			const { problems } = cleaningProblems('支持ipv6与harmonyos');
			assert.equal(problems.length, 1);
			const doc = new CorpusDocument('u', 1, '支持ipv6与harmonyos');
			assert.equal(service().lint(doc, options({ terms: ['HarmonyOS'] })).filter((p) => p.ruleId === 'term.case').length, 2);
		});
	});

	describe('duplicate.paragraph', () => {
		it('points at the first occurrence and deletes the repeat with its line break', () => {
			const text = '甲说，这是第一段内容，包含足够长的句子用于测试重复检测。\n\n乙补充了其他的信息，内容各不相同。\n这是第一段内容，包含足够长的句子用于测试重复检测。\n结尾。\n';
			const p = cleaningProblems(text).problems.find((x) => x.ruleId === 'duplicate.paragraph')!;
			assert.ok(p.related?.[0], 'related information');
			assert.equal(text.slice(local(p.related[0]).start, local(p.related[0]).end), '这是第一段内容，包含足够长的句子用于测试重复检测。');
			assert.equal(applyPreferred(text, p), '甲说，这是第一段内容，包含足够长的句子用于测试重复检测。\n\n乙补充了其他的信息，内容各不相同。\n结尾。\n');
		});
	});

	describe('layout.broken-paragraph', () => {
		const labels = () => JSON.parse(fs.readFileSync(path.join(fixtures, 'cleaning', 'labels.json'), 'utf8')).files as Record<string, { continuations?: Record<string, number | null> }>;
		it('joins each cut paragraph with its labelled continuation, not with a decoy', () => {
			for (const [name, { continuations }] of Object.entries(labels())) {
				if (!continuations) { continue; }
				const text = fs.readFileSync(path.join(fixtures, 'cleaning', name), 'utf8');
				const { doc, problems } = cleaningProblems(text);
				const broken = problems.filter((p) => p.ruleId === 'layout.broken-paragraph');
				for (const [head, next] of Object.entries(continuations)) {
					const p = broken.find((x) => doc.positionAt(x.start).line + 1 === Number(head));
					assert.ok(p, `${name}:${head} not reported`);
					if (next === null) { assert.equal(p.fixes.length, 0, `${name}:${head} has no continuation`); continue; }
					assert.equal(doc.positionAt(local(p.related![0]).start).line + 1, next, `${name}:${head} continues on ${next}`);
					const joined = applyPreferred(text, p).split('\n')[Number(head) - 1];
					assert.ok(joined.endsWith(doc.lines[next - 1].text.trim()), `${name}:${head} joined: ${joined.slice(-30)}`);
					assert.ok(!p.fixes[0].safe, 'a move is never applied by fix-all');
				}
			}
		});
		it('never reports a headline or a one-sentence lede without final punctuation', () => {
			assert.deepEqual(rulesOf('港口貨運量再創新高\n\n今年前十個月,本港港口貨運量同比增長百分之八,呈現“穩中有進”的特點\n\n港務局表示,增長主要來自東南亞航線。\n'), []);
		});
	});

	describe('seeds (../shared/corpus)', function () {
		before(function () { if (!seedsAvailable()) { console.log('    ../shared/corpus/seeds is absent: seed tests skipped'); this.skip(); } });
		const gold = () => JSON.parse(fs.readFileSync(path.join(seedsDir, '..', 'seeds.gold.json'), 'utf8')).files as Record<string, Record<string, unknown>>;
		const seed = (name: string) => fs.readFileSync(path.join(seedsDir, name), 'utf8');
		const found = (name: string) => {
			const { doc, problems } = cleaningProblems(seed(name));
			return problems.map((p) => ({ ...p, line: doc.positionAt(p.start).line + 1, col: doc.positionAt(p.start).character + 1 }));
		};

		it('reports every definite spacing entry and nothing listed under mustNotFlag', () => {
			for (const [name, entry] of Object.entries(gold())) {
				const spacing = entry.spacing as { definite?: { line: number; col: number }[]; mustNotFlag?: { line: number; col: number }[] } | undefined;
				if (!spacing) { continue; }
				const got = found(name).filter((p) => p.ruleId === 'spacing.cjk');
				for (const d of spacing.definite ?? []) { assert.ok(got.some((p) => p.line === d.line && p.col === d.col), `${name}:${d.line}:${d.col} not reported`); }
				for (const d of spacing.mustNotFlag ?? []) { assert.ok(!got.some((p) => p.line === d.line && p.col === d.col), `${name}:${d.line}:${d.col} must not be reported`); }
			}
		});
		it('reports 000 line 7 as a repeat of line 6, the 5g/ipv6/IPV6 terms, and 004 line 101 as blank', () => {
			const dup = found('000_a7811a11def97c06.txt').filter((p) => p.ruleId === 'duplicate.paragraph');
			assert.deepEqual(dup.map((p) => p.line), [7]);
			assert.deepEqual(found('003_f9c6bcfd28a4ce26.txt').filter((p) => p.ruleId === 'term.case').map((p) => p.line), [20, 20]);
			const f004 = found('004_ad0cf75c0c0e55fb.txt');
			assert.deepEqual(f004.filter((p) => p.ruleId === 'term.case').map((p) => p.line), [63]);
			assert.ok(f004.some((p) => p.ruleId === 'layout.blank' && p.line === 101));
		});
		it('joins 004\'s four continuations and reports 118 and 130 without one', () => {
			const gold004 = gold()['004_ad0cf75c0c0e55fb.txt'].layout as { continuations: { from: number; to: number; join: string }[]; truncatedWithoutContinuation: number[]; headlinesNotCut: number[] };
			const text = seed('004_ad0cf75c0c0e55fb.txt');
			const { doc, problems } = cleaningProblems(text);
			const broken = problems.filter((p) => p.ruleId === 'layout.broken-paragraph');
			for (const c of gold004.continuations) {
				const p = broken.find((x) => doc.positionAt(x.start).line + 1 === c.from);
				assert.ok(p, `${c.from} not reported`);
				assert.equal(doc.positionAt(local(p.related![0]).start).line + 1, c.to, `${c.from} continues on ${c.to}`);
				const [left, right] = c.join.split('|');
				assert.ok(applyPreferred(text, p).includes(left + right + doc.lines[c.to - 1].text.trim().slice(right.length)), `${c.from} joined as ${c.join}`);
			}
			for (const line of gold004.truncatedWithoutContinuation) {
				const p = broken.find((x) => doc.positionAt(x.start).line + 1 === line);
				assert.ok(p && p.fixes.length === 0, `${line} reported without a fix`);
			}
			const reported = new Set(broken.map((p) => doc.positionAt(p.start).line + 1));
			for (const line of gold004.headlinesNotCut) { assert.ok(!reported.has(line), `headline ${line} reported as cut`); }
			assert.ok(!found('000_a7811a11def97c06.txt').some((p) => p.ruleId === 'layout.broken-paragraph'), '000 line 1 is a lede');
		});
		it('reports nothing else in the seeds but what the gold allows (004: blank line 101, the acceptable lone ellipsis 140)', () => {
			const others: string[] = [];
			for (const [name, entry] of Object.entries(gold())) {
				const spacing = entry.spacing as { definite?: { line: number; col: number }[]; acceptable?: { line: number }[] } | undefined;
				const expected = (p: { line: number; col: number }) => spacing?.definite?.some((d) => d.line === p.line && d.col === p.col) || spacing?.acceptable?.some((d) => d.line === p.line);
				const checkedElsewhere = ['term.case', 'duplicate.paragraph', 'layout.broken-paragraph', 'duplicate.document'];
				for (const p of found(name).filter((x) => !checkedElsewhere.includes(x.ruleId) && !(x.ruleId === 'spacing.cjk' && expected(x)))) {
					others.push(`${name.slice(0, 3)}:${p.ruleId}@${p.line}`);
				}
			}
			assert.deepEqual(others, ['004:layout.blank@101', '004:layout.blank@140']);
		});
	});
});
