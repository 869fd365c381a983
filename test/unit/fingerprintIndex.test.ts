import * as assert from 'node:assert/strict';
import { commonPrintLimit, FilePrints, FingerprintIndex } from '../../server/src/service/duplicates/passages';
import { PostingTable } from '../../server/src/service/duplicates/postings';
import { random } from '../support/random';

/** A file's prints drawn from a small alphabet of hashes: shared, repeated and common prints occur. */
function printsOf(rand: () => number, alphabet: number): FilePrints {
	const n = Math.floor(rand() * 60);
	const hashes = new Uint32Array(n), positions = new Int32Array(n), starts = new Int32Array(n), ends = new Int32Array(n);
	let at = 0;
	for (let i = 0; i < n; i++) {
		// Runs of consecutive hashes make passages; a few hashes are common to almost every file.
		hashes[i] = rand() < 0.1 ? 0xffffff00 + Math.floor(rand() * 3) : (Math.floor(rand() * alphabet) * 2654435761) >>> 0;
		at += 1 + Math.floor(rand() * 20);
		positions[i] = at;
		starts[i] = at * 2;
		ends[i] = at * 2 + 16;
	}
	return { hashes, positions, starts, ends, lineStarts: Int32Array.from([0, 100, 400]) };
}

/** The index as it was before its postings moved to typed arrays: a Map of hash → packed postings. */
class MapIndex {
	readonly files = new Map<string, FilePrints>();
	readonly prints = new Map<number, string[]>();
	set(uri: string, prints: FilePrints): void {
		this.remove(uri);
		this.files.set(uri, prints);
		prints.hashes.forEach((h) => this.prints.set(h, [...this.prints.get(h) ?? [], uri]));
	}
	remove(uri: string): void {
		const prints = this.files.get(uri);
		if (!prints) { return; }
		for (const h of prints.hashes) {
			const kept = (this.prints.get(h) ?? []).filter((u) => u !== uri);
			if (kept.length === 0) { this.prints.delete(h); } else { this.prints.set(h, kept); }
		}
		this.files.delete(uri);
	}
	/** Holders in the order the old index listed them: by print, then by when each file was added. */
	holders(uri: string, prints: FilePrints): string[] {
		const out = new Set<string>();
		const limit = commonPrintLimit(this.files.size);
		for (const h of prints.hashes) {
			const list = this.prints.get(h) ?? [];
			if (list.length > limit + 1) { continue; }
			for (const u of list) { if (u !== uri) { out.add(u); } }
		}
		return [...out];
	}
}

