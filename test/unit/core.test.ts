import * as assert from 'node:assert/strict';
import { CorpusDocument, reviewRows } from '../../server/src/service';
import { applyEdits, EditComposer, nonOverlapping } from '../../server/src/service/edits';
import { messageIds, messagesFor } from '../../server/src/service/messages';
import { conversionEdits } from '../../server/src/service/script/convert';
import { LruCache } from '../../server/src/service/lruCache';
import { lintText, MemoryWorkspace, options, service } from './helpers';

describe('document', () => {
	it('splits \\n, \\r\\n and \\r lines and maps offsets to UTF-16 positions', () => {
		const doc = new CorpusDocument('u', 1, 'a\r\n𠮷b\rc\nd');
		assert.deepEqual(doc.lines.map((l) => l.text), ['a', '𠮷b', 'c', 'd']);
		assert.deepEqual(doc.positionAt(5), { line: 1, character: 2 });
		assert.deepEqual(doc.positionAt(doc.text.length), { line: 3, character: 1 });
	});
});

describe('edits', () => {
	it('drops overlapping edits and keeps the first', () => {
		assert.deepEqual(nonOverlapping([{ start: 2, end: 4, newText: 'x' }, { start: 0, end: 3, newText: 'y' }, { start: 4, end: 5, newText: 'z' }]).map((e) => e.newText), ['y', 'z']);
	});
	it('composes several passes into one minimal edit list against the original', () => {
		const original = '甲乙丙丁戊己';
		const c = new EditComposer(original);
		c.apply([{ start: 1, end: 2, newText: 'B' }, { start: 4, end: 5, newText: '' }]);
		c.apply([{ start: 0, end: 0, newText: '<' }, { start: 1, end: 2, newText: 'b' }]);
		const edits = c.edits();
		assert.equal(applyEdits(original, edits), c.text);
		assert.equal(c.text, '<甲b丙丁己');
		assert.deepEqual(edits, [{ start: 0, end: 0, newText: '<' }, { start: 1, end: 2, newText: 'b' }, { start: 4, end: 5, newText: '' }]);
	});
	it('never splits a surrogate pair when trimming an edit', () => {
		const original = 'a𠮷b';
		const c = new EditComposer(original);
		c.apply([{ start: 1, end: 3, newText: '𡘙' }]);
		const edits = c.edits();
		assert.equal(applyEdits(original, edits), 'a𡘙b');
		assert.ok(edits.every((e) => e.start !== 2 && e.end !== 2), JSON.stringify(edits));
	});
	it('says which tag made each composed edit, splitting a deletion where the tag changes', () => {
		const original = 'AAAxBBBxCCC';
		const c = new EditComposer(original);
		// Pass 1: tag 0 deletes "BBB"; pass 2: tag 1 deletes "x" + "x" (now adjacent) and tag 2 replaces C.
		c.apply([{ start: 4, end: 7, newText: '', tag: 0 }]);
		c.apply([{ start: 3, end: 5, newText: '', tag: 1 }, { start: 5, end: 6, newText: 'c', tag: 2 }]);
		assert.equal(c.text, 'AAAcCC');
		const tagged = c.taggedEdits();
		assert.equal(applyEdits(original, tagged), c.text);
		assert.deepEqual(tagged, [
			{ start: 3, end: 4, newText: '', tag: 1 },
			{ start: 4, end: 7, newText: '', tag: 0 },
			{ start: 7, end: 8, newText: '', tag: 1 },
			{ start: 8, end: 9, newText: 'c', tag: 2 },
		]);
	});
	it('returns no edit when a pass writes the same text back', () => {
		const c = new EditComposer('後來');
		c.apply([{ start: 0, end: 1, newText: '後' }]);
		assert.deepEqual(c.edits(), []);
	});
});

