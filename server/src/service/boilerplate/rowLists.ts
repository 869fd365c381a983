/**
 * The pattern rows a line may match, found without asking every row: a line's length, its first
 * and last units and whether it closes as span rows need rule out most of the sixty rows (a
 * paragraph of 200 units is longer than every line row), and asking each row cost more than the
 * few expressions that then run. For each class of length (between two rows' `maxLength`s) and
 * each answer to "may it open as some row needs, close as some row needs, hold a span", the rows
 * that pass are listed in table order once; a line's own checks (`mayMatch`) still run on each
 * row listed, so the rows tried, and the first that matches, are the table's.
 */
import type { PatternRow } from './patterns';

/** Whether row `r` can match a trimmed line of `length` units opening with `first` and closing with `last`; `spans`: it closes with `)` as span rows need. */
export function mayMatch(r: PatternRow, length: number, first: string, last: string, spans: boolean): boolean {
	if (r.span) { return spans; }
	return length <= r.maxLength && (r.opening === undefined || r.opening.includes(first)) && (r.closing === undefined || r.closing.includes(last));
}

export interface RowLists {
	/** The rows, in table order, that may match such a line: every row for which `mayMatch` holds, and some for which it does not. */
	rowsFor(length: number, first: string, last: string, spans: boolean): readonly PatternRow[];
}

export function rowLists(rows: readonly PatternRow[]): RowLists {
	/** The line rows' distinct maximum lengths, ascending: a length's class is the first of them it does not exceed. */
	const bounds = [...new Set(rows.filter((r) => !r.span).map((r) => r.maxLength))].sort((a, b) => a - b);
	const maxBound = bounds.length > 0 ? bounds[bounds.length - 1] : 0;
	const classOf = new Uint8Array(maxBound + 1);
	for (let length = 0, j = 0; length <= maxBound; length++) {
		while (bounds[j] < length) { j++; }
		classOf[length] = j;
	}
	const openers = rows.map((r) => r.opening ?? '').join(''), closers = rows.map((r) => r.closing ?? '').join('');
	/** Per class of length, per answer (1: may open as a row needs, 2: may close so, 4: holds a span): the rows. */
	const lists: (readonly PatternRow[])[] = [];
	for (let j = 0; j <= bounds.length; j++) {
		const longest = j < bounds.length ? bounds[j] : Infinity;
		for (let answer = 0; answer < 8; answer++) {
			lists.push(rows.filter((r) => (r.span ? (answer & 4) !== 0
				: r.maxLength >= longest && (r.opening === undefined || (answer & 1) !== 0) && (r.closing === undefined || (answer & 2) !== 0))));
		}
	}
	return {
		rowsFor(length, first, last, spans) {
			const j = length <= maxBound ? classOf[length] : bounds.length;
			return lists[j * 8 + (openers.includes(first) ? 1 : 0) + (closers.includes(last) ? 2 : 0) + (spans ? 4 : 0)];
		},
	};
}
