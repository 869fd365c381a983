/**
 * Very large files are checked in parts: a 100 MB dump, or one line of 100 MB, would otherwise
 * hold a worker and its memory for the whole file at once. Each part (about a million UTF-16
 * units, cut at a line break, or inside a long line after a sentence end or a space, never inside
 * a surrogate pair) is checked as its own document and its findings are moved back to the file's
 * offsets. Rules that compare distant paragraphs see one part at a time; the caller says so.
 */
import { reviewRows, type ReviewRow } from './clean';
import { CorpusDocument } from './document';
import { applyEdits } from './edits';
import type { RuleEdit } from './fixAll';
import { grouped, type Translate } from './messages';
import type { Problem, RelatedLocation } from './types';

/** UTF-16 units per part. */
export const partSize = 1 << 20;

/** Where to cut `text` into parts of at most about `size` units: the start offset of each part. */
export function partStarts(text: string, size = partSize): number[] {
	const starts = [0];
	let start = 0;
	while (text.length - start > size) {
		start = nextCut(text, start, size);
		starts.push(start);
	}
	return starts;
}

/** Where the part that starts at `start` ends, when more than `size` units follow (it reads text[start, start + size) only). */
function nextCut(text: string, start: number, size: number): number {
	const limit = start + size;
	const cut = text.lastIndexOf('\n', limit - 1) + 1;
	return cut <= start + size / 2 ? softCut(text, start + size / 2, limit) : cut;
}

/**
 * Cuts a text that arrives in pieces (a file read in chunks) where `partStarts` would cut it
 * whole: `push` returns the parts completed so far, `end` the last one. At most a part and a
 * piece are held.
 */
export class PartCutter {
	#pending = '';
	#parts = 0;

	constructor(private readonly size = partSize) { }

