/**
 * One pass over a document that every boilerplate rule shares (computed once per document
 * version): each line's pattern kind, "related reading" and reaction blocks, SEO spam spans,
 * and the chrome tail after the last body paragraph.
 */
import type { CorpusDocument } from '../document';
import { LruCache } from '../lruCache';
import { normalizeLine } from './normalize';
import { BoilerplateKind, patternRows, relatedHeading, spamPattern } from './patterns';

export interface LineMatch {
	readonly kind: BoilerplateKind;
	/** Offsets in the line; a span match strips them, a line match deletes the line. */
	readonly start: number;
	readonly end: number;
	readonly span: boolean;
}

export interface Block { readonly first: number; readonly last: number }

export interface Analysis {
	readonly matches: readonly (LineMatch | undefined)[];
	readonly related: readonly Block[];
	readonly reactions: readonly Block[];
	/** Per line: 0 outside blocks, 1 in a related block, 2 in a reaction widget. */
	readonly inBlock: Uint8Array;
	/** Spam spans, line-relative. */
	readonly spam: readonly { line: number; start: number; end: number }[];
	/** First line of the chrome tail and the last body line before it. */
	readonly tail?: { readonly first: number; readonly lastBody: number };
}

const memo = new WeakMap<CorpusDocument, Analysis>();

export function analyze(doc: CorpusDocument): Analysis {
	let a = memo.get(doc);
	if (!a) {
		a = compute(doc);
		memo.set(doc, a);
	}
	return a;
}

/**
 * Whether a line is page chrome that a boilerplate rule removes whole (a pattern line, a block,
 * the tail): cleaning rules leave such lines to the boilerplate rules.
 */
export function isChromeLine(a: Analysis, line: number): boolean {
	const m = a.matches[line];
	return (m !== undefined && !m.span) || a.inBlock[line] !== 0 || (a.tail !== undefined && line >= a.tail.first);
}

const timestamp = /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*$/;
const numberOnly = /^\s*[\d,.]+\s*$/;
const bullet = /^\s*[•·▪◆■□●○\-*]\s*\S/;
const sentenceEnd = /[。!?…”」』)]\s*$/;

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
interface LineFacts {
	readonly match: LineMatch | undefined;
	readonly normalized: string;
	readonly blank: boolean;
	readonly timestamp: boolean;
	readonly numberOnly: boolean;
	readonly bullet: boolean;
	readonly relatedHeading: boolean;
	readonly prose: boolean;
	readonly headlineLike: boolean;
}

// Shared by every document: an edit re-examines only the lines whose text changed, and template
// lines repeated across a corpus are examined once. Bounded, so memory stays flat.
const factsCache = new LruCache<LineFacts>(100_000);

function factsOf(text: string): LineFacts {
	let f = factsCache.get(text);
	if (!f) {
		const n = normalizeLine(text);
		const t = n.trim();
		f = {
			match: matchLine(n), normalized: n, blank: t.length === 0, timestamp: timestamp.test(n), numberOnly: numberOnly.test(n),
			bullet: bullet.test(n), relatedHeading: relatedHeading.test(n), prose: isProse(n), headlineLike: t.length <= 40 && !sentenceEnd.test(n),
		};
		factsCache.set(text, f);
	}
	return f;
}

function compute(doc: CorpusDocument): Analysis {
	const lines = doc.lines;
	const facts = lines.map((l) => factsOf(l.text));
	const normalized = facts.map((f) => f.normalized);
	const matches = facts.map((f) => f.match);
	const blank = (i: number) => facts[i].blank;
	const nextNonBlank = (i: number) => { let j = i + 1; while (j < lines.length && blank(j)) { j++; } return j; };
	const headlineLike = (i: number) => facts[i].headlineLike;

	const related: Block[] = [];
	const inBlock = new Uint8Array(lines.length);
	for (let i = 0; i < lines.length; i++) {
		if (!facts[i].relatedHeading) { continue; }
		let last = i;
		for (let j = i + 1; j < lines.length; j++) {
			const f = facts[j];
			if (f.blank) { continue; }
			const teaser = nextNonBlank(j) < lines.length && facts[nextNonBlank(j)].timestamp;
			if (f.timestamp || f.bullet || f.relatedHeading || (f.match && !f.match.span) || teaser || (headlineLike(j) && !f.prose)) {
				last = j;
			} else {
				break;
			}
		}
		if (last > i) {
			related.push({ first: i, last });
			inBlock.fill(1, i, last + 1);
			i = last;
		}
	}

	const reactions: Block[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (matches[i]?.kind !== 'reactions' || inBlock[i]) { continue; }
		let last = i;
		for (let j = i + 1; j < lines.length; j++) {
			const f = facts[j];
			if (f.blank) { continue; }
			if (f.numberOnly || f.match?.kind === 'reactions' || f.normalized.trim().length <= 6 && !sentenceEnd.test(f.normalized)) { last = j; } else { break; }
		}
		reactions.push({ first: i, last });
		inBlock.fill(2, i, last + 1);
		i = last;
	}

	const spam: { line: number; start: number; end: number }[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (facts[i].blank) { continue; }
		const s = spamSpan(normalized[i], matches[i]?.kind === 'navigation');
		if (s) { spam.push({ line: i, ...s }); }
	}

	return { matches, related, reactions, inBlock, spam, tail: findTail(facts, inBlock) };
}

/**
 * The tail: after the last body line, everything from the first line that a rule or a block
 * recognizes to the end, when every non-blank line from there on is chrome. Unrecognized short
 * lines right after the body (a notice's signature) are kept.
 */
function findTail(facts: readonly LineFacts[], inBlock: Uint8Array): Analysis['tail'] {
	const chrome = (i: number) => inBlock[i] !== 0 || (facts[i].match !== undefined && !facts[i].match!.span);
	let lastBody = -1;
	for (let i = facts.length - 1; i >= 0; i--) {
		if (!chrome(i) && facts[i].prose) { lastBody = i; break; }
	}
	if (lastBody < 0) { return undefined; }
	let first = -1;
	let recognized = 0;
	for (let i = lastBody + 1; i < facts.length; i++) {
		const f = facts[i];
		if (f.blank) { continue; }
		if (chrome(i)) {
			if (first < 0) { first = i; }
			recognized++;
		} else if (first < 0) {
			continue;
		} else if (!(f.timestamp || f.numberOnly || f.bullet || f.headlineLike)) {
			return undefined;
		}
	}
	// One recognized line is the line rule's business; a tail is several lines of chrome.
	return first >= 0 && recognized >= 2 ? { first, lastBody } : undefined;
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