describe('lint', () => {
	it('caps problems at maxProblems and turns a rule off', () => {
		const text = '這是一個例子。' + '后'.repeat(5) + '會議結束后，国家发展。'.repeat(20);
		assert.equal(lintText(text, { maxProblems: 7 }).problems.length, 7);
		assert.equal(lintText(text, { rules: { 'mixed-script': 'off' } }).problems.length, 0);
	});
	it('applies the configured severity, capped by a finding\'s own maximum', () => {
		const { problems } = lintText('這個國家的经濟與發布會', { rules: { 'mixed-script': 'error' } });
		assert.deepEqual(problems.map((p) => p.severity), ['error', 'hint']);
	});
});

describe('conversion commands', () => {
	it('converts simplified text to Taiwan, Hong Kong and OpenCC-standard forms, one edit per changed run', () => {
		const text = '高峰会议在乌镇召开，秘书长致辞。';
		const tw = applyEdits(text, conversionEdits(text, 'traditional-tw'));
		assert.equal(tw, '高峰會議在烏鎮召開，秘書長致辭。');
		assert.equal(applyEdits(text, conversionEdits(text, 'traditional')), '高峯會議在烏鎮召開，祕書長致辭。');
		assert.equal(applyEdits(tw, conversionEdits(tw, 'simplified')), text);
		assert.ok(conversionEdits(text, 'traditional-hk').length >= 3);
	});
	it('keeps Extension B characters', () => {
		const text = '𠮷野家的价格';
		assert.equal(applyEdits(text, conversionEdits(text, 'traditional-tw')), '𠮷野家的價格');
	});
});

describe('messages', () => {
	it('renders every message id with its arguments and falls back to English', () => {
		// Every placeholder of every message, in every language, is filled when its arguments are given.
		for (const locale of ['en', 'zh-cn', 'zh-tw']) {
			const t = messagesFor(locale);
			for (const id of messageIds) { assert.doesNotMatch(t(id, 'a', 'b', 'c', 'd', 'e'), /\{\d+\}/, `${locale} ${id}`); }
		}
		const fallback = messagesFor('fr');
		assert.equal(fallback('fix.replace', '后'), 'Replace ‘后’ with ‘{1}’', 'a locale without a catalogue gets English; a missing argument stays visible');
		assert.equal(messagesFor('en')('fix.replace', '后', '後'), 'Replace ‘后’ with ‘後’');
	});
});

describe('workspace index', () => {
	it('indexes files through the injected workspace and updates one file at a time', async () => {
		const ws = new MemoryWorkspace();
		ws.files.set('file:///a.txt', '這是繁體中文的文件。');
		ws.files.set('file:///b.txt', '这是简体中文的文件。');
		const svc = service(ws);
		await svc.index.scan();
		assert.deepEqual(svc.index.summary(), { files: 2, characters: 20, simplifiedFiles: 1, traditionalFiles: 1, mixedFiles: 0 });
		const reads = ws.reads;
		ws.files.set('file:///b.txt', '這也是繁體。');
		await svc.index.update('file:///b.txt');
		assert.equal(ws.reads, reads + 1);
		assert.equal(svc.index.get('file:///b.txt')!.dominant, 'traditional');
		svc.index.remove('file:///a.txt');
		assert.equal(svc.index.summary().files, 1);
	});
});

describe('lru cache', () => {
	it('forgets the oldest entry beyond its capacity', () => {
		const c = new LruCache<number>(2);
		c.set('a', 1); c.set('b', 2); c.set('a', 3); c.set('c', 4);
		assert.equal(c.get('b'), undefined);
		assert.equal(c.get('a'), 3);
		assert.equal(c.size, 2);
	});
});

