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

/**
 * Calls `visit` with every mark of the document's lines that are not chrome, in order: a mark
 * opening a line (judged with the line break before it), then the line's own marks (cached per
 * line text). No object per mark: a large document has tens of thousands, and a check visits
 * them twice (counting, then reporting).
 */
function eachMark(text: string, lines: readonly { start: number; text: string }[], chrome: (line: number) => boolean, cache: LineCache<Mark[]>, visit: (offset: number, mark: string, ascii: boolean) => void): void {
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		if (chrome(n) || line.text.length === 0) { continue; }
		const c = line.text[0];
		if (fullOf[c] === undefined && asciiOf[c] !== undefined) { visit(line.start, c, false); } else if (fullOf[c] !== undefined && asciiBetweenCjk(text, line.start, c)) { visit(line.start, c, true); }
		let local = cache.get(line.text);
		if (!local) { local = lineMarks(line.text); cache.set(line.text, local); }
		for (const m of local) { visit(line.start + m.offset, m.mark, m.ascii); }
	}
}

export const punctuationWidth: Rule = {
	id,
	description: 'A punctuation mark written in both widths in one document (ASCII `,` among full-width `，`).',
	defaultSeverity: 'info',
	*check(doc, ctx): Iterable<Finding> {
		const mode = ctx.options.punctuationWidth;
		const analysis = analyze(doc);
		const marks = (visit: (offset: number, mark: string, ascii: boolean) => void) => eachMark(doc.text, doc.lines, (n) => isChromeLine(analysis, n), ctx.cache<Mark[]>('marks'), visit);
		const counts = new Map<string, { ascii: number; full: number }>();
		marks((_offset, mark, ascii) => {
			const c = counts.get(familyOf(mark)) ?? { ascii: 0, full: 0 };
			if (ascii) { c.ascii++; } else { c.full++; }
			counts.set(familyOf(mark), c);
		});
		const found: Finding[] = [];
		marks((offset, mark, ascii) => {
			const c = counts.get(familyOf(mark))!;
			const flag = mode === 'halfwidth' ? !ascii : ascii && (mode === 'fullwidth' || c.full > c.ascii);
			if (!flag) { return; }
			const replacement = ascii ? fullOf[mark] : asciiOf[mark];
			const message = mode === 'consistent'
				? ctx.t('punctuation.width', mark, replacement, c.full, c.ascii)
				: ctx.t('punctuation.widthForced', mark, replacement);
			found.push({
				ruleId: id, start: offset, end: offset + 1, message,
				fixes: [{ title: ctx.t('fix.replace', mark, replacement), edits: [{ start: offset, end: offset + 1, newText: replacement }], isPreferred: true, safe: true }],
			});
		});
		yield* found;
	},
};
