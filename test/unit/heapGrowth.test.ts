import * as assert from 'node:assert/strict';
import { backgroundGrowingPercent, boundHeapGrowthWhile, heapGrowingPercent } from '../../server/src/worker/heldMemory';

describe('the server\'s heap growth bound (heldMemory.ts)', () => {
	it('is tighter while background work runs, back to the usual bound after it, and the command line\'s when given there', () => {
		try {
			assert.equal(boundHeapGrowthWhile(true), backgroundGrowingPercent);
			assert.equal(boundHeapGrowthWhile(true), backgroundGrowingPercent);
			assert.equal(boundHeapGrowthWhile(false), heapGrowingPercent);
			assert.ok(backgroundGrowingPercent < heapGrowingPercent);
			process.execArgv.push('--heap-growing-percent=10');
			assert.equal(boundHeapGrowthWhile(true), undefined, 'the command line\'s flag stays');
		} finally {
			if (process.execArgv.at(-1) === '--heap-growing-percent=10') { process.execArgv.pop(); }
			boundHeapGrowthWhile(false);
		}
	});
});
