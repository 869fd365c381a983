/**
 * The entity snapshot a worker's entity.variant gets for one file (EntityRuleView.snapshotForInSteps)
 * is built in steps: a large document's mentions are converted a few thousand per step, not all
 * at once before the first.
 */
import * as assert from 'node:assert/strict';
import { EntityService } from '../../server/src/service/entities/service';
import { EntityRuleView } from '../../server/src/service/entities/ruleView';

describe('entity snapshot in steps', () => {
	it('converts a large file\'s mentions a few thousand per step, with the same answer', () => {
		const svc = new EntityService({ listFiles: async () => [], readFile: async () => undefined }, undefined);
		const index = svc.index;
		const person = (uri: string, key: string, mentions: number) => {
			index.ensure(uri);
			index.applyTally(uri, { voteKeys: [key], voteTypes: ['person'], voteCounts: [3], roleStrings: [], roles: new Int32Array(0), spans: new Int32Array(0) });
			const id = index.table.idOfKey(key)!;
			const packed = new Int32Array(4 * mentions);
			for (let i = 0; i < mentions; i++) { packed.set([i, 4, 2, id], 4 * i); }
			index.applyMatches(uri, { mentions: packed, variants: [], occurrences: new Int32Array(0) });
		};
		// Two people whose names sound alike (zhang wei), one of them mentioned 20,000 times in a large document.
		person('file:///large.txt', '张伟', 20_000);
		person('file:///other.txt', '张玮', 2);
		const table = index.table;
		const get = table.get.bind(table);
		let looked = 0;
		table.get = (id: number) => { looked++; return get(id); };
		const view = new EntityRuleView(svc);
		const steps = view.snapshotForInSteps('file:///large.txt');
		let most = 0;
		let next = steps.next();
		for (; !next.done; next = steps.next()) { most = Math.max(most, looked); looked = 0; }
		most = Math.max(most, looked);
		const snapshot = next.value!;
		assert.equal(snapshot.mentions.length, 20_000);
		assert.deepEqual(snapshot.mentions[19_999].slice(0, 3), [19_999, 4, 2]);
		assert.equal(snapshot.soundAlikes.length, 1);
		assert.ok(most <= 4096 + 16, `${most} entities looked up in one step`);
	});
});
