import * as assert from 'node:assert/strict';
import { FileCounts, FileIds, FileSet } from '../../server/src/service/entities/fileLists';

describe('entity file lists', () => {
	it('read as the Map and Set they replace after random sets, deletes and released ids', () => {
		let seed = 7;
		const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
		const ids = new FileIds();
		const counts = new FileCounts(ids), map = new Map<string, number>();
		const set = new FileSet(ids), model = new Set<string>();
		const uris = Array.from({ length: 30 }, (_, i) => `file:///c/${i}.txt`);
		for (let step = 0; step < 3000; step++) {
			const uri = uris[Math.floor(rand() * uris.length)];
			const r = rand();
			if (r < 0.4) { const n = 1 + Math.floor(rand() * 9); counts.set(uri, n); map.set(uri, n); set.add(uri); model.add(uri); } else if (r < 0.8) {
				assert.equal(counts.delete(uri), map.delete(uri));
				assert.equal(set.delete(uri), model.delete(uri));
			} else if (!map.has(uri) && !model.has(uri)) {
				// A file no list holds leaves the index: its id goes to the next new file.
				ids.release(uri);
			}
			assert.deepEqual([...counts], [...map]);
			assert.deepEqual([...counts.keys()], [...map.keys()]);
			assert.deepEqual([...set], [...model]);
			assert.equal(counts.size, map.size);
			assert.equal(set.size, model.size);
			assert.equal(counts.get(uri), map.get(uri));
			assert.equal(set.has(uri), model.has(uri));
		}
	});
});
