/**
 * The clauses of duplicate.paragraph: a body line cut at clause and sentence punctuation, and the
 * index of every clause of the document in order (parallel arrays, no object per clause: a 1 MB
 * document has 50,000), with the longest run of a line's clauses found earlier.
 */

import type { Line } from '../document';

/** A line's clause, offsets relative to the line; `end` includes the clause's punctuation. */
export interface LocalClause {
	readonly start: number;
	readonly end: number;
	readonly key: string;
	/** The clause ends a sentence (or its line). */
	readonly endsSentence: boolean;
}

/** A run is reported from this many characters. */
export const minLength = 20;

/** Character classes by code unit: a clause ends at 1 (2 when it ends a sentence), closing marks 4 follow it, and 8 is white space (as `trim` and `\s` see it). */
const SPLIT = 1, SENTENCE = 2, CLOSER = 4, SPACE = 8;
const classes = new Uint8Array(0x10000);
for (const c of '，,；;：:') { classes[c.charCodeAt(0)] = SPLIT; }
for (const c of '。！？!?') { classes[c.charCodeAt(0)] = SPLIT | SENTENCE; }
for (const c of '”’」』)）]】"\'') { classes[c.charCodeAt(0)] = CLOSER; }
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) { classes[c] = SPACE; }
for (let c = 0x2000; c <= 0x200a; c++) { classes[c] = SPACE; }

/**
 * A line cut after each clause or sentence mark (with the closing quotes and brackets after it).
 * A clause's key is its text without the spaces around it and the marks, quotes and spaces that
 * close it. One pass over the characters and one string per clause (a huge document has millions).
 */
export function clausesOf(text: string): LocalClause[] {
	const out: LocalClause[] = [];
	const n = text.length;
	const push = (a: number, b: number, endsSentence: boolean) => {
		let s = a;
		while (s < b && classes[text.charCodeAt(s)] === SPACE) { s++; }
		let e = b;
		while (e > s && classes[text.charCodeAt(e - 1)] !== 0) { e--; }
		if (e > s) { out.push({ start: s, end: b, key: text.slice(s, e), endsSentence: endsSentence || b === n }); }
	};
	let from = 0;
	for (let i = 0; i < n; i++) {
		const k = classes[text.charCodeAt(i)];
		if (!(k & SPLIT)) { continue; }
		let end = i + 1;
		while (end < n && classes[text.charCodeAt(end)] === CLOSER) { end++; }
		push(from, end, (k & SENTENCE) !== 0);
		from = end;
		i = end - 1;
	}
	let rest = from;
	while (rest < n && classes[text.charCodeAt(rest)] === SPACE) { rest++; }
	if (rest < n) { push(from, n, true); }
	return out;
}

/**
 * Every clause of the document's body lines, in order, and where each line's clauses begin
 * (`lineFirst`: a line is matched against the clauses before its own). An edited document's index
 * is the last version's with the edited lines' clauses replaced (`patch`), not rebuilt: an edit
 * costs its own clauses and a pass over integers, not a hash of every clause of the document.
 */
export class ClauseIndex {
	readonly keys: string[] = [];
	readonly starts: number[] = [];
	readonly ends: number[] = [];
	readonly where = new Map<string, number[]>();
	/** Per line, the index of its first clause (for a line without clauses, of the next clause); one more entry at the end. */
	readonly lineFirst: number[] = [];