	push(piece: string): string[] {
		this.#pending += piece;
		const out: string[] = [];
		while (this.#pending.length > this.size) {
			const cut = nextCut(this.#pending, 0, this.size);
			out.push(this.#pending.slice(0, cut));
			this.#pending = this.#pending.slice(cut);
		}
		this.#parts += out.length;
		return out;
	}

	/** The last part (an empty text is one empty part, as `partStarts` gives). */
	end(): string[] {
		const last = this.#pending;
		this.#pending = '';
		return last.length > 0 || this.#parts === 0 ? [last] : [];
	}
}

/** A cut inside a long line: after the last sentence end or space before `limit`, else at `limit`, never splitting a surrogate pair. */
function softCut(text: string, from: number, limit: number): number {
	for (let i = limit - 1; i > from; i--) {
		const c = text.charCodeAt(i);
		if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x20 || c === 0x2e) { return i + 1; }
	}
	const c = text.charCodeAt(limit - 1);
	return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * Checks `doc` whole when it is small, else part by part with `check(part, false)`; the second
 * argument says whether the part is the whole document (views with file positions, such as
 * shared passages, only apply then).
 */
export function checkInParts(doc: CorpusDocument, check: (part: CorpusDocument, whole: boolean) => Problem[], size = partSize): Problem[] {
	const out: Problem[] = [];
	eachProblemInParts(doc, check, size, (p, by) => { out.push(by === 0 ? p : shift(p, by)); });
	return out;
}

/** The first problems of a check, in `checkInParts`'s order, and how many it found in all, by rule. */
export interface CountedProblems {
	readonly first: Problem[];
	readonly total: number;
	readonly counts: Record<string, number>;
}

/**
 * `checkInParts` keeping only the first `keep` problems and counting the others: a 200 MB file
 * has half a million, which its check used to keep to its end (≈ 350 MB) only to count them.
 */
export function checkInPartsCounted(doc: CorpusDocument, check: (part: CorpusDocument, whole: boolean) => Problem[], keep: number, size = partSize): CountedProblems {
	const first: Problem[] = [];
	const counts: Record<string, number> = {};
	let total = 0;
	eachProblemInParts(doc, check, size, (p, by) => {
		total++;
		counts[p.ruleId] = (counts[p.ruleId] ?? 0) + 1;
		if (first.length < keep) { first.push(by === 0 ? p : shift(p, by)); }
	});
	return { first, total, counts };
}

/** Each problem of `doc`, with the offset of the part that found it (0 when checked whole). */
function eachProblemInParts(doc: CorpusDocument, check: (part: CorpusDocument, whole: boolean) => Problem[], size: number, take: (p: Problem, by: number) => void): void {
	if (doc.text.length <= size) {
		for (const p of check(doc, true)) { take(p, 0); }
		return;
	}
	const starts = partStarts(doc.text, size);
	starts.forEach((start, i) => {
		const end = i + 1 < starts.length ? starts[i + 1] : doc.text.length;
		// Version 0: a part is no editor's version, so the rules remember nothing of it for the next one.
		const part = new CorpusDocument(doc.uri, 0, doc.text.slice(start, end));
		for (const p of check(part, false)) { take(p, start); }
	});
}

function shift(p: Problem, by: number): Problem {
	return {
		...p,
		start: p.start + by,
		end: p.end + by,
		fixes: p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
		related: p.related?.map((r): RelatedLocation => r.uri === undefined ? { ...r, start: r.start + by, end: r.end + by } : r),
	};
}

/** The note a file checked in parts gets (`file.large`), or undefined when it is checked whole. */
export function partsNote(text: string, t: Translate, size = partSize): string | undefined {
	const parts = partStarts(text, size).length;
	return parts > 1 ? t('file.large', grouped(text.length), parts, grouped(size)) : undefined;
}

/** One part of a document fixed in parts: its bounds, its edits in its own offsets, and where it starts in the file's lines. */
export interface FixedPart {
	readonly start: number;
	readonly end: number;
	readonly edits: readonly RuleEdit[];
	/** 0-based line and UTF-16 column of the part's first character in the whole text. */
	readonly line: number;
	readonly column: number;
}

/**
 * Fix-all of a large text part by part (whole when small, as `checkInParts` checks it): a part's
 * fixes never reach into another, so the text can be written part after part and no pass holds
 * more than a part's tracking arrays.
 */
export function fixInParts(uri: string, text: string, fix: (part: CorpusDocument) => RuleEdit[], size = partSize): FixedPart[] {
	return [...fixParts(uri, text, fix, size)];
}

/** `fixInParts` one part at a time (a caller may let other work run between parts). */
export function* fixParts(uri: string, text: string, fix: (part: CorpusDocument) => RuleEdit[], size = partSize): Generator<FixedPart> {
	const starts = partStarts(text, size);
	const at = new PartPosition();
	for (let i = 0; i < starts.length; i++) {
		const end = i + 1 < starts.length ? starts[i + 1] : text.length;
		const part = new CorpusDocument(uri, 0, starts.length === 1 ? text : text.slice(starts[i], end));
		yield at.fixed(part, fix(part));
	}
}

/** Where each part of a text, given in order, starts in the whole text: offset, line and column. */
export class PartPosition {
	#start = 0;
	#line = 0;
	#column = 0;

	/** The next part with its edits, as a `FixedPart` of the whole text. */
	fixed(part: CorpusDocument, edits: readonly RuleEdit[]): FixedPart {
		const fixed = { start: this.#start, end: this.#start + part.text.length, edits, line: this.#line, column: this.#column };
		// Where the next part starts: lines counted in this one, and the column when it was cut inside a line.
		const lines = part.lines;
		this.#start = fixed.end;
		this.#line += lines.length - 1;
		this.#column = lines.length === 1 ? this.#column + part.text.length : lines[lines.length - 1].text.length;
		return fixed;
	}
}

/** The review rows of one part of a text fixed in parts (`part` holds its text), with the whole text's lines and columns. */
export function* rowsOfPart(part: CorpusDocument, p: FixedPart): Generator<ReviewRow> {
	for (const r of reviewRows(part, p.edits)) { yield { ...r, line: r.line + p.line, column: r.line === 1 ? r.column + p.column : r.column }; }
}

/** The review rows of a text fixed in parts, with lines and columns of the whole text, part after part. */
export function* partRows(uri: string, text: string, parts: readonly FixedPart[]): Generator<ReviewRow> {
	for (const p of parts) {
		if (p.edits.length === 0) { continue; }
		yield* rowsOfPart(new CorpusDocument(uri, 0, parts.length === 1 ? text : text.slice(p.start, p.end)), p);
	}
}

/** The fixed text of each part in turn (a large file is never held fixed whole). */
export function* fixedTexts(text: string, parts: readonly FixedPart[]): Generator<string> {
	for (const p of parts) { yield applyEdits(parts.length === 1 ? text : text.slice(p.start, p.end), p.edits); }
}