describe('fingerprint index in typed arrays', () => {
	it('answers as a map of postings does after random adds, replacements and removals', () => {
		for (const seed of [1, 2, 3]) {
			const rand = random(seed);
			const index = new FingerprintIndex();
			const model = new MapIndex();
			const uris = Array.from({ length: 60 }, (_, i) => `file:///c/${i}.txt`);
			for (let step = 0; step < 1500; step++) {
				const uri = uris[Math.floor(rand() * uris.length)];
				if (rand() < 0.25) {
					index.remove(uri);
					model.remove(uri);
				} else {
					const prints = printsOf(rand, 400);
					index.set(uri, prints);
					model.set(uri, prints);
				}
				if (step % 50 !== 49) { continue; }
				for (const u of model.files.keys()) {
					const prints = model.files.get(u)!;
					assert.deepEqual([...index.holders(u, prints)], model.holders(u, prints), `seed ${seed}, step ${step}: holders of ${u}`);
				}
				// The shared files of a new text (no id) and of an indexed one, in the order the files were indexed.
				const query = printsOf(rand, 400);
				const shared = index.query('file:///new.txt', query);
				const expected = new Set(model.holders('file:///new.txt', query));
				assert.deepEqual(new Set(shared.map((s) => s.uri)), expected, `seed ${seed}, step ${step}: query`);
			}
		}
	});

	it('keeps a hash\'s postings in the order they were added, without the removed file', () => {
		const table = new PostingTable(8);
		for (let file = 0; file < 40; file++) { table.add(7, file, file * 2); table.add(1000 + file, file, 0); }
		table.removeFile(7, 3);
		table.removeFile(7, 39);
		const chain: number[] = [];
		for (let p = table.head(7); p >= 0; p = table.next(p)) { chain.unshift(table.file(p)); }
		assert.deepEqual(chain, Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 3 && i !== 39));
		assert.equal(table.count(7), 38);
		for (let file = 0; file < 40; file++) { table.removeFile(1000 + file, file); }
		assert.equal(table.size, 1);
		assert.equal(table.head(1005), -1);
		// A removed hash is found again once re-added (its dead slot reused), and the table still grows.
		table.add(1005, 9, 1);
		for (let h = 5000; h < 7000; h++) { table.add(h, 1, h); }
		assert.equal(table.file(table.head(1005)), 9);
		assert.equal(table.print(table.head(6999)), 6999);
		assert.equal(table.size, 2 + 2000);
	});

	it('grows into the table it made ahead of the growth and answers as a map does', () => {
		const table = new PostingTable(8);
		const model = new Map<number, [number, number][]>();
		const rand = random(7);
		let largestSpare = 0;
		for (let i = 0; i < 60_000; i++) {
			const hash = (Math.floor(rand() * 40_000) * 2654435761) >>> 0;
			const file = i % 97;
			if (rand() < 0.1) {
				table.removeFile(hash, file);
				const left = (model.get(hash) ?? []).filter(([f]) => f !== file);
				if (left.length > 0) { model.set(hash, left); } else { model.delete(hash); }
			} else {
				table.add(hash, file, i);
				model.set(hash, [...model.get(hash) ?? [], [file, i]]);
			}
			largestSpare = Math.max(largestSpare, table.spare);
		}
		assert.ok(largestSpare > 0, 'a table was made ahead of a growth');
		assert.equal(table.size, model.size);
		for (const [hash, postings] of model) {
			const chain: [number, number][] = [];
			for (let p = table.head(hash); p >= 0; p = table.next(p)) { chain.unshift([table.file(p), table.print(p)]); }
			assert.deepEqual(chain, postings);
		}
		table.releaseSpare();
		assert.equal(table.spare, 0);
	});

	it('removes at most the postings it is told the file has, the newest first', () => {
		// A file indexed again is at the chains' heads: the walk ends at its last posting, not the chain's.
		const table = new PostingTable(8);
		table.add(7, 1, 0);
		for (let file = 2; file < 50; file++) { table.add(7, file, 0); }
		table.add(7, 1, 1);
		table.add(7, 1, 2);
		table.removeFile(7, 1, 2);
		const chain: [number, number][] = [];
		for (let p = table.head(7); p >= 0; p = table.next(p)) { chain.unshift([table.file(p), table.print(p)]); }
		assert.deepEqual(chain, [[1, 0], ...Array.from({ length: 48 }, (_, i): [number, number] => [i + 2, 0])]);
		assert.equal(table.count(7), 49);
	});
});

describe('FingerprintIndex.queryInSteps', () => {
	it('looks at the pairs shared with one large file in steps too, not in one', () => {
		// Two files sharing 65,536 prints (one file repeated in another): 16 steps for the prints
		// and their postings, and the 65,536 shared pairs grouped into passages in at least 8 more.
		const n = 65_536;
		const prints = (): FilePrints => {
			const positions = Int32Array.from({ length: n }, (_, i) => i * 4);
			return { hashes: Uint32Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 0), positions, starts: positions.map((p) => p * 2), ends: positions.map((p) => p * 2 + 16), lineStarts: Int32Array.from([0]) };
		};
		const index = new FingerprintIndex();
		index.set('file:///a.txt', prints());
		index.set('file:///b.txt', prints());
		const steps = index.queryInSteps('file:///b.txt', prints());
		let yields = 0;
		let next = steps.next();
		for (; !next.done; next = steps.next()) { yields++; }
		assert.equal(next.value.length, 1);
		assert.equal(next.value[0].passages.length, 1);
		assert.ok(yields >= 16 + 8, `${yields} steps`);
		assert.deepEqual(next.value, index.query('file:///b.txt', prints()));
	});
});

describe('FingerprintIndex.holdersInSteps', () => {
	it('looks up a large file\'s holders in steps, with the answer of holders', () => {
		// 65,536 prints, a quarter of them held by other files: at least 8 steps of 8,192 prints.
		const n = 65_536;
		const positions = Int32Array.from({ length: n }, (_, i) => i * 4);
		const large: FilePrints = { hashes: Uint32Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 0), positions, starts: positions.map((p) => p * 2), ends: positions.map((p) => p * 2 + 16), lineStarts: Int32Array.from([0]) };
		const index = new FingerprintIndex();
		for (let f = 0; f < 40; f++) {
			const hashes = Uint32Array.from({ length: 400 }, (_, i) => (((f * 400 + i) * 41) % n * 2654435761) >>> 0);
			index.set(`file:///c/${f}.txt`, { hashes, positions: positions.slice(0, 400), starts: positions.slice(0, 400), ends: positions.slice(0, 400), lineStarts: Int32Array.from([0]) });
		}
		index.set('file:///large.txt', large);
		const steps = index.holdersInSteps('file:///large.txt', large);
		let yields = 0;
		let next = steps.next();
		for (; !next.done; next = steps.next()) { yields++; }
		assert.ok(yields >= 8, `${yields} steps`);
		assert.equal(next.value.size, 40);
		assert.deepEqual([...next.value], [...index.holders('file:///large.txt', large)]);
	});
});