	/** The index of `lines`, whose body lines (`body[n]`) are cut by `clauses`. */
	static of(lines: readonly Line[], body: Uint8Array, clauses: (text: string, line: number) => readonly LocalClause[]): ClauseIndex {
		const index = new ClauseIndex();
		for (let n = 0; n < lines.length; n++) {
			index.lineFirst.push(index.keys.length);
			if (body[n]) { index.#add(clauses(lines[n].text, n), lines[n].start); }
		}
		index.lineFirst.push(index.keys.length);
		return index;
	}

	/**
	 * Whether some clause key of the body lines occurs twice. When none does, no line has a clause
	 * found earlier (a run starts at an earlier clause of the same key): the document has no repeat
	 * and needs no index. A set of keys, left at the first repeat, costs less than the index's
	 * arrays and lists.
	 */
	static anyRepeat(lines: readonly Line[], body: Uint8Array, clauses: (line: number) => readonly LocalClause[]): boolean {
		const seen = new Set<string>();
		for (let n = 0; n < lines.length; n++) {
			if (!body[n]) { continue; }
			for (const c of clauses(n)) {
				if (seen.has(c.key)) { return true; }
				seen.add(c.key);
			}
		}
		return false;
	}

	#add(local: readonly LocalClause[], offset: number): void {
		for (const c of local) {
			const index = this.keys.length;
			this.keys.push(c.key);
			this.starts.push(offset + c.start);
			this.ends.push(offset + c.end);
			const list = this.where.get(c.key);
			if (list) { list.push(index); } else { this.where.set(c.key, [index]); }
		}
	}

	/**
	 * This index (of the last version, which it stops being) made the index of the next: its lines
	 * [from, oldTo) became `lines` [from, to), and every offset after them moved by `delta`.
	 */
	patch(lines: readonly Line[], body: Uint8Array, clauses: (text: string) => readonly LocalClause[], from: number, oldTo: number, to: number, delta: number): this {
		const a = this.lineFirst[from], b = this.lineFirst[oldTo];
		const keys: string[] = [], starts: number[] = [], ends: number[] = [], firsts: number[] = [];
		for (let n = from; n < to; n++) {
			firsts.push(a + keys.length);
			if (!body[n]) { continue; }
			for (const c of clauses(lines[n].text)) { keys.push(c.key); starts.push(lines[n].start + c.start); ends.push(lines[n].start + c.end); }
		}
		const shift = keys.length - (b - a);
		for (let p = a; p < b; p++) {
			const list = this.where.get(this.keys[p])!;
			list.splice(list.indexOf(p), 1);
			if (list.length === 0) { this.where.delete(this.keys[p]); }
		}
		if (shift !== 0) {
			for (const list of this.where.values()) {
				for (let i = list.length - 1; i >= 0 && list[i] >= b; i--) { list[i] += shift; }
			}
		}
		this.keys.splice(a, b - a, ...keys);
		this.starts.splice(a, b - a, ...starts);
		this.ends.splice(a, b - a, ...ends);
		for (let p = a + keys.length; p < this.keys.length; p++) { this.starts[p] += delta; this.ends[p] += delta; }
		keys.forEach((key, k) => {
			const list = this.where.get(key);
			if (!list) { this.where.set(key, [a + k]); return; }
			let lo = 0, hi = list.length;
			while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid] < a + k) { lo = mid + 1; } else { hi = mid; } }
			list.splice(lo, 0, a + k);
		});
		for (let n = oldTo; n < this.lineFirst.length; n++) { this.lineFirst[n] += shift; }
		this.lineFirst.splice(from, oldTo - from, ...firsts);
		return this;
	}

	/** The longest run of `own` from `j` found consecutively among the clauses before `limit`, ending a sentence, ≥ 20 characters. */
	longestRun(own: readonly LocalClause[], j: number, limit: number): { at: number; length: number } | undefined {
		let best: { at: number; length: number } | undefined;
		const at = this.where.get(own[j].key);
		if (!at) { return undefined; }
		// A clause repeated very often (a stock phrase) is checked against its first occurrences only.
		for (let q = 0; q < at.length && q < 8; q++) {
			const p = at[q];
			if (p >= limit) { break; }
			let k = 0;
			let chars = 0;
			let good = 0;
			while (j + k < own.length && p + k < limit && this.keys[p + k] === own[j + k].key) {
				chars += own[j + k].key.length;
				k++;
				if (own[j + k - 1].endsSentence && chars >= minLength) { good = k; }
			}
			if (good > (best?.length ?? 0)) { best = { at: p, length: good }; }
		}
		return best;
	}
}
