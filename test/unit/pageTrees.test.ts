/**
 * Stage two's trees are scored from the distinct questions they ask, answered once per row, each
 * tree stepping by its answers (depth 3 unrolled, other depths in a loop); the score must be the
 * level-order walk's, bit for bit (leaves summed in the same order), for the shipped model and for
 * random trees of depths 1 to 4 with every kind of missing split.
 */
import * as assert from 'node:assert/strict';
import { featureCount } from '../../server/src/service/boilerplate/features';
import { pageModel, treeScore, Trees } from '../../server/src/service/boilerplate/pageModel';
import { random } from '../support/random';

/** The walk as the trees are written: level order, -1 goes left. */
function walked(trees: Trees, x: Float64Array, offset: number): number {
	const inner = (1 << trees.depth) - 1;
	let z = trees.base;
	for (const t of trees.trees) {
		let node = 0;
		while (node < inner) { node = 2 * node + (t.feature[node] >= 0 && x[offset + t.feature[node]] > t.threshold[node] ? 2 : 1); }
		z += t.leaf[node - inner];
	}
	return z;
}

describe('page model trees', () => {
	it('score as the level-order walk does, bit for bit', () => {
		const rand = random(3);
		const shipped = pageModel().stageTwo;
		const made: Trees[] = [1, 2, 3, 4].map((depth) => {
			const inner = (1 << depth) - 1;
			return {
				depth, base: rand() - 0.5,
				trees: Array.from({ length: 40 }, () => ({
					feature: Array.from({ length: inner }, () => (rand() < 0.5 ? -1 : Math.floor(rand() * featureCount))),
					threshold: Array.from({ length: inner }, () => Math.floor(rand() * 8) / 4),
					leaf: Array.from({ length: inner + 1 }, () => rand() * 2 - 1),
				})),
			};
		});
		let checked = 0;
		for (const trees of [shipped, ...made]) {
			for (let n = 0; n < 2000; n++) {
				// Values on the thresholds too (quarter steps), and for the shipped model its own thresholds.
				const x = Float64Array.from({ length: 2 * featureCount }, () => (rand() < 0.3 ? Math.floor(rand() * 8) / 4 : rand() * 3 - 1));
				if (trees === shipped) { const t = shipped.trees[n % shipped.trees.length]; t.feature.forEach((f, i) => { if (f >= 0 && rand() < 0.5) { x[featureCount + f] = t.threshold[i]; } }); }
				for (const offset of [0, featureCount]) {
					assert.ok(Object.is(treeScore(trees, x, offset), walked(trees, x, offset)), `depth ${trees.depth}, row ${n}`);
					checked++;
				}
			}
		}
		assert.equal(checked, 5 * 2000 * 2);
	});
});
