/**
 * The sharded map against a Map under random sets, deletes and look-ups of name-like keys
 * (surnames shared, keys of one to eight units, surrogate pairs, the empty key).
 */
import * as assert from 'node:assert/strict';
import { ShardedMap } from '../../server/src/service/shardedMap';

function seeded(seed: number): () => number {
	return () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
}

describe('the sharded map', () => {
	it('answers as a Map does', () => {
		const random = seeded(11);
		const units = ['王', '李', '张', '小', '明', '华', '国', '北', '京', 'a', '1', '\ud840\udc00', '·'];
		const key = () => Array.from({ length: Math.floor(random() * 8) }, () => units[Math.floor(random() * units.length)]).join('');
		const ours = new ShardedMap<number>(), theirs = new Map<string, number>();
		for (let i = 0; i < 200_000; i++) {
			const k = key(), op = random();
			if (op < 0.5) { ours.set(k, i); theirs.set(k, i); } else if (op < 0.7) { assert.equal(ours.delete(k), theirs.delete(k)); } else { assert.equal(ours.has(k), theirs.has(k)); }
			assert.equal(ours.get(k), theirs.get(k));
			assert.equal(ours.size, theirs.size);
		}
		for (const [k, v] of theirs) { assert.equal(ours.get(k), v); }
	});
});
