/**
 * Stage two reads the article spans' edges in ascending order (boilerplate/body.ts, `spanEdges`):
 * taken in span order, sorted only when grown spans meet. They must be the edges sorted, for
 * spans apart, touching and overlapping.
 */
import * as assert from 'node:assert/strict';
import { Span, spanEdges } from '../../server/src/service/boilerplate/body';
import { random } from '../support/random';

describe('span edges', () => {
	it('are the spans\' first and last rows sorted, whether the spans are apart or have grown into each other', () => {
		const rand = random(5);
		let unsorted = 0;
		for (let n = 0; n < 5000; n++) {
			const spans: Span[] = [];
			let at = 0;
			for (let k = Math.floor(rand() * 6); k > 0; k--) {
				// The next span may start before the last one's end (two spans grown over the rows between them).
				const first = Math.max(0, at + Math.floor(rand() * 8) - 3), last = first + Math.floor(rand() * 6);
				spans.push({ first, last, strength: 1 });
				at = last + 1;
			}
			const expected = spans.flatMap((s) => [s.first, s.last]).sort((a, b) => a - b);
			if (spans.flatMap((s) => [s.first, s.last]).some((e, i, all) => i > 0 && e < all[i - 1])) { unsorted++; }
			assert.deepEqual(spanEdges(spans), expected, JSON.stringify(spans));
		}
		assert.ok(unsorted > 100);
	});
});
