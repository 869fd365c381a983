/**
 * Edits, diffs and parts of large texts: the pure pieces under a fix or a clean written part after
 * part (test/lsp/writes.test.ts drives the files, the command line and the server).
 */
import * as assert from 'node:assert/strict';
import { applyPatch } from 'diff';
import { unifiedDiff } from '../../server/src/cli/diff';
import { CorpusDocument } from '../../server/src/service';
import { applyEdits, EditComposer } from '../../server/src/service/edits';
import { checkInParts, checkInPartsCounted, fixedTexts, fixInParts, partRows, PartCutter, partStarts } from '../../server/src/service/parts';
import { options, service } from './helpers';

describe('edits and parts of large texts', function () {
	this.timeout(120000);

	it('edit composition handles 30 MB of repeated text without recursion or spread', () => {
		const text = '重複的行。\n'.repeat(5_000_000);
		const composer = new EditComposer(text);
		const edits: { start: number; end: number; newText: string; tag: number }[] = [];
		// One edit removing most of the text, made by many alternating tags: a run per character.
		for (let i = 0; i < 600_000; i++) { edits.push({ start: i * 6, end: i * 6 + 6, newText: '', tag: i % 2 }); }
		composer.apply(edits);
		const tagged = composer.taggedEdits();
		assert.equal(tagged.length, 600_000);
		assert.equal(tagged.reduce((n, e) => n + e.end - e.start, 0), 3_600_000);
	});

	it('--dry-run\'s diff, built from the edits in linear time, applies as a patch to give the fixed text', () => {
		let seed = 7;
		const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
		for (let round = 0; round < 10000; round++) {
			let text = '';
			for (let i = random(12); i > 0; i--) { text += `${'abcde'.slice(0, random(5))}${random(10) === 0 ? '\r' : ''}\n`; }
			if (random(3) === 0) { text += 'tail'; }
			const edits: { start: number; end: number; newText: string }[] = [];
			for (let at = 0; edits.length < 8;) {
				const start = at + random(Math.max(1, Math.floor(text.length / 6)));
				if (start > text.length) { break; }
				const end = Math.min(text.length, start + random(4));
				edits.push({ start, end, newText: ['', 'X', '\n', 'Y\nZ'][random(4)] });
				at = end + 1;
			}
			const fixed = applyEdits(text, edits);
			if (fixed === text) { continue; }
			const context = round % 3;
			// Hunks closed early (after a line or two) as a file whose every line changes has them closed.
			const patch = [...unifiedDiff('f.txt', text, edits, context, round % 2 === 0 ? 10_000 : 1 + random(3))].join('');
			assert.equal(applyPatch(text, patch), fixed, `${JSON.stringify({ text, edits, context })}\n${patch}`);
		}
		// An edit on the last line of a hunk that a joined line break made: one hunk, whatever the limit.
		const joined = [{ start: 1, end: 2, newText: '' }, { start: 3, end: 3, newText: 'X' }];
		assert.equal(applyPatch('a\nb\nc\n', [...unifiedDiff('f.txt', 'a\nb\nc\n', joined, 1, 1)].join('')), 'abX\nc\n');
	});

	it('a text fixed in parts gives the same text and review rows (file lines and columns) as fixed whole', () => {
		// Short lines, then one long line that a part must cut inside, with an X to remove here and there.
		const text = `${'第一行X。\n短X行\n'.repeat(40)}${'很长的一行，X没有换行。'.repeat(60)}\n末行X\n`;
		const removeX = (doc: CorpusDocument) => [...doc.text.matchAll(/X/g)].map((m) => ({ start: m.index!, end: m.index! + 1, newText: '', ruleId: 'test.x' }));
		const parts = fixInParts('file:///t.txt', text, removeX, 200);
		assert.ok(parts.length > 5, `${parts.length} parts`);
		assert.equal([...fixedTexts(text, parts)].join(''), text.replace(/X/g, ''));
		const whole = new CorpusDocument('file:///t.txt', 0, text);
		const expected = removeX(whole).map((e) => { const p = whole.positionAt(e.start); return `${p.line + 1}:${p.character + 1}`; });
		assert.deepEqual([...partRows('file:///t.txt', text, parts)].map((r) => `${r.line}:${r.column}`), expected);
	});

	it('a check in parts that keeps only the first problems keeps the same ones and counts all of them', () => {
		// Real rules over parts of 300 units: half-width marks in Chinese text, traditional forms in simplified text.
		const text = `${'今天天气很好,我们去公园散步吧!\n這個問題很重要，请大家注意。\n重复的一行文字在这里。\n'.repeat(30)}${'没有换行的长句子,一直写下去。'.repeat(40)}\n`;
		const svc = service();
		const doc = new CorpusDocument('file:///t.txt', 0, text);
		const check = (part: CorpusDocument) => svc.lint(part, options({ maxProblems: Number.MAX_SAFE_INTEGER }));
		const all = checkInParts(doc, check, 300);
		assert.ok(all.length > 40 && new Set(all.map((p) => p.ruleId)).size >= 2, `${all.length} problems`);
		const counts: Record<string, number> = {};
		for (const p of all) { counts[p.ruleId] = (counts[p.ruleId] ?? 0) + 1; }
		for (const keep of [0, 1, 37, all.length, all.length + 5]) {
			const counted = checkInPartsCounted(doc, check, keep, 300);
			assert.deepEqual(counted.first, all.slice(0, keep));
			assert.equal(counted.total, all.length);
			assert.deepEqual(Object.entries(counted.counts), Object.entries(counts));
		}
		// A document of one part: checked whole, the same.
		const small = new CorpusDocument('file:///s.txt', 0, text.slice(0, 200));
		assert.deepEqual(checkInPartsCounted(small, check, 2).first, checkInParts(small, check).slice(0, 2));
	});

	it('a text cut as it arrives in pieces is cut where the whole text is (parts of a streamed file)', () => {
		let seed = 7;
		const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
		const alphabet = ['字', '\n', ' ', '。', 'a', '😀', '\r\n'];
		for (let round = 0; round < 300; round++) {
			let text = '';
			const length = random(3000);
			while (text.length < length) { text += alphabet[random(alphabet.length)].repeat(1 + random(random(2) ? 3 : 400)); }
			const size = 16 + random(300);
			const starts = partStarts(text, size);
			const expected = starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
			const cutter = new PartCutter(size);
			const parts: string[] = [];
			for (let at = 0; at < text.length;) {
				const piece = 1 + random(random(2) ? 10 : 700);
				parts.push(...cutter.push(text.slice(at, at + piece)));
				at += piece;
			}
			parts.push(...cutter.end());
			assert.deepEqual(parts, expected, `round ${round}, size ${size}`);
		}
	});
});
