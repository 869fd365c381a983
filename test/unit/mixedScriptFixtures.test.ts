/**
 * The labelled script fixtures of issue 15 (test/fixtures/script, written before the rule was
 * changed): Taiwan local news with 里 and the surnames 范/余/郁/于, Hong Kong sports with
 * transliterations and Cantonese, Macau news, a simplified page quoting names in their own forms,
 * a converted mirror full of over-conversions. Correct text gets no Warning and fix-all leaves it
 * alone; certain errors are Warnings that fix-all corrects to the labelled text. The held-out
 * folder is scored by bench/scriptQuality.ts only. Plus the property that fix-all changes nothing
 * in clean traditional or simplified documents built from the fixtures' corrected text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusDocument } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { options, service } from './helpers';
import { parseAnnotated, readAnnotated, scoreAnnotated, scriptFixtures, scriptOptions } from './scriptEval';

const fixtures = readAnnotated(scriptFixtures);

describe('mixed-script on the labelled fixtures (issue 15)', () => {
	it('has the fixtures', () => {
		assert.ok(fixtures.length >= 5, scriptFixtures);
	});
	for (const [name, source] of fixtures) {
		describe(name, () => {
			const score = scoreAnnotated(name, source);
			it('reports no Warning on correct text', () => {
				assert.deepEqual(score.warningsOnCorrect, []);
			});
			it('lets fix-all change no correct character', () => {
				assert.deepEqual(score.damage, []);
			});
			it('warns about the certain errors and fix-all corrects at least 9 in 10 of them to the labelled text', () => {
				assert.ok(score.certainWarned >= 0.9 * score.certain && score.certainFixed >= 0.9 * score.certain, score.misses.join('\n'));
			});
		});
	}

	it('gives exactly the labelled text where every certain error is found (Taiwan, Hong Kong, Macau, simplified with names)', () => {
		for (const name of ['tw-local-news.txt', 'hk-sports.txt', 'macau-news.txt', 'cn-quoting-names.txt']) {
			const { text, expected } = parseAnnotated(fixtures.find(([n]) => n === name)![1]);
			const svc = service();
			assert.equal(applyEdits(text, svc.fixAll(new CorpusDocument(`file:///${name}`, 1, text), options())), expected, name);
		}
	});

	it('changes nothing in clean traditional or simplified documents made of the fixtures\' corrected paragraphs', function () {
		this.timeout(120_000);
		const svc = service();
		const paragraphs = (script: 'traditional' | 'simplified') => fixtures
			.map(([, s]) => parseAnnotated(s).expected)
			.filter((t) => /[們這個來說為國對會學與]/.test(t) === (script === 'traditional'))
			.flatMap((t) => t.split('\n').filter((l) => l.trim().length > 0));
		for (const script of ['traditional', 'simplified'] as const) {
			const pool = paragraphs(script);
			assert.ok(pool.length > 5, script);
			fc.assert(fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 12 }), (lines) => {
				const doc = new CorpusDocument('file:///clean.txt', 1, lines.join('\n'));
				assert.deepEqual(svc.fixAll(doc, scriptOptions()).filter((e) => e.ruleId === 'mixed-script'), [], doc.text);
			}), { numRuns: 200, seed: 15 });
		}
	});
});

describe('mixed-script phenomena of issue 15', () => {
	const warnings = (text: string) => service().lint(new CorpusDocument('u', 1, text), options()).filter((p) => p.ruleId === 'mixed-script' && p.severity === 'warning');
	const fixed = (text: string) => applyEdits(text, service().fixAll(new CorpusDocument('u', 1, text), options()));
	it('keeps Cantonese (唔好郁, 識晒, 咗, 嘅, 㗎) and Hong Kong forms (伙, 厘, 恒生, 着) as written', () => {
		const text = '佢話：「唔好郁，我哋識晒㗎喇，食咗飯先。」樓盤首輪三百伙，按息三厘，恒生指數升，教練着重防守。';
		assert.deepEqual(warnings(text).map((p) => text.slice(p.start, p.end)), []);
		assert.equal(fixed(text), text);
	});
	it('keeps surnames and the neighbourhood 里 (里長范振宗, 余思嫻, 于姓, 留侯里)', () => {
		const text = '〔記者余思嫻／新北報導〕留侯里里長范振宗表示，里民可到里辦公處登記；警方逮捕于姓男子。';
		assert.equal(fixed(text), text);
	});
	it('fixes over-conversions of a converted mirror (皇後, 幹預, 麵對) and a surname after a title (記者範文傑)', () => {
		assert.equal(fixed('英國國王與皇後出席國宴。各國應避免幹預他國內政，共同麵對挑戰。據記者範文傑報導。'), '英國國王與皇后出席國宴。各國應避免干預他國內政，共同面對挑戰。據記者范文傑報導。');
	});
	it('reports at Information an over-conversion that forward maximum matching hides (年台|風來襲) and OpenCC\'s own (並不斷髮展, 這裡麵包括)', () => {
		for (const [text, found, fix] of [['去年臺風來襲時，路樹倒塌。', '臺', '颱'], ['公司擴大規模，並不斷髮展壯大。', '髮', '發'], ['這裡麵包括大豆。', '麵', '面']]) {
			const problems = service().lint(new CorpusDocument('u', 1, text), options()).filter((p) => p.ruleId === 'mixed-script');
			assert.deepEqual(problems.map((p) => [text.slice(p.start, p.end), p.severity, p.fixes[0].edits[0].newText]), [[found, 'info', fix]], text);
			assert.equal(fixed(text), text);
		}
	});
	it('leaves words that only look like over-conversions (太後悔, 女皇後來)', () => {
		const text = '他說自己太後悔了。女皇後來也到場。';
		assert.deepEqual(warnings(text), []);
	});
	it('decides 着/著 by the document: 推着 in a Taiwan article that writes 著, 看著 in simplified text', () => {
		assert.equal(fixed('她穿著外套，笑著說，被教官推着回教室裡。'), '她穿著外套，笑著說，被教官推著回教室裡。');
		assert.equal(fixed('他们一直看著窗外，说着话。'), '他们一直看着窗外，说着话。');
		assert.equal(fixed('这位著名作家的著作很多。'), '这位著名作家的著作很多。');
	});
	it('decides 台風 by its phrase: 颱風 where the context says typhoon, a question otherwise', () => {
		assert.equal(fixed('強烈台風來襲，民眾應做好防颱準備。'), '強烈颱風來襲，民眾應做好防颱準備。');
		const stage = '這位歌手的台風穩健。';
		assert.equal(fixed(stage), stage);
	});
	it('does not report a page\'s link to its other-script version (简体 | 繁體)', () => {
		const text = '首页 | 新闻 | 简体 | 繁體\n[简体版] [繁體版]\n这是一篇简体新闻。';
		assert.deepEqual(service().lint(new CorpusDocument('u', 1, text), options()).filter((p) => p.ruleId === 'mixed-script'), []);
	});
	it('leaves names quoted in their own script on a simplified page for the user (郭台銘, 《聯合報》)', () => {
		const text = '据台湾《聯合報》报道，企业家郭台銘表示，这个计划很好。';
		assert.equal(fixed(text), text);
		assert.equal(fixed('这個计划很好。'), '这个计划很好。');
	});
	it('writes a Hong Kong document\'s own forms in its fixes (説, not 說)', () => {
		assert.equal(fixed('佢話今日好忙，我哋都唔知佢講乜，總之佢説咗好多次。記者说：「係咁㗎喇。」佢又説唔得。'), '佢話今日好忙，我哋都唔知佢講乜，總之佢説咗好多次。記者説：「係咁㗎喇。」佢又説唔得。');
	});
});
