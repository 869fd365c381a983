/**
 * A corpus document parsed once per version: its text and lines. Rules take this shared
 * object and never re-split the text (Harper's `Document`).
 */
import { textStamp } from './text/stamp';

export interface Line {
	/** UTF-16 offset of the first character. */
	readonly start: number;
	/** Offset just past the last character, before the line break. */
	readonly end: number;
	readonly text: string;
}

/**
 * Where a derived version's lines differ from those of the version it was derived from: lines
 * `[head, tail)` of those (`from`: their `linesId`) were replaced by `count` lines; the lines
 * before and after are the same texts, in the same order.
 */
export interface LinesEdit { readonly from: number; readonly head: number; readonly tail: number; readonly count: number }

/** Names each split of a text into lines (`linesId`). */
let linesMade = 0;

export class CorpusDocument {
	#lines: Line[] | undefined;
	#linesId = 0;
	#linesEdit: LinesEdit | undefined;
	#stamp: string | undefined;

	constructor(
		readonly uri: string,
		readonly version: number,
		readonly text: string,
	) { }

	/**
	 * The next version of `previous` after an edit: lines outside the edited region keep their
	 * text strings (moved to their new offsets), so the rules' per-line caches find them by a
	 * string whose hash is already known and an edit costs about the lines it touched.
	 * `change`: where `text` differs from the previous text, when the caller knows it (a worker
	 * given the edit): the texts are then not compared (two passes over a megabyte per keystroke).
	 * Any range outside which the two texts are equal will do; the lines are the same.
	 */
	static derive(previous: CorpusDocument, version: number, text: string, change?: TextRange): CorpusDocument {
		const doc = new CorpusDocument(previous.uri, version, text);
		const old = previous.#lines;
		if (!old || (!change && previous.text === text)) { doc.#lines = old; doc.#linesId = previous.#linesId; return doc; }
		const a = previous.text;
		const { start: prefix, oldEnd } = change ?? changedRange(a, text);
		const suffix = a.length - oldEnd;
		// Old lines wholly before the edit, and wholly after it (a line break ends each line, so a
		// line ending before `prefix` is untouched, and one starting after the edit's end is too).
		const delta = text.length - a.length;
		const oldEditEnd = a.length - suffix;
		let head = 0;
		while (head < old.length - 1 && old[head].end < prefix && old[head + 1].start <= prefix) { head++; }
		let tail = old.length;
		while (tail - 1 > head && old[tail - 1].start > oldEditEnd) { tail--; }
		// One more line on each side: an edit next to a line break may join `\r` and `\n` into one.
		head = Math.max(0, head - 1);
		tail = Math.min(old.length, tail + 1);
		const from = old[head].start;
		const to = tail < old.length ? old[tail].start + delta : text.length + 1;
		const middle = splitLines(text.slice(from, to === text.length + 1 ? text.length : to - lineBreakBefore(text, to)), from);
		const lines = old.slice(0, head);
		for (const l of middle) { lines.push(l); }
		for (let i = tail; i < old.length; i++) { lines.push({ start: old[i].start + delta, end: old[i].end + delta, text: old[i].text }); }
		doc.#lines = lines;
		doc.#linesId = ++linesMade;
		doc.#linesEdit = { from: previous.#linesId, head, tail, count: middle.length };
		return doc;
	}

	/** The text's stamp (length and hash), computed once per version. */
	get stamp(): string {
		return this.#stamp ??= textStamp(this.text);
	}

	/**
	 * Whether `stamp` is this text's stamp. A stamp of another length (`length:hash`) is told apart
	 * without hashing the text: an edit of a large document changes its length almost always.
	 */
	hasStamp(stamp: string | undefined): boolean {
		if (stamp === undefined || !stamp.startsWith(`${this.text.length}:`)) { return false; }
		if (this.#stamp === undefined && stamped.get(stamp) === this.text) { return true; }
		if (stamp !== this.stamp) { return false; }
		rememberStamped(stamp, this.text);
		return true;
	}

	/** Lines without their breaks; `\r\n`, `\n` and `\r` all end a line. */
	get lines(): readonly Line[] { return this.#split(); }

	/** Names this version's lines: versions with the same id have the same lines (a version derived without a change shares them). */
	get linesId(): number {
		this.#split();
		return this.#linesId;
	}

	#split(): Line[] {
		if (!this.#lines) { this.#lines = splitLines(this.text); this.#linesId = ++linesMade; }
		return this.#lines;
	}

	/** How this version's lines were made from the lines of the version it was derived from, when they were. */
	get linesEdit(): LinesEdit | undefined { return this.#linesEdit; }

	/** Index of the line containing `offset` (binary search). */
	lineAt(offset: number): number {
		const lines = this.lines;
		let lo = 0;
		let hi = lines.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lines[mid].start <= offset) { lo = mid; } else { hi = mid - 1; }
		}
		return lo;
	}

	/** Zero-based line and UTF-16 column of an offset. */
	positionAt(offset: number): { line: number; character: number } {
		const line = this.lineAt(offset);
		return { line, character: offset - this.lines[line].start };
	}
}

/**
 * The last texts found to have a stamp asked about (`hasStamp`), a few and not huge: a document
 * typed and undone is the indexed text again at every other keystroke, and hashing it each time
 * cost the server's thread ≈ 0.5 ms per keystroke on a megabyte; an equal text has the same stamp,
 * and comparing it with the text known to have it is one native comparison.
 */
const stamped = new Map<string, string>();
const maxStamped = 2;
const maxStampedLength = 1 << 21;

function rememberStamped(stamp: string, text: string): void {
	if (text.length > maxStampedLength) { return; }
	stamped.delete(stamp);
	stamped.set(stamp, text);
	if (stamped.size > maxStamped) { stamped.delete(stamped.keys().next().value!); }
}

/** `[start, oldEnd)` of one text replaced by `[start, newEnd)` of the next. */
export interface TextRange { readonly start: number; readonly oldEnd: number; readonly newEnd: number }

/**
 * Where two texts differ: `[start, oldEnd)` of `a` was replaced by `[start, newEnd)` of `b` (the
 * longest common prefix, then the longest common suffix of the rest). Equal texts: an empty edit at the end.
 */
export function changedRange(a: string, b: string): TextRange {
	const n = Math.min(a.length, b.length);
	const start = commonPrefix(a, b, n);
	const suffix = commonSuffix(a, b, n - start);
	return { start, oldEnd: a.length - suffix, newEnd: b.length - suffix };
}

/** Lines of `text` (offsets shifted by `base`): `\r\n`, `\n` and `\r` all end a line. */
function splitLines(text: string, base = 0): Line[] {
	const lines: Line[] = [];
	let start = 0;
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			lines.push({ start: base + start, end: base + i, text: text.slice(start, i) });
			if (c === 13 && text.charCodeAt(i + 1) === 10) { i++; }
			start = i + 1;
		}
	}
	lines.push({ start: base + start, end: base + n, text: text.slice(start) });
	return lines;
}

/** Units of the line break that ends right before `offset` (0, 1 or 2). */
function lineBreakBefore(text: string, offset: number): number {
	if (text.charCodeAt(offset - 1) !== 10 && text.charCodeAt(offset - 1) !== 13) { return 0; }
	return text.charCodeAt(offset - 1) === 10 && text.charCodeAt(offset - 2) === 13 ? 2 : 1;
}

/** Chunks compared whole (a native comparison of two slices) before the characters of the last one: an edit of a megabyte costs microseconds. */
const chunks = [65536, 2048, 64];

/** Length of the common prefix of `a` and `b`, at most `n`. */
function commonPrefix(a: string, b: string, n: number): number {
	let p = 0;
	for (const step of chunks) { while (p + step <= n && a.slice(p, p + step) === b.slice(p, p + step)) { p += step; } }
	while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) { p++; }
	return p;
}

/** Length of the common suffix of `a` and `b`, at most `n`. */
function commonSuffix(a: string, b: string, n: number): number {
	let s = 0;
	for (const step of chunks) { while (s + step <= n && a.slice(a.length - s - step, a.length - s) === b.slice(b.length - s - step, b.length - s)) { s += step; } }
	while (s < n && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) { s++; }
	return s;
}
