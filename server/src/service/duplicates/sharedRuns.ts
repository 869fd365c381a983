/**
 * From the shared prints of two files (pairs: my print, theirs) to what a query answers: whether
 * a run of them sits at one offset (a passage long enough may exist) and the shared passages,
 * located in both files. In steps, as the query that calls them.
 */
import { shingle, windowSize } from './fingerprints';
import type { FilePrints, Position, SharedPassage } from './passages';

/** Prints, postings or shared pairs looked at per step of a query in steps (about a millisecond). */
export const stepWork = 8192;

/** Whether `need` shared prints sit at one offset delta (a passage holds at most as many as the most at one delta). */
export function* holdsRunInSteps(mine: FilePrints, other: FilePrints, pairs: Int32Array, need: number): Generator<void, boolean> {
	const counts = new Map<number, number>();
	for (let k = 0; k < pairs.length; k += 2) {
		if (k > 0 && k % (2 * stepWork) === 0) { yield; }
		const delta = other.positions[pairs[k + 1]] - mine.positions[pairs[k]];
		const n = (counts.get(delta) ?? 0) + 1;
		if (n >= need) { return true; }
		counts.set(delta, n);
	}
	return false;
}

/** Prints a passage of `length` units holds at least: one per window of shingles, with 60 % of its units significant (punctuation and spaces are not). */
export function minPrints(length: number): number {
	return Math.max(1, Math.floor((length * 0.6 - shingle + 1) / windowSize));
}

/** Groups shared prints (flat pairs: mine, theirs) by their offset delta and chains those close enough into passages; yields every `stepWork` pairs. */
export function* passagesInSteps(mine: FilePrints, other: FilePrints, pairs: Int32Array): Generator<void, SharedPassage[]> {
	const byDelta = new Map<number, number[]>();
	for (let k = 0; k < pairs.length; k += 2) {
		if (k > 0 && k % (2 * stepWork) === 0) { yield; }
		const delta = other.positions[pairs[k + 1]] - mine.positions[pairs[k]];
		const list = byDelta.get(delta);
		if (list) { list.push(pairs[k], pairs[k + 1]); } else { byDelta.set(delta, [pairs[k], pairs[k + 1]]); }
	}
	const passages: SharedPassage[] = [];
	let work = 0;
	for (const list of byDelta.values()) {
		work += 1 + list.length / 2;
		if (work >= stepWork) { work = 0; yield; }
		// Pairs arrive in increasing order of my print index: no sort needed.
		let first = 0;
		let prev = 0;
		const flush = () => {
			const start = mine.starts[list[first]];
			const end = mine.ends[list[prev]];
			passages.push({
				start,
				end,
				other: { start: positionOf(other.lineStarts, other.starts[list[first + 1]]), end: positionOf(other.lineStarts, other.ends[list[prev + 1]]) },
				length: end - start,
			});
		};
		for (let k = 2; k < list.length; k += 2) {
			// Consecutive prints of one passage are at most a window apart.
			if (mine.positions[list[k]] - mine.positions[list[prev]] > windowSize) { flush(); first = k; }
			prev = k;
		}
		flush();
	}
	yield;
	return passages.sort((a, b) => a.start - b.start);
}

function positionOf(lineStarts: Int32Array, offset: number): Position {
	let lo = 0;
	let hi = lineStarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (lineStarts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
	}
	return { line: lo, character: offset - lineStarts[lo] };
}
