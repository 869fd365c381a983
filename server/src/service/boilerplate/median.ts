/**
 * The middle value of a page's numbers (stage two compares each line with the main article's
 * middle line).
 */
import { Scratch } from './scratch';

const copyScratch = new Scratch((n) => new Float64Array(n));

/**
 * The middle value: the element at `length >> 1` of the values as a typed array sorts them, found
 * by selection in linear time (sorting a page's rows three times per check cost ≈ 0.7 ms per edit
 * of 1 MB). Reorders `values`. A zero is left to the sort (which orders -0 before 0), and so is an
 * array holding NaN (sorted last).
 */
export function median(values: Float64Array): number {
	const n = values.length;
	if (n === 0) { return 0; }
	for (let i = 0; i < n; i++) { if (values[i] !== values[i]) { values.sort(); return values[n >> 1]; } }
	const k = n >> 1;
	let lo = 0, hi = n - 1;
	while (lo < hi) {
		const pivot = values[(lo + hi) >> 1];
		let i = lo, j = hi;
		while (i <= j) {
			while (values[i] < pivot) { i++; }
			while (values[j] > pivot) { j--; }
			if (i <= j) { const t = values[i]; values[i] = values[j]; values[j] = t; i++; j--; }
		}
		// [lo, j] ≤ pivot, [i, hi] ≥ pivot, and what lies between equals it.
		if (k <= j) { hi = j; } else if (k >= i) { lo = i; } else { break; }
	}
	const v = values[k];
	if (v === 0) { values.sort(); return values[k]; }
	return v;
}

/** `values` copied into a scratch array (for `median`, which reorders what it is given): one copy at a time. */
export function copied(values: Float64Array): Float64Array {
	const out = copyScratch.exactly(values.length);
	out.set(values);
	return out;
}
