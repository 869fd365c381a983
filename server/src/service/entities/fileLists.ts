/**
 * Compact per-entity lists of files for the entity index. A name of the 10,000-file bench corpus
 * is in 12 files on average and 乌镇 in all of them: a `Map<string, number>` and a `Set<string>`
 * per entity held ≈ 62 MB of the server thread's heap in hash tables. Here a file is a small
 * integer (`FileIds`) and a list is a plain array of small integers, which V8 stores unboxed;
 * the lists keep insertion order, as the maps did (what iterates them sees the same order).
 * Lookups happen once per entity and file indexed, never per mention.
 */
import { ShardedMap } from '../shardedMap';

/** File URI ↔ small integer; the id of a file no longer indexed is given to the next new file. */
export class FileIds {
	readonly #ids = new Map<string, number>();
	readonly #uris: string[] = [];
	readonly #free: number[] = [];
	/**
	 * Each id's place among the files in URI order, and the ids in that order; undefined once a
	 * file came or went. References list a name's files in URI order: its 3,500 URIs were sorted
	 * as strings on every request (about a millisecond), its files' places sort as numbers.
	 * Sorting every file's URI costs more (10,000 files: 10–14 ms at load 8), so while the order
	 * is stale a list sorts its own URIs, unless it holds a quarter of the files (`FileCounts.inUriOrder`).
	 */
	#order: { readonly rankOf: Int32Array; readonly byRank: Int32Array } | undefined;

	/** The file's id, assigned on first use. */
	id(uri: string): number {
		let id = this.#ids.get(uri);
		if (id === undefined) {
			id = this.#free.pop() ?? this.#uris.length;
			this.#ids.set(uri, id);
			this.#uris[id] = uri;
			this.#order = undefined;
		}
		return id;
	}