describe('PostingTable while it grows', () => {
	it('answers as a map of chains after random adds and removals across many growths', () => {
		const rand = random(7);
		const table = new PostingTable(8);
		const chains = new Map<number, Array<[number, number]>>();
		for (let step = 0; step < 60_000; step++) {
			const hash = (Math.floor(rand() * 5_000) * 2654435761) >>> 0;
			if (rand() < 0.75) {
				const file = Math.floor(rand() * 50), print = step;
				table.add(hash, file, print);
				chains.set(hash, [...chains.get(hash) ?? [], [file, print]]);
			} else {
				const file = Math.floor(rand() * 50);
				table.removeFile(hash, file);
				const left = (chains.get(hash) ?? []).filter(([f]) => f !== file);
				if (left.length > 0) { chains.set(hash, left); } else { chains.delete(hash); }
			}
			if (step % 997 === 0 || step === 59_999) {
				assert.equal(table.size, chains.size);
				for (const [h, want] of chains) {
					const got: Array<[number, number]> = [];
					for (let p = table.head(h); p >= 0; p = table.next(p)) { got.unshift([table.file(p), table.print(p)]); }
					assert.deepEqual(got, want);
					assert.equal(table.count(h), want.length);
				}
			}
		}
	});
});

describe('FingerprintIndex with a file that repeats its prints', () => {
	/** A posting table that counts the chains walked. */
	class CountingTable extends PostingTable {
		removals = 0;
		lookups = 0;
		override removeFile(hash: number, file: number): void { this.removals++; super.removeFile(hash, file); }
		override slotOf(hash: number): number { this.lookups++; return super.slotOf(hash); }
	}
	// A large document repeating itself: 60 hashes, 600 prints (a 1 MB document: 26,000 prints, 6,000 hashes).
	const repeated = (): FilePrints => {
		const n = 600;
		const positions = Int32Array.from({ length: n }, (_, i) => i * 4);
		return { hashes: Uint32Array.from({ length: n }, (_, i) => 1000 + (i % 60)), positions, starts: positions.map((p) => p * 2), ends: positions.map((p) => p * 2 + 16), lineStarts: Int32Array.from([0]) };
	};

	it('walks each hash\'s chain once to remove it, and to find its holders', () => {
		const table = new CountingTable();
		const index = new FingerprintIndex(table);
		index.set('file:///other.txt', { ...repeated(), hashes: Uint32Array.from([1022, 44]), positions: Int32Array.from([0, 4]), starts: Int32Array.from([0, 8]), ends: Int32Array.from([16, 24]) });
		index.set('file:///large.txt', repeated());
		assert.deepEqual([...index.holders('file:///large.txt', repeated())], ['file:///other.txt']);
		assert.equal(table.lookups, 60, 'chains looked up for the holders');
		index.set('file:///large.txt', repeated());
		// Each chain held 10 of the file's postings: walking it once per print walked each 10 times.
		assert.equal(table.removals, 60);
		assert.deepEqual([...index.holders('file:///other.txt', index.printsOf('file:///other.txt')!)], ['file:///large.txt']);
	});
});

describe('PostingTable growth', () => {
	it('never copies or fills its arrays in one piece as it grows', () => {
		// A growth held the server's thread: the arena was copied whole (16–52 ms past 1.3 M
		// postings) and a grown table filled whole (5–15 ms). Watch for copies and fills of more than a page.
		const large: string[] = [];
		const { set, fill } = Int32Array.prototype;
		const watch = <T extends unknown[]>(name: string, original: (this: Int32Array, ...args: T) => unknown) => function (this: Int32Array, ...args: T) {
			if (this.length > 3 * 65_536) { large.push(`${name} ${this.length}`); }
			return original.apply(this, args);
		};
		Int32Array.prototype.set = watch('set', set) as typeof set;
		Int32Array.prototype.fill = watch('fill', fill) as typeof fill;
		try {
			const table = new PostingTable();
			for (let i = 0; i < 600_000; i++) { table.add((i * 2654435761) >>> 0, i & 1023, i); }
			assert.equal(table.size, 600_000);
			assert.equal(table.print(table.head((599_999 * 2654435761) >>> 0)), 599_999);
		} finally {
			Int32Array.prototype.set = set;
			Int32Array.prototype.fill = fill;
		}
		assert.deepEqual(large, []);
	});
});