describe('fix-all', () => {
	it('applies only safe fixes and is idempotent', () => {
		const svc = service();
		const text = '行政院表示，這項計畫的经費將由中央負擔，并將在明年上路，金鐘視后也出席。';
		const doc = new CorpusDocument('u', 1, text);
		const once = applyEdits(text, svc.fixAll(doc, options()));
		assert.equal(once, '行政院表示，這項計畫的經費將由中央負擔，並將在明年上路，金鐘視后也出席。');
		assert.deepEqual(svc.fixAll(new CorpusDocument('u', 2, once), options()), []);
	});
	it('limits a clean to rule families and names the rule of each edit', () => {
		const svc = service();
		const text = '首頁 > 新聞 > 正文\n這項計畫的经費將由中央負擔。\n責任編輯：王小明\n';
		const doc = new CorpusDocument('u', 1, text);
		const boilerplate = svc.clean(doc, options(), ['boilerplate']);
		assert.deepEqual(boilerplate.map((e) => e.ruleId), ['boilerplate.navigation', 'boilerplate.credit']);
		assert.equal(applyEdits(text, boilerplate), '這項計畫的经費將由中央負擔。\n');
		const both = svc.clean(doc, options(), ['boilerplate', 'mixed-script']);
		assert.deepEqual(both.map((e) => e.ruleId), ['boilerplate.navigation', 'mixed-script', 'boilerplate.credit']);
		assert.deepEqual(reviewRows(doc, both).map((r) => [r.line, r.column, r.rule, r.removed, r.inserted]), [
			[1, 1, 'boilerplate.navigation', '首頁 > 新聞 > 正文\n', undefined],
			[2, 6, 'mixed-script', '经', '經'],
			[3, 1, 'boilerplate.credit', '責任編輯：王小明\n', undefined],
		]);
	});
	it('fixes one rule only when asked', () => {
		const svc = service();
		const doc = new CorpusDocument('u', 1, '這項計畫的经費。');
		assert.equal(svc.fixAll(doc, options(), 'no-such-rule').length, 0);
		assert.equal(svc.fixAll(doc, options(), 'mixed-script').length, 1);
	});
});

interface RandomEdit { readonly round: number; readonly version: number; readonly text: string; readonly start: number; readonly end: number; readonly inserted: string }

/**
 * Seeded random edits around line breaks: 300 texts (`begin`), then 10 edits of each (`edit`,
 * given the text after it and the edit as typed, not the least range that changed).
 */
function randomEdits(seed: number, begin: (text: string) => void, edit: (e: RandomEdit) => void): void {
	const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
	const pieces = ['\n', '\r\n', '\r', '甲', '乙丙', ' ', '\n\n', '𠮷'];
	const piece = () => pieces[Math.floor(rnd() * pieces.length)];
	for (let round = 0; round < 300; round++) {
		let text = Array.from({ length: 1 + Math.floor(rnd() * 30) }, piece).join('');
		begin(text);
		for (let version = 1; version <= 10; version++) {
			const start = Math.floor(rnd() * (text.length + 1));
			const end = Math.min(text.length, start + Math.floor(rnd() * 4));
			const inserted = Array.from({ length: Math.floor(rnd() * 3) }, piece).join('');
			text = text.slice(0, start) + inserted + text.slice(end);
			edit({ round, version, text, start, end, inserted });
		}
	}
}

