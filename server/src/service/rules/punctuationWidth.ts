/**
 * punctuation.width — one punctuation mark written in two widths in one document (`,` and `，`
 * between Chinese characters). With `zhCorpus.punctuation.width` = `consistent` (the default),
 * the ASCII form is flagged where the document mostly writes the full-width one; a document that
 * consistently uses ASCII marks gets no finding, and Chinese punctuation is never folded to
 * ASCII unless the user asks for `halfwidth`. `fullwidth` flags every ASCII mark between Chinese
 * characters.
 */
import { analyze, isChromeLine } from '../boilerplate/analysis';
import { codePointAtOffset, codePointBefore, isCjk, isHan } from '../text/chars';
import type { Finding, LineCache, Rule } from '../types';

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

const markPattern = /[,:;?!()，：；？！（）]/g;

/**
 * A line's marks, line-relative, cached per line text. A mark at the line's first unit depends on
 * what precedes the line (the start of the document or a line break), so it is judged on the
 * document's text and never cached.
 */
function lineMarks(text: string): Mark[] {
	const marks: Mark[] = [];
	for (const m of text.matchAll(markPattern)) {
		const c = m[0];
		const i = m.index!;
		if (i === 0) { continue; }
		if (fullOf[c] === undefined) { marks.push({ offset: i, mark: c, ascii: false }); } else if (asciiBetweenCjk(text, i, c)) { marks.push({ offset: i, mark: c, ascii: true }); }
	}
	return marks;
}

function marksOf(text: string, lines: readonly { start: number; text: string }[], chrome: (line: number) => boolean, cache: LineCache<Mark[]>): Mark[] {
	const marks: Mark[] = [];
	for (const [n, line] of lines.entries()) {
		if (chrome(n) || line.text.length === 0) { continue; }
		const c = line.text[0];
		if (fullOf[c] === undefined && asciiOf[c] !== undefined) { marks.push({ offset: line.start, mark: c, ascii: false }); } else if (fullOf[c] !== undefined && asciiBetweenCjk(text, line.start, c)) { marks.push({ offset: line.start, mark: c, ascii: true }); }
		let local = cache.get(line.text);
		if (!local) { local = lineMarks(line.text); cache.set(line.text, local); }
		for (const m of local) { marks.push({ offset: line.start + m.offset, mark: m.mark, ascii: m.ascii }); }
	}
	return marks;
}

export const punctuationWidth: Rule = {
	id,
	description: 'A punctuation mark written in both widths in one document (ASCII `,` among full-width `，`).',
	defaultSeverity: 'info',
	*check(doc, ctx): Iterable<Finding> {
		const mode = ctx.options.punctuationWidth;
		const analysis = analyze(doc);
		const marks = marksOf(doc.text, doc.lines, (n) => isChromeLine(analysis, n), ctx.cache<Mark[]>('marks'));
		const counts = new Map<string, { ascii: number; full: number }>();
		for (const m of marks) {
			const c = counts.get(familyOf(m.mark)) ?? { ascii: 0, full: 0 };
			if (m.ascii) { c.ascii++; } else { c.full++; }
			counts.set(familyOf(m.mark), c);
		}
		for (const m of marks) {
			const c = counts.get(familyOf(m.mark))!;
			const flag = mode === 'halfwidth' ? !m.ascii : m.ascii && (mode === 'fullwidth' || c.full > c.ascii);
			if (!flag) { continue; }
			const replacement = m.ascii ? fullOf[m.mark] : asciiOf[m.mark];
			const message = mode === 'consistent'
				? ctx.t('punctuation.width', m.mark, replacement, c.full, c.ascii)
				: ctx.t('punctuation.widthForced', m.mark, replacement);
			yield {
				ruleId: id, start: m.offset, end: m.offset + 1, message,
				fixes: [{ title: ctx.t('fix.replace', m.mark, replacement), edits: [{ start: m.offset, end: m.offset + 1, newText: replacement }], isPreferred: true, safe: true }],
			};
		}
	},
};
