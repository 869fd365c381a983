/**
 * The pattern rows listed for a line (boilerplate/rowLists.ts) must hold, in table order, every
 * row whose own checks (`mayMatch`) the line passes: a row left out would be a match lost, a row
 * out of order another row's match. Checked for the shipped table and for random tables, at every
 * row's maximum length and either side of it, with the openings and closings rows name and others.
 */
import * as assert from 'node:assert/strict';
import { patternRows, PatternRow } from '../../server/src/service/boilerplate/patterns';
import { mayMatch, rowLists } from '../../server/src/service/boilerplate/rowLists';
import { random } from '../support/random';

function check(rows: readonly PatternRow[]): number {
	const lists = rowLists(rows);
	const lengths = new Set([0, 1, 2, 500, 5000]);
	for (const r of rows) { for (const d of [-1, 0, 1]) { lengths.add(Math.max(0, r.maxLength + d)); } }
	// A line's first unit matters only to rows' openings, its last only to their closings.
	const firsts = new Set(['x', '的', ')', '\ud840']), lasts = new Set(firsts);
	for (const r of rows) { for (const c of r.opening ?? '') { firsts.add(c); } for (const c of r.closing ?? '') { lasts.add(c); } }
	let checked = 0;
	for (const length of lengths) {
		for (const first of firsts) {
			for (const last of lasts) {
				for (const spans of [false, true]) {
					const listed = lists.rowsFor(length, first, last, spans).filter((r) => mayMatch(r, length, first, last, spans));
					const expected = rows.filter((r) => mayMatch(r, length, first, last, spans));
					// The same objects, in the table's order.
					assert.equal(listed.length, expected.length, `${length} ${first} ${last} ${spans}`);
					expected.forEach((r, k) => assert.equal(listed[k], r, `${length} ${first} ${last} ${spans}`));
					checked++;
				}
			}
		}
	}
	return checked;
}

describe('pattern row lists', () => {
	it('list every row a line may match, in table order, for the shipped table', () => {
		assert.ok(check(patternRows) > 2_000);
		const lists = rowLists(patternRows);
		// They rule rows out: a paragraph longer than every line row tries the span rows only when it closes with `)`.
		assert.equal(lists.rowsFor(300, '今', '。', false).length, 0);
		assert.deepEqual(lists.rowsFor(300, '今', ')', true), patternRows.filter((r) => r.span));
		assert.ok(lists.rowsFor(20, '今', '天', false).length < patternRows.length / 2);
	});

	it('list every row a line may match, in table order, for random tables', () => {
		const rand = random(7);
		const pick = (s: string) => (rand() < 0.4 ? undefined : [...s].filter(() => rand() < 0.3).join('') || s[0]);
		for (let t = 0; t < 30; t++) {
			const rows: PatternRow[] = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => ({
				kind: 'ad', pattern: /x/u, maxLength: 1 + Math.floor(rand() * 60), span: rand() < 0.1, opening: pick('abc的来'), closing: pick('xyz摄)'),
			}));
			check(rows);
		}
	});
});
