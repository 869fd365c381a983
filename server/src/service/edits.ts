/**
 * Applying text edits and composing several passes of edits into one minimal edit list
 * (UTF-16 offsets of the original text).
 */
import type { TextEdit } from './types';

/** Sorts edits and drops every edit that overlaps an earlier one. */
export function nonOverlapping(edits: readonly TextEdit[]): TextEdit[] {
	const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
	const kept: TextEdit[] = [];
	let end = -1;
	for (const e of sorted) {
		// Two insertions at one point, or an edit starting inside the previous one, conflict.
		if (e.start < end || (kept.length > 0 && e.start === end && e.start === e.end && kept[kept.length - 1].start === e.start)) { continue; }
		kept.push(e);
		end = e.end;
	}
	return kept;
}

/** Applies sorted, non-overlapping edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
	let out = '';
	let from = 0;
	for (const e of edits) {
		out += text.slice(from, e.start) + e.newText;
		from = e.end;
	}
	return out + text.slice(from);
}

/** An edit with the index of what made it (a rule), for review reports and grouped previews. */
export interface TaggedEdit extends TextEdit {
	readonly tag: number;
}

/**
 * Tracks, for each character of the current text, the offset of the original character it
 * comes from (-1 for inserted text), so that any number of passes of edits can be turned
 * into one minimal edit list against the original. It also remembers which tag removed each
 * original character and which tag inserted each new one, so the composed edits can say
 * which rule made them.
 */
export class EditComposer {
	#text: string;
	#origin: Int32Array;
	/** Per current character: the tag that inserted it (-1 for original text). */
	#insertedBy: Int32Array;
	/** Per original character: the tag that removed it (-1 while it is still there). */
	readonly #removedBy: Int32Array;

	constructor(readonly original: string) {
		this.#text = original;
		this.#origin = new Int32Array(original.length);
		for (let i = 0; i < original.length; i++) { this.#origin[i] = i; }
		this.#insertedBy = new Int32Array(original.length).fill(-1);
		this.#removedBy = new Int32Array(original.length).fill(-1);
	}

	get text(): string { return this.#text; }

	/** Applies sorted, non-overlapping edits given in offsets of the current text. */
	apply(edits: readonly (TextEdit & { tag?: number })[]): void {
		const length = this.#text.length + edits.reduce((n, e) => n + e.newText.length - (e.end - e.start), 0);
		const origin = new Int32Array(length);
		const insertedBy = new Int32Array(length);
		let from = 0;
		let at = 0;
		for (const e of edits) {
			const tag = e.tag ?? -1;
			origin.set(this.#origin.subarray(from, e.start), at);
			insertedBy.set(this.#insertedBy.subarray(from, e.start), at);
			at += e.start - from;
			for (let i = e.start; i < e.end; i++) {
				if (this.#origin[i] >= 0) { this.#removedBy[this.#origin[i]] = tag; }
			}
			origin.fill(-1, at, at + e.newText.length);
			insertedBy.fill(tag, at, at + e.newText.length);
			at += e.newText.length;
			from = e.end;
		}
		origin.set(this.#origin.subarray(from), at);
		insertedBy.set(this.#insertedBy.subarray(from), at);
		this.#text = applyEdits(this.#text, edits);
		this.#origin = origin;
		this.#insertedBy = insertedBy;
	}

	/**
	 * `edits()` with the tag that made each. A composed edit covering text removed by several
	 * tags is split at each change of tag; its new text goes with the run whose tag inserted
	 * it (every run is removed, so where it goes does not change the result).
	 */
	taggedEdits(): TaggedEdit[] {
		const out: TaggedEdit[] = [];
		for (const e of this.#compose()) {
			const insertedBy = e.newText.length > 0 ? this.#insertedBy[e.at] : -1;
			if (e.end === e.start) { out.push({ start: e.start, end: e.end, newText: e.newText, tag: insertedBy }); continue; }
			// Runs are pushed one by one: a composed edit may hold millions (never spread them into push).
			const first = out.length;
			let runStart = e.start;
			for (let i = e.start + 1; i <= e.end; i++) {
				if (i === e.end || this.#removedBy[i] !== this.#removedBy[runStart]) {
					out.push({ start: runStart, end: i, newText: '', tag: this.#removedBy[runStart] });
					runStart = i;
				}
			}
			if (e.newText.length > 0) {
				let k = first;
				while (k < out.length && out[k].tag !== insertedBy) { k++; }
				if (k === out.length) { k = first; }
				out[k] = { ...out[k], newText: e.newText };
			}
		}
		return out;
	}

	/** The edits that turn the original into the current text, each as small as the tracking allows. */
	edits(): TextEdit[] {
		return this.#compose().map(({ start, end, newText }) => ({ start, end, newText }));
	}

	/** Composed edits, each with `at`: where its new text starts in the current text. */
	#compose(): (TextEdit & { at: number })[] {
		const result: (TextEdit & { at: number })[] = [];
		const text = this.#text;
		let lastOrig = -1;
		let lastAt = -1;
		const flush = (origEnd: number, at: number) => {
			const start = lastOrig + 1;
			const newText = text.slice(lastAt + 1, at);
			if (origEnd > start || newText.length > 0) {
				if (this.original.slice(start, origEnd) !== newText) { result.push(trim({ start, end: origEnd, newText, at: lastAt + 1 }, this.original)); }
			}
		};
		for (let at = 0; at < text.length; at++) {
			const o = this.#origin[at];
			if (o < 0) { continue; }
			if (o !== lastOrig + 1 || at !== lastAt + 1) { flush(o, at); }
			lastOrig = o;
			lastAt = at;
		}
		flush(this.original.length, text.length);
		return result;
	}
}

/** Removes a common prefix and suffix from an edit (a replaced 后 → 後 inside a longer replacement). */
function trim(e: TextEdit & { at: number }, original: string): TextEdit & { at: number } {
	let { start, end, newText, at } = e;
	// Never split a surrogate pair (CJK Extension B characters are two code units).
	const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
	const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
	while (start < end && newText.length > 0 && original[start] === newText[0] && !high(original.charCodeAt(start))) { start++; at++; newText = newText.slice(1); }
	while (end > start && newText.length > 0 && original[end - 1] === newText[newText.length - 1] && !low(original.charCodeAt(end - 1))) { end--; newText = newText.slice(0, -1); }
	return { start, end, newText, at };
}
