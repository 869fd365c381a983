/**
 * `packedMap` is `Array.prototype.map` for the values: every element, in order, with its index.
 * (That its arrays are always packed is V8's layout, not observable here: see text/packed.ts.)
 */
import * as assert from 'node:assert/strict';
import { packedMap } from '../../server/src/service/text/packed';

describe('packedMap', () => {
	it('gives what map gives: each element in order with its index, undefined results kept', () => {
		const xs = ['a', 'bb', '', 'ccc', 'dd'];
		const f = (x: string, i: number) => (x.length === 0 ? undefined : `${i}:${x}`);
		assert.deepEqual(packedMap(xs, f), xs.map(f));
		assert.deepEqual(packedMap([], f), []);
		assert.equal(packedMap(xs, f).length, xs.length);
	});
});
