/**
 * punctuation.width — one punctuation mark written in two widths in one document (`,` and `，`
 * between Chinese characters). With `zhCorpus.punctuation.width` = `consistent` (the default),
 * the ASCII form is flagged where the document mostly writes the full-width one; a document that
 * consistently uses ASCII marks gets no finding, and Chinese punctuation is never folded to
 * ASCII unless the user asks for `halfwidth`. `fullwidth` flags every ASCII mark between Chinese
 * characters.
 */
import { analyze, isChromeLine } from '../boilerplate/analysis';
import { codePointAtOffset, codePointBefore, isCjk, isHan, unitTable } from '../text/chars';
import type { Finding, Rule } from '../types';

const id = 'punctuation.width';

/** ASCII mark → full-width mark; `(` and `)` count as one family. */
const fullOf: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const asciiOf: Record<string, string> = Object.fromEntries(Object.entries(fullOf).map(([a, f]) => [f, a]));
const familyOf = (mark: string) => (mark === ')' || mark === '）' ? '(' : asciiOf[mark] ?? mark);

interface Mark { readonly offset: number; readonly mark: string; readonly ascii: boolean }

/** An ASCII mark "between Chinese characters": Chinese on the side(s) where the mark binds. */
function asciiBetweenCjk(text: string, i: number, mark: string): boolean {
	const before = codePointBefore(text, i);
	const after = codePointAtOffset(text, i + 1);
	if (mark === '(') { return isHan(after) && (isCjk(before) || before === -1 || before === 32); }
	if (mark === ')') { return isHan(before); }
	return isCjk(before) && (isCjk(after) || after === 0x201c);
}

/** 1 for the units of the marks this rule counts; each mark's one-unit string, made once. */
const countedMarks = ',:;?!()，：；？！（）';
const isMark = unitTable(countedMarks);
const markOf = new Array<string>(0x10000);
for (const c of countedMarks) { markOf[c.charCodeAt(0)] = c; }

/**
 * A line's marks, line-relative, cached per line text. A mark at the line's first unit depends on
 * what precedes the line (the start of the document or a line break), so it is judged on the
 * document's text and never cached. A scan of the units with a table, not a regular expression's
 * matches: a match object per mark was most of this rule's time.
 */
function lineMarks(text: string): Mark[] | undefined {
	let marks: Mark[] | undefined;
	for (let i = 1; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (isMark[code] === 0) { continue; }
		const c = markOf[code];
		if (fullOf[c] === undefined) { (marks ??= []).push({ offset: i, mark: c, ascii: false }); } else if (asciiBetweenCjk(text, i, c)) { (marks ??= []).push({ offset: i, mark: c, ascii: true }); }
	}
	return marks;
}

/** Index of a mark's family (`,` and `，` are one; `(`, `)`, `（`, `）` are one). */
const families = [',', ':', ';', '?', '!', '('];
const familyIndex = (mark: string) => families.indexOf(familyOf(mark));

/** A line's own marks and, per family, how many are ASCII and full-width (`2 * family`, `2 * family + 1`); cached per line text. */
interface LineMarks { readonly marks: readonly Mark[]; readonly counts: Int32Array; readonly ascii: number }

/** A line without a mark it counts: one object for all of them, never written to. */
const noMarks: LineMarks = { marks: [], counts: new Int32Array(2 * families.length), ascii: 0 };

function lineMarksOf(text: string): LineMarks {
	const marks = lineMarks(text);
	if (!marks) { return noMarks; }
	const counts = new Int32Array(2 * families.length);
	let ascii = 0;
	for (const m of marks) { counts[2 * familyIndex(m.mark) + (m.ascii ? 0 : 1)]++; if (m.ascii) { ascii++; } }
	return { marks, counts, ascii };
}

/** The mark opening a line, judged with the line break before it (not cached: it depends on what precedes the line). */
function openingMark(text: string, line: { start: number; text: string }): Mark | undefined {
	if (line.text.length === 0 || isMark[line.text.charCodeAt(0)] === 0) { return undefined; }
	const c = line.text[0];
	if (fullOf[c] === undefined && asciiOf[c] !== undefined) { return { offset: 0, mark: c, ascii: false }; }
	return fullOf[c] !== undefined && asciiBetweenCjk(text, line.start, c) ? { offset: 0, mark: c, ascii: true } : undefined;
}

export const punctuationWidth: Rule = {
	id,
	description: 'A punctuation mark written in both widths in one document (ASCII `,` among full-width `，`).',
	defaultSeverity: 'info',
	*check(doc, ctx): Iterable<Finding> {
		const mode = ctx.options.punctuationWidth;
		const analysis = analyze(doc);
		const marks = ctx.cache<LineMarks>('lineMarks').perLine(doc, lineMarksOf);
		const lines = doc.lines;
		// Per line: its marks (undefined for chrome and empty lines) and the mark opening it, if any.
		const own: (LineMarks | undefined)[] = new Array(lines.length);
		const opening: (Mark | undefined)[] = new Array(lines.length);
		const totals = new Int32Array(2 * families.length);
		for (let n = 0; n < lines.length; n++) {
			const line = lines[n];
			if (line.text.length === 0 || isChromeLine(analysis, n)) { continue; }
			const first = opening[n] = openingMark(doc.text, line);
			if (first) { totals[2 * familyIndex(first.mark) + (first.ascii ? 0 : 1)]++; }
			const local = own[n] = marks[n];
			for (let k = 0; k < totals.length; k++) { totals[k] += local.counts[k]; }
		}
		// Only ASCII marks are flagged, except in `halfwidth` mode: per family, whether its ASCII
		// (count slot 0) or full-width (slot 1) marks are; a line holding none of those is passed over.
		const flagged = new Uint8Array(totals.length);
		for (let f = 0; f < families.length; f++) {
			if (mode === 'halfwidth') { flagged[2 * f + 1] = 1; } else { flagged[2 * f] = mode === 'fullwidth' || totals[2 * f + 1] > totals[2 * f] ? 1 : 0; }
		}
		const flag = (m: Mark) => flagged[2 * familyIndex(m.mark) + (m.ascii ? 0 : 1)] === 1;
		const holdsFlagged = (counts: Int32Array) => { for (let k = 0; k < counts.length; k++) { if (flagged[k] && counts[k] > 0) { return true; } } return false; };
		for (let n = 0; n < lines.length; n++) {
			const local = own[n];
			if (!local) { continue; }
			const first = opening[n];
			if (first && flag(first)) { yield finding(lines[n].start, first); }
			if (!holdsFlagged(local.counts)) { continue; }
			for (const m of local.marks) { if (flag(m)) { yield finding(lines[n].start + m.offset, m); } }
		}

		function finding(offset: number, m: Mark): Finding {
			const f = familyIndex(m.mark);
			const replacement = m.ascii ? fullOf[m.mark] : asciiOf[m.mark];
			const message = mode === 'consistent'
				? ctx.t('punctuation.width', m.mark, replacement, totals[2 * f + 1], totals[2 * f])
				: ctx.t('punctuation.widthForced', m.mark, replacement);
			return {
				ruleId: id, start: offset, end: offset + 1, message,
				fixes: [{ title: ctx.t('fix.replace', m.mark, replacement), edits: [{ start: offset, end: offset + 1, newText: replacement }], isPreferred: true, safe: true }],
			};
		}
	},
};
