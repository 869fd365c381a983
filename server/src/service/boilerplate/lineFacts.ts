/**
 * What the boilerplate analysis knows of one line, computed once per distinct line text and
 * shared by every document (analysis.ts): its pattern row, shape, keys, label, SEO spam span.
 */
import { LruCache } from '../lruCache';
import { RowInput } from './features';
import { isAsciiDigit, isSpaceUnit } from '../text/chars';
import { keyOfFolded } from './lineKey';
import { foldedLine, opensWith } from './lineShape';
import { BoilerplateKind, patternRows, relatedHeading, spamPattern } from './patterns';
import { mayMatch, rowLists } from './rowLists';
import { headKey } from './runningHeads';
export interface LineMatch {
	readonly kind: BoilerplateKind;
	/** Offsets in the line; a span match strips them, a line match deletes the line. */
	readonly start: number;
	readonly end: number;
	readonly span: boolean;
}

const timestamp = /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/;
const numberOnly = /^\s*[\d,.]+\s*$/;
/** A list item that closes with its date (`某某上市 2005-07-13 09:00`, `某某闭幕(2006-12-19)`): a headline with its timestamp. */
const datedItem = /\D\s*[(\[]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?[)\]]?\s*$/;
const bullet = /^\s*[•·▪◆■□●○\-*]\s*\S/;
/**
 * What the expressions above need at the trimmed line's edges (they run only on lines that have
 * it): `timestamp` opens with a digit, `datedItem` closes with one or a bracket, `numberOnly` and
 * `bullet` open with one of their units.
 */
const digits = '0123456789', datedClosings = '0123456789)]', numberUnits = '0123456789,.', bulletUnits = '•·▪◆■□●○-*';
export const sentenceEnd = /[。!?…”」』)]\s*$/;

const rows = rowLists(patternRows);

/** The pattern row of a folded line (`trimmed`: the line trimmed, not blank). */
function matchLine(normalized: string, trimmed: string): LineMatch | undefined {
	const length = trimmed.length;
	// Every span row ends with `)`: most content lines skip their costly look-behind scans.
	const spans = closesWithParen(trimmed);
	const first = trimmed[0], last = trimmed[length - 1];
	for (const r of rows.rowsFor(length, first, last, spans)) {
		if (!mayMatch(r, length, first, last, spans)) { continue; }
		if (r.longLineOpener && length > 30 && !r.longLineOpener.test(normalized)) { continue; }
		const m = r.pattern.exec(normalized);
		if (!m) { continue; }
		if (r.span) {
			// A span row strips chrome from a content line; a line that is only chrome is deleted whole.
			const start = m.index;
			const rest = normalized.slice(0, start).trim();
			return rest.length === 0 ? { kind: r.kind, start: 0, end: normalized.length, span: false } : { kind: r.kind, start, end: start + m[0].length, span: true };
		}
		return { kind: r.kind, start: 0, end: normalized.length, span: false };
	}
	return undefined;
}

/** `/\)\s*\d{0,8}\s*$/` on the last 40 units of the trimmed line: span rows strip a trailing `(…)`, maybe followed by digits. */
function closesWithParen(trimmed: string): boolean {
	let i = trimmed.length - 1;
	const digitsEnd = i;
	while (i >= 0 && isAsciiDigit(trimmed.charCodeAt(i))) { i--; }
	if (digitsEnd - i > 8) { return false; }
	while (i >= 0 && isSpaceUnit(trimmed.charCodeAt(i))) { i--; }
	return i >= trimmed.length - 40 && trimmed.charCodeAt(i) === 0x29;
}

/**
 * Prose: a sentence a reader would keep (ends a sentence, or long with clause punctuation).
 * `clauseMarks`: the line's , 、 ; and : (its shape's count); `ends`: it ends as `sentenceEnd` says.
 */
function isProse(t: string, clauseMarks: number, ends: boolean): boolean {
	if (!ends) { return false; }
	if (t.length >= 16 && clauseMarks > 0) { return true; }
	return t.length >= 60 && (t.match(/[,、;]/g)?.length ?? 0) >= 2;
}

/** `sentenceEnd` of a trimmed line: its last unit is one of 。!?…”」』). */
function endsSentence(t: string): boolean {
	const c = t.charCodeAt(t.length - 1);
	return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x201d || c === 0x300d || c === 0x300f || c === 0x29;
}

