/**
 * The clauses of duplicate.paragraph: a body line cut at clause and sentence punctuation, and the
 * index of every clause of the document in order (parallel arrays, no object per clause: a 1 MB
 * document has 50,000), with the longest run of a line's clauses found earlier.
 */

/** A line's clause, offsets relative to the line; `end` includes the clause's punctuation. */
export interface LocalClause {
	readonly start: number;
	readonly end: number;
	readonly key: string;
	/** The clause ends a sentence (or its line). */
	readonly endsSentence: boolean;
}

const sentenceEnd = /[。！？!?]/;
const clauseSplit = /[，,；;：:。！？!?][”’」』)）\]】"']*/g;
const trailing = /[，,；;：:。！？!?”’」』)）\]】"'\s]+$/u;
/** A run is reported from this many characters. */
export const minLength = 20;

export function clausesOf(text: string): LocalClause[] {
	const out: LocalClause[] = [];
	let from = 0;
	const push = (a: number, b: number, endsSentence: boolean) => {
		const raw = text.slice(a, b);
		const lead = raw.length - raw.trimStart().length;
		const key = raw.trim().replace(trailing, '');
		if (key.length > 0) { out.push({ start: a + lead, end: b, key, endsSentence: endsSentence || b === text.length }); }
	};
	for (const m of text.matchAll(clauseSplit)) {
		const end = m.index! + m[0].length;
		push(from, end, sentenceEnd.test(m[0][0]));
		from = end;
	}
	if (text.slice(from).trim().length > 0) { push(from, text.length, true); }
	return out;
}

/** Every clause of the document's body lines so far, in order. */
export class ClauseIndex {
	readonly keys: string[] = [];
	readonly starts: number[] = [];
	readonly ends: number[] = [];
	readonly where = new Map<string, number[]>();

	add(local: readonly LocalClause[], offset: number): void {
		for (const c of local) {
			const index = this.keys.length;
			this.keys.push(c.key);
			this.starts.push(offset + c.start);
			this.ends.push(offset + c.end);
			const list = this.where.get(c.key);
			if (list) { list.push(index); } else { this.where.set(c.key, [index]); }
		}
	}

	/** The longest run of `own` from `j` found consecutively among the clauses before `limit`, ending a sentence, ≥ 20 characters. */
	longestRun(own: readonly LocalClause[], j: number, limit: number): { at: number; length: number } | undefined {
		let best: { at: number; length: number } | undefined;
		const at = this.where.get(own[j].key);
		if (!at) { return undefined; }
		// A clause repeated very often (a stock phrase) is checked against its first occurrences only.
		for (let q = 0; q < at.length && q < 8; q++) {
			const p = at[q];
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
