import * as assert from 'node:assert/strict';
import { FileCounts, FileIds, FileSet } from '../../server/src/service/entities/fileLists';

describe('entity file lists', () => {
	it('read as the Map and Set they replace after random sets, deletes and released ids', () => {
		let seed = 7;
		const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
		const ids = new FileIds();
		const counts = new FileCounts(ids), map = new Map<string, number>();
		const set = new FileSet(ids), model = new Set<string>();
		// Phases that fill and empty the lists, so that they pass the size where they become a Map/Set and back.
		// Names whose string order is not their number's, some with escapes and capitals.
		const uris = Array.from({ length: 90 }, (_, i) => (i % 7 === 0 ? `file:///c/%E4%B8%AD${i}.txt` : i % 5 === 0 ? `file:///C/${i}.TXT` : `file:///c/${i}.txt`));
		let largest = 0, smallestAfter = Infinity;
		for (let step = 0; step < 6000; step++) {
			const uri = uris[Math.floor(rand() * uris.length)];
			const filling = Math.floor(step / 750) % 2 === 0;
			const r = rand();
			const setBelow = filling ? 0.7 : 0.05;
			if (r < setBelow) { const n = 1 + Math.floor(rand() * 9); counts.set(uri, n); map.set(uri, n); set.add(uri); model.add(uri); } else if (r < 0.8) {
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
			// References read a name's files in URI order, by the files' places: as sorting the URIs gives it.
			const sorted = [...map].sort((a, b) => (a[0] < b[0] ? -1 : 1));
			assert.deepEqual(counts.inUriOrder(), { uris: sorted.map(([u]) => u), counts: sorted.map(([, n]) => n) });
			largest = Math.max(largest, map.size);
			if (largest > 60) { smallestAfter = Math.min(smallestAfter, map.size); }
		}
		assert.ok(largest > 60 && smallestAfter < 8, `the lists grew to ${largest} files and shrank to ${smallestAfter} after`);
	});
});