/** What the block and tail logic needs to know of one line; computed once per distinct line text. */
export interface LineFacts extends RowInput {
	readonly match: LineMatch | undefined;
	readonly normalized: string;
	readonly blank: boolean;
	readonly timestamp: boolean;
	readonly dated: boolean;
	readonly numberOnly: boolean;
	readonly bullet: boolean;
	readonly prose: boolean;
	readonly headlineLike: boolean;
	/** The key the line is counted under across the corpus (lineKey.ts). */
	readonly templateKey: string | undefined;
	/** The label opening the line (`地点:` → 地点), spaces removed. */
	readonly label: string | undefined;
	readonly spam: { readonly start: number; readonly end: number } | undefined;
	readonly headKey: string | undefined;
}

// Shared by every document: an edit re-examines only the lines whose text changed, and template
// lines repeated across a corpus are examined once. Bounded, so memory stays flat.
const factsCache = new LruCache<LineFacts>(100_000);

export function factsOf(text: string): LineFacts {
	let f = factsCache.get(text);
	if (!f) {
		f = lineFacts(text);
		factsCache.set(text, f);
	}
	return f;
}

/**
 * The facts of one line, without the cache. The line is folded once and trimmed once; the
 * questions about its end are answered from its last units, and the expressions for dates run
 * only on lines with the digits they need (the shape counts them): test/unit/lineFacts.test.ts
 * compares every fact with the expressions themselves.
 */
export function lineFacts(text: string): LineFacts {
	const { folded: n, trimmed: t, shape, spamMarked } = foldedLine(text);
	const blank = t.length === 0;
	const ends = !blank && endsSentence(t), dateDigits = shape.digits >= 6;
	const match = blank ? undefined : matchLine(n, t), related = !blank && relatedHeading.test(n);
	const kind = match && !match.span ? match.kind : undefined;
	// One object per distinct line, which is also the page model's row (no row objects per check).
	return {
		match, normalized: n, blank, timestamp: dateDigits && opensWith(t, digits) && timestamp.test(n),
		dated: dateDigits && t.length <= 80 && opensWith(t.slice(-1), datedClosings) && datedItem.test(n), numberOnly: opensWith(t, numberUnits) && numberOnly.test(n),
		bullet: opensWith(t, bulletUnits) && bullet.test(n), relatedHeading: related, prose: isProse(t, shape.clauseMarks, ends), headlineLike: t.length <= 40 && !ends,
		shape, templateKey: keyOfFolded(t), label: labelOf(t),
		patternLine: kind !== undefined, metadata: kind === 'source' || kind === 'credit', key: t, opening: opening(t),
		spam: spamMarked ? spamSpan(n, match?.kind === 'navigation') : undefined, headKey: headKey(t, blank ? undefined : shape),
	};
}

/** `/^([^:]{1,8}):/.exec(t)?.[1]` without spaces: the text before a colon among the units 2 to 9. */
function labelOf(t: string): string | undefined {
	for (let i = 0; i < 9 && i < t.length; i++) { if (t.charCodeAt(i) === 0x3a) { return i > 0 ? t.slice(0, i).replace(/\s+/g, '') : undefined; } }
	return undefined;
}

/** The line's first two units that are not spaces (`t.replace(/\s+/g, '').slice(0, 2)` without copying the line). */
function opening(t: string): string {
	let out = '';
	for (let i = 0; i < t.length && out.length < 2; i++) { if (!isSpaceUnit(t.charCodeAt(i))) { out += t[i]; } }
	return out;
}

const separators = /[-_|—–>›»:]/;

/** The SEO spam segment of a line: from its separator to the next one (or the line's end). */
export function spamSpan(line: string, navigation: boolean): { start: number; end: number } | undefined {
	const m = spamPattern.exec(line);
	if (!m) { return undefined; }
	let start = m.index;
	while (start > 0 && !separators.test(line[start - 1])) { start--; }
	let end = m.index + m[0].length;
	while (end < line.length && !separators.test(line[end])) { end++; }
	const leftSeparator = start > 0 && /[-_|—–]/.test(line[start - 1]);
	const toEnd = line.slice(end).trim().length === 0;
	// Only SEO suffixes (title-2024XX投注官网), breadcrumb segments, or short spam lines.
	if (!(leftSeparator && toEnd) && !navigation && line.trim().length > 40) { return undefined; }
	if (leftSeparator) { start--; }
	while (start < end && line[start] === ' ') { start++; }
	return { start, end };
}
