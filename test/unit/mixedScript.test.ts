import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, LanguageService } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { applyPreferred, lintText, marked, MemoryWorkspace, options, readFixture, seedsAvailable, seedsDir, service } from './helpers';

const mixed = (text: string, opts = {}) => lintText(text, opts).problems.filter((p) => p.ruleId === 'mixed-script');
const aboveHint = (text: string, opts = {}) => mixed(text, opts).filter((p) => p.severity !== 'hint');

/** Asserts that exactly the ⟦marked⟧ spans are reported above Hint. */
function assertFlags(source: string, opts = {}): void {
	const { text, spans } = marked(source);
	const got = aboveHint(text, opts).map((p) => [p.start, p.end]);
	assert.deepEqual(got, spans, `flags in ${text}`);
}

describe('mixed-script', () => {
	describe('traditional text', () => {
		it('flags simplified characters and characters used in their simplified sense', () => {
			assertFlags('會議結束⟦后⟧，代表們發表聲明，這項計畫的⟦经⟧費由中央負擔。');
		});
		it('keeps characters that are correct in their phrase (皇后) and flags them elsewhere (之后)', () => {
			assertFlags('英國國王與皇后出席典禮。典禮之⟦后⟧，國王發表談話。');
		});
		it('accepts Taiwan and Hong Kong forms (峰, 秘) that OpenCC-standard would change', () => {
			assertFlags('世界互聯網大會烏鎮峰會的秘書處設在北京，高峰論壇在會上舉行。');
		});
		it('reports accepted regional variants (發布, 周年, 伙伴) only as hints', () => {
			const problems = mixed('政府發布報告，紀念成立十周年，並感謝各方伙伴。');
			assert.deepEqual(problems.map((p) => p.severity), ['hint', 'hint', 'hint'], problems.map((p) => p.message).join('\n'));
			assert.ok(problems.length >= 3);
			assert.ok(problems.every((p) => p.severity === 'hint'), JSON.stringify(problems.map((p) => p.severity)));
		});
		it('reports a character valid in both scripts at the rule\'s severity when its phrase and jieba\'s word agree (制造, 關系), and fixes it', () => {
			const text = '建立夥伴關系，發展先進制造業。';
			const problems = aboveHint(text, { rules: { 'mixed-script': 'error' } });
			assert.deepEqual(problems.map((p) => [p.severity, p.fixes[0].edits[0].newText]), [['error', '係'], ['error', '製']]);
			assert.equal(applyEdits(text, service().fixAll(new CorpusDocument('u', 1, text), options())), '建立夥伴關係，發展先進製造業。');
		});
		it('keeps what a phrase alone flags at Information: without jieba\'s words nothing valid in both scripts is a Warning', () => {
			const bare = new LanguageService({ workspace: new MemoryWorkspace() });
			const text = '建立夥伴關系，發展先進制造業。';
			const problems = bare.lint(new CorpusDocument('u', 1, text), options({ rules: { 'mixed-script': 'error' } })).filter((p) => p.ruleId === 'mixed-script');
			assert.deepEqual(problems.map((p) => [p.severity, p.fixes[0].edits[0].newText]), [['info', '係'], ['info', '製']]);
			assert.deepEqual(bare.fixAll(new CorpusDocument('u', 1, text), options()), []);
		});
		it('joins adjacent flagged characters of one phrase into one finding', () => {
			const problems = aboveHint('她剪了头发。', { scriptTarget: 'traditional' });
			assert.equal(problems.length, 1);
			assert.equal(applyPreferred('她剪了头发。', problems[0]), '她剪了頭髮。');
		});
		it('offers every candidate of an ambiguous character and prefers the one the phrase decides', () => {
			const text = '他們說這位經理買了一包饼干，後來又當上了干部。';
			const problems = aboveHint(text);
			const [biscuit, cadre] = problems.filter((p) => text.slice(p.start, p.end) === '干');
			assert.equal(biscuit.fixes.find((f) => f.isPreferred)!.edits[0].newText, '乾');
			assert.equal(cadre.fixes.find((f) => f.isPreferred)!.edits[0].newText, '幹');
			assert.deepEqual(cadre.fixes.map((f) => f.edits[0].newText).sort(), ['乾', '幹', '榦'].sort());
		});
		it('does not let fix-all choose between candidates that no phrase decided', () => {
			const { doc, problems } = lintText('金鐘視后林心如出席。');
			assert.equal(problems.length, 1);
			assert.equal(problems[0].fixes[0].safe, false);
			assert.deepEqual(service().fixAll(doc, options()), []);
		});
		it('keeps UTF-16 offsets right around CJK Extension B characters', () => {
			assertFlags('研究團隊在𠮷野家附近採集樣本，⟦发⟧現關⟦于⟧水質的問題，𡘙⟦并⟧不嚴重。');
		});
		it('fixes the fixture to the expected text with fix-all, touching only flagged characters', () => {
			const text = readFixture('mixed-script/tw-leftovers.txt');
			const doc = new CorpusDocument('file:///f.txt', 1, text);
			const edits = service().fixAll(doc, options());
			assert.equal(applyEdits(text, edits), readFixture('mixed-script/tw-leftovers.fixed.txt'));
			assert.ok(edits.every((e) => e.end - e.start === e.newText.length && e.end - e.start <= 2), JSON.stringify(edits));
		});
	});

	describe('traditional text: names a converter respelled', () => {
		const fixAllOf = (text: string) => applyEdits(text, service().fixAll(new CorpusDocument('u', 1, text), options()));
		it('writes 范 for a surname starting a clause with no title (範振宗表示), not in a word (範圍)', () => {
			assert.equal(fixAllOf('改建計畫。範振宗表示，這是地方多年的心願。'), '改建計畫。范振宗表示，這是地方多年的心願。');
			const plain = '工程範圍包括步道。範圍內的樹木將保留。街區什剎海，遊王府、觀故居。反彈的跡象，週中聯盟杯好不容易。';
			assert.equal(fixAllOf(plain), plain);
		});
		it('writes 後 for 后 standing alone after a word (會議結束后), not in a queen\'s title (視后, 歌后, 影后)', () => {
			assert.equal(fixAllOf('會議結束后，雙方簽署協議。'), '會議結束後，雙方簽署協議。');
			for (const text of ['金鐘視后林心如出席。', '亞洲歌后演唱會門票售罄。', '她獲得金馬影后。']) { assert.equal(fixAllOf(text), text); }
		});
		it('follows the document\'s own spelling of a name written two ways (留侯里 … 留侯裏), not where a phrase vouches (髮型) or a region accepts both (台/臺)', () => {
			assert.equal(fixAllOf('板橋區留侯里活動中心。留侯里里長表示。\n留侯裏公園改建。留侯里民眾參加。'), '板橋區留侯里活動中心。留侯里里長表示。\n留侯里公園改建。留侯里民眾參加。');
			for (const text of ['她的發言引起討論。她的發言很長。她的髮型很特別。她的發言結束。', '臺北市政府今天表示。臺北市民可以參加。台北市也有活動。']) { assert.equal(fixAllOf(text), text); }
			// A document that over-converts more often than not is not followed to the over-conversion.
			assert.ok(fixAllOf('留侯裏活動中心。留侯裏民眾參加。\n留侯里公園改建。').endsWith('留侯里公園改建。'));
		});
		it('writes 黨 for a lone 党 (我們的党), never for the surname after a title (市長党國英)', () => {
			assert.equal(fixAllOf('此，我們的党、我們的國家都面臨考驗。'), '此，我們的黨、我們的國家都面臨考驗。');
			const text = '市長党國英今天表示，將持續推動。';
			assert.equal(fixAllOf(text), text);
		});
		it('writes the neighbourhood 里 in 十興裏裏長 and 埔墘裏里民, not in 這裡 or 家裏', () => {
			assert.equal(fixAllOf('竹北市十興裏裏長昨天帶領志工。埔墘裏里民到場。'), '竹北市十興里里長昨天帶領志工。埔墘里里民到場。');
			for (const text of ['在這裡里長們也表示歡迎。', '他在家裏里民都認識他。', '十興里里長昨天帶領志工。']) { assert.equal(fixAllOf(text), text); }
		});
	});

	describe('simplified text', () => {
		it('flags traditional characters and keeps 乾隆', () => {
			assertFlags('这是一⟦個⟧简单的例子。乾隆皇帝南巡的故事流传很广。天气⟦乾⟧燥。');
		});
		it('gives the simplified replacement as preferred fix', () => {
			const text = '这是一個简单的例子。';
			assert.equal(applyPreferred(text, aboveHint(text)[0]), '这是一个简单的例子。');
		});
		const fixAllOf = (text: string) => applyEdits(text, service().fixAll(new CorpusDocument('u', 1, text), options()));
		it('keeps names quoted in traditional script (a company of two traditional words, a person) at Information and never fixes them', () => {
			for (const text of ['鸿海集团旗下的群創光電今天发布公告。', '台湾晶圆代工龙头台積電的股价走高。', '记者陈立新报道，作家郁文華出席。']) {
				const problems = mixed(text);
				assert.ok(problems.length > 0 && problems.every((p) => p.severity === 'info'), `${text}: ${problems.map((p) => p.severity)}`);
				assert.equal(fixAllOf(text), text);
			}
		});
		it('fixes a name quoted in traditional script where the page also writes it in simplified script', () => {
			assert.equal(fixAllOf('记者陈立新报道。\n本报记者陳立新今天在厦门。'), '记者陈立新报道。\n本报记者陈立新今天在厦门。');
			assert.equal(fixAllOf('群创光电公布财报。\n面板厂群創光電今天宣布扩产。'), '群创光电公布财报。\n面板厂群创光电今天宣布扩产。');
		});
		it('fixes a traditional character in a name the page otherwise writes in simplified script, a lone word, and 由於 read as 由于', () => {
			assert.equal(fixAllOf('大学生林晓說，她是读着诗长大的。'), '大学生林晓说，她是读着诗长大的。');
			assert.equal(fixAllOf('會議结束后，双方签署了协议。'), '会议结束后，双方签署了协议。');
			assert.equal(fixAllOf('由於天气原因，航班延误。'), '由于天气原因，航班延误。');
			assert.equal(fixAllOf('慈善事业对於缓解贫困很重要。'), '慈善事业对于缓解贫困很重要。');
			for (const text of ['他是著名作家，著作等身，成绩显著。', '乾隆皇帝南巡。', '於梨华是著名作家。']) { assert.equal(fixAllOf(text), text); }
		});
	});

	describe('targets', () => {
		it('follows zhCorpus.script.target over the dominant script', () => {
			const problems = aboveHint('這是一個例子。', { scriptTarget: 'simplified' });
			assert.deepEqual(problems.map((p) => p.fixes[0].edits[0].newText), ['这', '个']);
		});
		it('traditional-tw asks for Taiwan forms of traditional characters (峯 → 峰)', () => {
			const text = '登上峯頂，看見這裏的風景。';
			assert.deepEqual(aboveHint(text, { scriptTarget: 'traditional-tw' }).map((p) => p.fixes[0].edits[0].newText), ['峰', '裡']);
			assert.deepEqual(aboveHint(text, { scriptTarget: 'traditional' }), []);
		});
		it('traditional-hk fixes to Hong Kong forms', () => {
			const text = '這個方案的后果。';
			const [p] = aboveHint(text, { scriptTarget: 'traditional-hk' });
			assert.equal(applyPreferred(text, p), '這個方案的後果。');
		});
		it('zhCorpus.script.allow turns a user word into a hint', () => {
			const text = '這個理念強調数字技術。';
			assert.equal(aboveHint(text).length, 1);
			assert.equal(aboveHint(text, { scriptAllow: ['数字'] }).length, 0);
		});
		it('reports nothing when the document has no single-script character', () => {
			assert.deepEqual(mixed('人工智能大会在上海举行'.replace(/[会举]/g, '')), []);
		});
	});

	describe('documents mixing whole paragraphs', () => {
		it('says the document is mixed and converts each minority paragraph, Extension B included', () => {
			const text = readFixture('mixed-script/half-and-half.txt');
			const problems = mixed(text);
			assert.match(problems[0].message, /mixes scripts/);
			const paragraphs = problems.filter((p) => /paragraph/.test(p.message));
			assert.equal(paragraphs.length, 2);
			const fixed = applyPreferred(text, paragraphs[1]);
			assert.ok(fixed.includes('專家認為，疫情仍有反彈風險，𡘙市民應儘快接種疫苗。'), fixed);
			// Nothing outside the paragraph changed.
			assert.equal(fixed.split('\n').filter((l, i) => l !== text.split('\n')[i]).length, 1);
		});
	});

	describe('seeds (../shared/corpus)', function () {
		before(function () {
			if (!seedsAvailable()) {
				console.log('    ../shared/corpus/seeds is absent: seed tests skipped');
				this.skip();
			}
		});
		it('reports every definite leftover of 000 at Information or above with the right preferred fix, and nothing it must not flag', () => {
			const gold = JSON.parse(fs.readFileSync(path.join(seedsDir, '..', 'seeds.gold.json'), 'utf8'));
			const name = '000_a7811a11def97c06.txt';
			const entry = gold.files[name].mixedScript;
			const text = fs.readFileSync(path.join(seedsDir, name), 'utf8');
			const { doc, problems: all } = lintText(text);
			const problems = all.filter((p) => p.ruleId === 'mixed-script');
			const at = (line: number, col: number) => problems.filter((p) => {
				const pos = doc.positionAt(p.start);
				const end = doc.positionAt(p.end);
				return pos.line === line - 1 && pos.character <= col - 1 && end.character > col - 1;
			});
			for (const d of entry.definite) {
				const found = at(d.line, d.col).filter((p) => p.severity !== 'hint');
				assert.equal(found.length, 1, `definite ${d.char} at ${d.line}:${d.col}`);
				const fixed = applyPreferred(text, found[0]);
				assert.equal(fixed.split(/\r?\n/)[d.line - 1][d.col - 1], d.expected, `fix of ${d.char} at ${d.line}:${d.col}`);
			}
			for (const m of entry.mustNotFlag) {
				assert.ok(at(m.line, m.col).every((p) => p.severity === 'hint'), `must not flag ${m.char} at ${m.line}:${m.col}`);
			}
			const definite = new Set(entry.definite.map((d: { line: number; col: number }) => `${d.line}:${d.col}`));
			const acceptable = new Set(entry.acceptable.map((d: { line: number; col: number }) => `${d.line}:${d.col}`));
			for (const p of problems.filter((x) => x.severity !== 'hint')) {
				const pos = doc.positionAt(p.start);
				const key = `${pos.line + 1}:${pos.character + 1}`;
				assert.ok(definite.has(key) || acceptable.has(key), `unexpected finding at ${key}: ${p.message}`);
			}
		});
		it('reports nothing in the simplified seeds 001–004', () => {
			for (const name of fs.readdirSync(seedsDir).filter((f) => !f.startsWith('000'))) {
				assert.deepEqual(mixed(fs.readFileSync(path.join(seedsDir, name), 'utf8')).map((p) => p.message), [], name);
			}
		});
	});
});
