/**
 * What the boilerplate analysis knows of one line, computed once per distinct line text and
 * shared by every document (analysis.ts): its pattern row, shape, keys, label, SEO spam span.
 */
import { LruCache } from '../lruCache';
import { RowInput } from './features';
import { isSpaceUnit } from '../text/chars';
import { keyOfFolded } from './lineKey';
import { lineShape } from './lineShape';
import { normalizeLine } from './normalize';
import { BoilerplateKind, patternRows, relatedHeading, spamPattern } from './patterns';
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
export const sentenceEnd = /[。!?…”」』)]\s*$/;

/** Span rows strip a trailing `(…)` (a byline, (完), a jump marker), optionally followed by digits. */
const closesWithParen = /\)\s*\d{0,8}\s*$/;

function matchLine(normalized: string): LineMatch | undefined {
	const length = normalized.trim().length;
	if (length === 0) { return undefined; }
	// Every span row ends with `)`: most content lines skip their costly look-behind scans.
	const spans = closesWithParen.test(normalized.trimEnd().slice(-40));
	for (const r of patternRows) {
		if (r.span ? !spans : length > r.maxLength) { continue; }
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

/** Prose: a sentence a reader would keep (ends a sentence, or long with clause punctuation). */
function isProse(text: string): boolean {
	const t = text.trim();
	if (t.length >= 16 && sentenceEnd.test(t) && /[,、;:]/.test(t)) { return true; }
	return t.length >= 60 && (t.match(/[,、;]/g)?.length ?? 0) >= 2 && sentenceEnd.test(t);
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
		const n = normalizeLine(text);
		const t = n.trim();
		const shape = lineShape(n);
		const match = matchLine(n), related = relatedHeading.test(n);
		const kind = match && !match.span ? match.kind : undefined;
		// One object per distinct line, which is also the page model's row (no row objects per check).
		f = {
			match, normalized: n, blank: t.length === 0, timestamp: timestamp.test(n), dated: t.length <= 80 && datedItem.test(n), numberOnly: numberOnly.test(n),
			bullet: bullet.test(n), relatedHeading: related, prose: isProse(n), headlineLike: t.length <= 40 && !sentenceEnd.test(n),
			shape, templateKey: keyOfFolded(t), label: /^([^:]{1,8}):/.exec(t)?.[1].replace(/\s+/g, ''),
			patternLine: kind !== undefined, metadata: kind === 'source' || kind === 'credit', key: t, opening: opening(t),
			spam: t.length === 0 ? undefined : spamSpan(n, match?.kind === 'navigation'), headKey: headKey(text, t.length === 0 ? undefined : shape),
		};
		factsCache.set(text, f);
	}
	return f;
}

/** The line's first two units that are not spaces (`t.replace(/\s+/g, '').slice(0, 2)` without copying the line). */
function opening(t: string): string {
	let out = '';
	for (let i = 0; i < t.length && out.length < 2; i++) { if (!isSpaceUnit(t.charCodeAt(i))) { out += t[i]; } }
	return out;
}

const separators = /[-_|—–>›»:]/;

/** The SEO spam segment of a line: from its separator to the next one (or the line's end). */
function spamSpan(line: string, navigation: boolean): { start: number; end: number } | undefined {
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
