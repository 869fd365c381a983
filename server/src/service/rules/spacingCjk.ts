/**
 * spacing.cjk — a single ASCII space that PDF extraction or a careless edit put inside Chinese
 * text: between a digit and a Han character (`11 月9 日`, `2022 年`), or between two Han or CJK
 * punctuation characters inside a sentence of body text (`还举办了 会员代表`, `关注。 共有`).
 *
 * Spaces that mean something are left alone: between names in a byline or credit (`记者 崔益明`),
 * between fields of a metadata line (no sentence punctuation), between phrases inside quotation
 * marks (slogans), next to Latin words, after a time or a date, and on lines a boilerplate rule
 * deletes.
 */
import { analyze, isChromeLine } from '../boilerplate/analysis';
import { codePointAtOffset, codePointBefore, isAsciiDigit, isCjk, isHan, unitTable } from '../text/chars';
import type { Finding, Rule } from '../types';

const id = 'spacing.cjk';
/** The spaces of a line without any (shared: most lines). */
const noSpaces: number[] = [];

/** Body text: the line has sentence or clause punctuation (metadata and bylines have none). */
const bodyPunctuation = /[。！？!?，,；;]/;
/** A clause with one of these is a byline or photo credit: its spaces separate names. */
const creditWords = /记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影|摄$|攝$|编辑|編輯|作者|报道|報道|整理/;
/** A dateline at the line's start (`本报讯 `, `新华社北京11月8日电 `): the space after it is formatting. */
const dateline = /^\s*(本报讯|本報訊|[\p{Script=Han}\d]{0,12}(电|電|讯|訊))$/u;
/** Quotes and clause breaks by unit (`"` opens or closes by depth): no one-unit string per unit read. */
const quoteOpens = 1, quoteCloses = 2, straightQuote = 4, breaksClause = 8;
const unitKinds = unitTable('“「『‘', quoteOpens);
unitTable('”」』’', quoteCloses, unitKinds);
unitTable('"', straightQuote, unitKinds);
unitTable('。！？!?，,；;:：()（）[]【】', breaksClause, unitKinds);

/** True when `offset` sits inside quotation marks on its line. */
function insideQuotes(line: string, offset: number): boolean {
	let depth = 0;
	for (let i = 0; i < offset; i++) {
		const k = unitKinds[line.charCodeAt(i)];
		if (k === straightQuote) { depth = depth > 0 ? depth - 1 : depth + 1; } else if (k === quoteOpens) { depth++; } else if (k === quoteCloses && depth > 0) { depth--; }
	}
	return depth > 0;
}

/** The clause holding `offset`: from the clause break before it to the one after it. */
function clauseAround(line: string, offset: number): string {
	let start = offset;
	while (start > 0 && (unitKinds[line.charCodeAt(start - 1)] & breaksClause) === 0) { start--; }
	let end = offset;
	while (end < line.length && (unitKinds[line.charCodeAt(end)] & breaksClause) === 0) { end++; }
	return line.slice(start, end);
}

/** The digit run that ends at `end` is part of a time or a date (`10:30 举行`, `2023-11-08 星期三`). */
const timeOrDate = /(\d{1,2}:\d{2}(:\d{2})?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;
function endsTimeOrDate(line: string, end: number): boolean {
	return timeOrDate.test(line.slice(Math.max(0, end - 12), end));
}

export function spacesToRemove(line: string): number[] {
	if (!line.includes(' ')) { return []; }
	const found: number[] = [];
	const body = bodyPunctuation.test(line);
	for (let i = line.indexOf(' '); i >= 0; i = line.indexOf(' ', i + 1)) {
		if (line[i - 1] === ' ' || line[i + 1] === ' ') { continue; } // A run of spaces separates fields.
		const before = codePointBefore(line, i);
		const after = codePointAtOffset(line, i + 1);
		const digitHan = (isAsciiDigit(before) && isHan(after)) || (isHan(before) && isAsciiDigit(after));
		const hanHan = isCjk(before) && isCjk(after);
		if (!digitHan && !hanHan) { continue; }
		if (digitHan && isAsciiDigit(before) && endsTimeOrDate(line, i)) { continue; }
		if (creditWords.test(clauseAround(line, i)) || dateline.test(line.slice(0, i))) { continue; }
		if (hanHan && (!body || insideQuotes(line, i))) { continue; }
		found.push(i);
	}
	return found;
}

export const spacingCjk: Rule = {
	id,
	description: 'Stray ASCII spaces inside Chinese text: between a digit and a Han character, or between Han characters inside a sentence.',
	defaultSeverity: 'info',
	*check(doc, ctx): Iterable<Finding> {
		const analysis = analyze(doc);
		// Cached per line text: an edit looks at the lines it changed.
		const all = ctx.cache<number[]>('spaces').perLine(doc, (text) => (text.includes(' ') ? spacesToRemove(text) : noSpaces));
		const lines = doc.lines;
		for (let n = 0; n < lines.length; n++) {
			const line = lines[n];
			const spaces = all[n];
			if (spaces.length === 0 || isChromeLine(analysis, n)) { continue; }
			for (const i of spaces) {
				const at = line.start + i;
				const context = line.text.slice(Math.max(0, i - 4), i + 5);
				yield {
					ruleId: id, start: at, end: at + 1, message: ctx.t('spacing.cjk', context),
					fixes: [{ title: ctx.t('fix.removeSpace'), edits: [{ start: at, end: at + 1, newText: '' }], isPreferred: true, safe: true }],
				};
			}
		}
	},
};
