/**
 * The shared prints of one query, per other file in the order each file was first met: hits in
 * the order they are found (file, my print, theirs), then grouped by a stable counting sort, so
 * that each file's pairs keep the order of my prints. Typed arrays reused query after query
 * instead of a `Map` of number arrays per query (a query of the 10,000-file bench meets ≈ 230
 * files, most sharing a print or two).
 */
export class Hits {
	/** Per file id: 1 + its place among the files met, 0 when not met. */
	#placeOf: Int32Array = new Int32Array(1024);
	#ids: Int32Array = new Int32Array(256);
	/** Pairs per file met, then where its pairs start in `#grouped`. */
	#counts: Int32Array = new Int32Array(257);
	files = 0;
	#found: Int32Array = new Int32Array(3 * 1024);
	#hits = 0;
	#grouped: Int32Array = new Int32Array(2 * 1024);

	add(id: number, mine: number, theirs: number): void {
		if (id >= this.#placeOf.length) { this.#placeOf = grown(this.#placeOf, 2 * id + 1); }
		let place = this.#placeOf[id] - 1;
		if (place < 0) {
			place = this.files++;
			if (this.files >= this.#ids.length) { this.#ids = grown(this.#ids, 2 * this.files); this.#counts = grown(this.#counts, 2 * this.files + 1); }
			this.#ids[place] = id;
			this.#counts[place] = 0;
			this.#placeOf[id] = place + 1;
		}
		this.#counts[place]++;
		if (3 * this.#hits + 3 > this.#found.length) { this.#found = grown(this.#found, 6 * this.#hits + 3); }
		const at = 3 * this.#hits++;
		this.#found[at] = place;
		this.#found[at + 1] = mine;
		this.#found[at + 2] = theirs;
	}

	/** Groups the hits per file (after the last `add`). */
	group(): void {
		const counts = this.#counts;
		let start = 0;
		for (let f = 0; f < this.files; f++) { const n = counts[f]; counts[f] = start; start += n; }
		counts[this.files] = start;
		if (this.#grouped.length < 2 * start) { this.#grouped = new Int32Array(4 * start); }
		// Each file's next free pair, from `#counts` (left pointing at the next file's start; restored below).
		const found = this.#found, grouped = this.#grouped;
		for (let h = 0; h < 3 * this.#hits; h += 3) {
			const at = 2 * counts[found[h]]++;
			grouped[at] = found[h + 1];
			grouped[at + 1] = found[h + 2];
		}
		for (let f = this.files; f > 0; f--) { counts[f] = counts[f - 1]; }
		counts[0] = 0;
	}

	fileAt(f: number): number { return this.#ids[f]; }

	/** Int32s held. */
	get size(): number { return this.#placeOf.length + this.#ids.length + this.#counts.length + this.#found.length + this.#grouped.length; }

	/** The grouped pairs (mine, theirs) of the `f`-th file met. */
	pairsOf(f: number): Int32Array { return this.#grouped.subarray(2 * this.#counts[f], 2 * this.#counts[f + 1]); }

	clear(): void {
		for (let f = 0; f < this.files; f++) { this.#placeOf[this.#ids[f]] = 0; }
		this.files = 0;
		this.#hits = 0;
	}
}

/** Scratch of finished queries; queries run in steps may overlap, each takes its own. */
const spareHits: Hits[] = [];
/** Larger scratch (a large document's query) is left to the collector, not kept. */
const keptSize = 1 << 18;

export function takeHits(): Hits { return spareHits.pop() ?? new Hits(); }

export function releaseHits(hits: Hits): void {
	hits.clear();
	if (hits.size <= keptSize) { spareHits.push(hits); }
}

/** A copy of `a` in a longer array. */
export function grown(a: Int32Array, length: number): Int32Array {
	const b = new Int32Array(length);
	b.set(a);
	return b;
}