describe('CorpusDocument.derive', () => {
	const fresh = (version: number, text: string) => new CorpusDocument('file:///d.txt', version, text).lines;
	let doc: CorpusDocument;
	const begin = (text: string) => { doc = new CorpusDocument('file:///d.txt', 0, text); void doc.lines; };

	it('gives the lines a fresh split gives, after random edits around line breaks (seeded)', () => {
		randomEdits(7, begin, ({ round, version, text }) => {
			doc = CorpusDocument.derive(doc, version, text);
			assert.deepEqual(doc.lines, fresh(version, text), `round ${round}, version ${version}: ${JSON.stringify(text)}`);
		});
	});

	it('takes the edit\'s range when given (a worker knows it): the same lines, with unchanged lines shared (seeded)', () => {
		randomEdits(5, begin, ({ round, version, text, start, end, inserted }) => {
			// The edit as typed, not the least range that changed (replacing 甲 by 甲 is an edit too).
			const before = doc;
			doc = CorpusDocument.derive(doc, version, text, { start, oldEnd: end, newEnd: start + inserted.length });
			assert.deepEqual(doc.lines, fresh(version, text), `round ${round}, version ${version}: ${JSON.stringify(text)}`);
			// The first line is kept as it was when the edit is past the end of the second (lines are derived, not split again).
			if (before.lines.length > 2 && before.lines[1].end + 2 < start) { assert.equal(doc.lines[0], before.lines[0]); }
		});
	});

	it('knows its stamp: another length is told apart without hashing, the same length by the hash', () => {
		const doc = new CorpusDocument('file:///d.txt', 1, '会议结束后。');
		assert.equal(doc.hasStamp(new CorpusDocument('file:///e.txt', 0, '会议结束后。').stamp), true);
		assert.equal(doc.hasStamp(new CorpusDocument('file:///e.txt', 0, '会议结束后').stamp), false);
		assert.equal(doc.hasStamp(new CorpusDocument('file:///e.txt', 0, '会议结束後。').stamp), false);
		assert.equal(doc.hasStamp(undefined), false);
		assert.equal(doc.hasStamp(`${doc.text.length}0:${doc.stamp.split(':')[1]}`), false);
	});

	// A text typed and undone is the stamped (indexed) text again: told by comparing it with the last
	// text found to have the stamp, not by hashing it; a text of the same length that differs is not.
	it('knows its stamp again after a typed character is undone, and tells a same-length text apart', () => {
		const indexed = '会议结束后。'.repeat(50);
		const stamp = new CorpusDocument('file:///s.txt', 0, indexed).stamp;
		let doc = new CorpusDocument('file:///s.txt', 1, indexed);
		for (let v = 2; v < 12; v++) {
			const text = v % 2 === 0 ? `${indexed}后` : (v % 4 === 1 ? indexed : `${indexed.slice(0, -1)}後`);
			doc = CorpusDocument.derive(doc, v, text);
			assert.equal(doc.hasStamp(stamp), text === indexed, `version ${v}`);
			// Another string of the indexed text (built anew) has the stamp; one of its length that differs has not.
			assert.equal(new CorpusDocument('file:///s.txt', v, `${text.slice(0, indexed.length - 1)}。`).hasStamp(stamp), text.slice(0, indexed.length - 1) === indexed.slice(0, -1), `version ${v}, rebuilt`);
			assert.equal(new CorpusDocument('file:///s.txt', v, `${indexed.slice(0, -1)}！`).hasStamp(stamp), false, `version ${v}, other`);
		}
	});

	it('finds the edit in long texts too (compared in chunks of up to 64 K units first)', () => {
		let seed = 11;
		const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
		const pieces = ['\n', '\r\n', '甲', '乙丙。', '𠮷', '第一段。\n'];
		for (let round = 0; round < 30; round++) {
			let text = Array.from({ length: 1000 + Math.floor(rnd() * 40000) }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
			let doc = new CorpusDocument('file:///d.txt', 0, text);
			void doc.lines;
			for (let v = 1; v <= 5; v++) {
				// Near the ends, at chunk edges, or anywhere.
				const where = [0, text.length, 64, 2048, 65536, text.length - 64, text.length - 2048, Math.floor(rnd() * (text.length + 1))];
				const start = Math.max(0, Math.min(text.length, where[Math.floor(rnd() * where.length)] + Math.floor(rnd() * 3) - 1));
				const end = Math.min(text.length, start + Math.floor(rnd() * 3));
				text = text.slice(0, start) + pieces[Math.floor(rnd() * pieces.length)].repeat(Math.floor(rnd() * 2)) + text.slice(end);
				doc = CorpusDocument.derive(doc, v, text);
				assert.deepEqual(doc.lines, new CorpusDocument('file:///d.txt', v, text).lines, `round ${round}, version ${v}`);
			}
		}
	});
});