	idOf(uri: string): number | undefined { return this.#ids.get(uri); }
	uri(id: number): string { return this.#uris[id]; }

	/** The file left the index: nothing refers to its id any more. */
	release(uri: string): void {
		const id = this.#ids.get(uri);
		if (id === undefined) { return; }
		this.#ids.delete(uri);
		this.#free.push(id);
		this.#order = undefined;
	}

	/** How many files have an id. */
	get count(): number { return this.#ids.size; }

	/** Whether the files' URI order is known (not since a file came or went). */
	get ordered(): boolean { return this.#order !== undefined; }

	/** The file's place in URI order among the files with an id (the order is sorted again after a file came or went). */
	rank(id: number): number { return this.#uriOrder().rankOf[id]; }

	/** The id at a place in URI order. */
	atRank(rank: number): number { return this.#uriOrder().byRank[rank]; }

	#uriOrder(): { readonly rankOf: Int32Array; readonly byRank: Int32Array } {
		if (this.#order) { return this.#order; }
		// Sorted as strings (UTF-16 code units), as `Array.prototype.sort` sorts URIs.
		const uris = [...this.#ids.keys()].sort();
		const rankOf = new Int32Array(this.#uris.length).fill(-1);
		const byRank = new Int32Array(uris.length);
		uris.forEach((uri, rank) => {
			const id = this.#ids.get(uri)!;
			rankOf[id] = rank;
			byRank[rank] = id;
		});
		return this.#order = { rankOf, byRank };
	}
}

/**
 * Past this many files a list is a `Map`/`Set` of file ids: a linear lookup in 乌镇's 10,000
 * files, once per file re-matched after tagging, held the server's thread ≈ 40 ms per pass.
 * Few entities are that widespread, so the lists stay mostly plain arrays. Below a quarter of
 * it a list is an array again.
 */
const indexedFrom = 32;

/** Room for a file's count beside its place in URI order, in one double (`FileCounts.inUriOrder`). */
const countSpan = 2 ** 32;

/** File → count, in insertion order (a `Map<string, number>`'s reading side). */
export class FileCounts {
	/** File id, count, file id, count…; or, past `indexedFrom` files, file id → count. */
	#pairs: number[] | Map<number, number> = [];

	constructor(private readonly files: FileIds) { }

	get size(): number { return Array.isArray(this.#pairs) ? this.#pairs.length / 2 : this.#pairs.size; }

	get(uri: string): number | undefined {
		const id = this.files.idOf(uri);
		if (!Array.isArray(this.#pairs)) { return id === undefined ? undefined : this.#pairs.get(id); }
		const at = this.#at(id);
		return at < 0 ? undefined : this.#pairs[at + 1];
	}

	has(uri: string): boolean { return this.get(uri) !== undefined; }

	/** Sets the count; a new file goes last, a known one keeps its place. */
	set(uri: string, n: number): void {
		const id = this.files.id(uri);
		const pairs = this.#pairs;
		if (!Array.isArray(pairs)) { pairs.set(id, n); return; }
		const at = this.#at(id);
		if (at >= 0) { pairs[at + 1] = n; return; }
		pairs.push(id, n);
		if (pairs.length > 2 * indexedFrom) {
			const map = new Map<number, number>();
			for (let i = 0; i < pairs.length; i += 2) { map.set(pairs[i], pairs[i + 1]); }
			this.#pairs = map;
		}
	}

	delete(uri: string): boolean {
		const id = this.files.idOf(uri);
		const pairs = this.#pairs;
		if (!Array.isArray(pairs)) {
			if (id === undefined || !pairs.delete(id)) { return false; }
			if (pairs.size < indexedFrom / 4) { this.#pairs = [...pairs].flat(); }
			return true;
		}
		const at = this.#at(id);
		if (at < 0) { return false; }
		pairs.splice(at, 2);
		return true;
	}

	/** Files and their counts in URI order (as `[...this].sort()` gives them). */
	inUriOrder(): { uris: string[]; counts: number[] } {
		const { ids, counts } = this.idsInUriOrder();
		return { uris: ids.map((id) => this.files.uri(id)), counts };
	}

	/** File ids and their counts in URI order: their places sorted as numbers, not their URIs as strings. */
	idsInUriOrder(): { ids: number[]; counts: number[] } {
		if (!this.files.ordered && this.size * 4 < this.files.count) {
			const pairs = this.#pairs;
			const listed = Array.isArray(pairs) ? Array.from({ length: pairs.length / 2 }, (_, i) => [pairs[2 * i], pairs[2 * i + 1]]) : [...pairs];
			const sorted = listed.sort((a, b) => (this.files.uri(a[0]) < this.files.uri(b[0]) ? -1 : 1));
			return { ids: sorted.map(([id]) => id), counts: sorted.map(([, n]) => n) };
		}
		// A file's place and its count in one number (places < 2^21, counts < 2^32: exact in a double), so one numeric sort orders both.
		const keyed = new Float64Array(this.size);
		let k = 0;
		const pairs = this.#pairs;
		if (Array.isArray(pairs)) {
			for (let i = 0; i < pairs.length; i += 2) { keyed[k++] = this.files.rank(pairs[i]) * countSpan + pairs[i + 1]; }
		} else {
			for (const [id, n] of pairs) { keyed[k++] = this.files.rank(id) * countSpan + n; }
		}
		keyed.sort();
		const ids: number[] = new Array(keyed.length), counts: number[] = new Array(keyed.length);
		for (let i = 0; i < keyed.length; i++) {
			ids[i] = this.files.atRank(Math.floor(keyed[i] / countSpan));
			counts[i] = keyed[i] % countSpan;
		}
		return { ids, counts };
	}

	*keys(): Generator<string> {
		const pairs = this.#pairs;
		if (!Array.isArray(pairs)) { for (const id of pairs.keys()) { yield this.files.uri(id); } return; }
		for (let i = 0; i < pairs.length; i += 2) { yield this.files.uri(pairs[i]); }
	}

	*[Symbol.iterator](): Generator<[string, number]> {
		const pairs = this.#pairs;
		if (!Array.isArray(pairs)) { for (const [id, n] of pairs) { yield [this.files.uri(id), n]; } return; }
		for (let i = 0; i < pairs.length; i += 2) { yield [this.files.uri(pairs[i]), pairs[i + 1]]; }
	}

	#at(id: number | undefined): number {
		if (id === undefined) { return -1; }
		const pairs = this.#pairs as number[];
		for (let i = 0; i < pairs.length; i += 2) { if (pairs[i] === id) { return i; } }
		return -1;
	}
}

/** A set of files in insertion order (a `Set<string>`); past `indexedFrom` files a `Set` of file ids. */
export class FileSet {
	#ids: number[] | Set<number> = [];

	constructor(private readonly files: FileIds) { }

	get size(): number { return Array.isArray(this.#ids) ? this.#ids.length : this.#ids.size; }

	has(uri: string): boolean {
		const id = this.files.idOf(uri);
		if (id === undefined) { return false; }
		return Array.isArray(this.#ids) ? this.#ids.includes(id) : this.#ids.has(id);
	}

	add(uri: string): void {
		const id = this.files.id(uri);
		const ids = this.#ids;
		if (!Array.isArray(ids)) { ids.add(id); return; }
		if (ids.includes(id)) { return; }
		ids.push(id);
		if (ids.length > indexedFrom) { this.#ids = new Set(ids); }
	}

	delete(uri: string): boolean {
		const id = this.files.idOf(uri);
		if (id === undefined) { return false; }
		const ids = this.#ids;
		if (!Array.isArray(ids)) {
			if (!ids.delete(id)) { return false; }
			if (ids.size < indexedFrom / 4) { this.#ids = [...ids]; }
			return true;
		}
		const at = ids.indexOf(id);
		if (at < 0) { return false; }
		ids.splice(at, 1);
		return true;
	}

	*[Symbol.iterator](): Generator<string> {
		for (const id of this.#ids) { yield this.files.uri(id); }
	}
}

/** Strings (name keys, roles, spellings) ↔ small integers; kept for the index's life. */
export class Strings {
	readonly #ids = new ShardedMap<number>();
	readonly #all: string[] = [];

	id(s: string): number {
		let id = this.#ids.get(s);
		if (id === undefined) { id = this.#all.length; this.#ids.set(s, id); this.#all.push(s); }
		return id;
	}

	get(id: number): string { return this.#all[id]; }
}
