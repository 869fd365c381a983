import * as assert from 'node:assert';
import { PriorityQueues } from '../../server/src/corpus/priorityQueues';
import { random } from '../support/random';

describe('PriorityQueues', () => {
	it('hands items out most urgent first, first in first out, across compactions, as a list of arrays would', () => {
		const queues = new PriorityQueues<number>(4);
		const model: number[][] = [[], [], [], []];
		const next = random(7);
		for (let step = 0; step < 20000; step++) {
			if (next() < 0.55) {
				const p = Math.floor(next() * 4);
				queues.push(p, step);
				model[p].push(step);
			} else {
				const below = Math.floor(next() * 5);
				const p = model.findIndex((q, i) => i < below && q.length > 0);
				assert.strictEqual(queues.shift(below), p < 0 ? undefined : model[p].shift(), `step ${step}`);
			}
			assert.strictEqual(queues.size, model.reduce((n, q) => n + q.length, 0));
			const below = step % 5;
			assert.strictEqual(queues.has(below), model.some((q, i) => i < below && q.length > 0), `has(${below}), step ${step}`);
		}
		assert.deepStrictEqual(queues.drain(), model.flat());
		assert.strictEqual(queues.size, 0);
		assert.strictEqual(queues.shift(), undefined);
	});
});
