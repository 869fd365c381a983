/**
 * The page analysis's scratch arrays (boilerplate/scratch.ts): an array long enough for what is
 * asked, the same one again while it fits (nothing allocated per page), grown when it does not,
 * and never one longer than `maxKept` kept (a huge page's arrays are its own).
 */
import * as assert from 'node:assert/strict';
import { maxKept, Scratch } from '../../server/src/service/boilerplate/scratch';

describe('scratch arrays', () => {
	it('are long enough, reused while they fit, grown when not, and not kept past maxKept', () => {
		const scratch = new Scratch((n) => new Float64Array(n));
		const a = scratch.atLeast(10);
		assert.ok(a.length >= 10);
		a[3] = 7;
		assert.equal(scratch.atLeast(a.length), a);
		assert.equal(scratch.atLeast(1)[3], 7, 'what the last user wrote stays');
		const b = scratch.atLeast(a.length + 1);
		assert.notEqual(b, a);
		assert.ok(b.length > a.length && b.length <= maxKept);
		assert.equal(scratch.atLeast(b.length), b);
		const huge = scratch.atLeast(maxKept + 1);
		assert.equal(huge.length, maxKept + 1);
		assert.notEqual(scratch.atLeast(maxKept + 1), huge, 'a huge page\'s array is not kept');
		assert.ok(scratch.atLeast(maxKept).length <= maxKept);
		const view = scratch.exactly(5);
		assert.equal(view.length, 5);
		view[0] = 42;
		assert.equal(scratch.atLeast(5)[0], 42, 'a view of the kept array');
	});
});
