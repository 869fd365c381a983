/**
 * A Map from strings for the corpus-wide tables that grow to hundreds of thousands of keys on
 * the server's thread (names, their keys' ids, short-line keys). A JavaScript Map rehashes every
 * entry at once when it outgrows its table: measured in Node 20 on the bench machine, one `set`
 * took 50 ms at 262,144 keys, 102 ms at 524,288 and 226 ms at 1,048,576; the 10,000-file cold
 * start's names reach that size while the user's requests wait. Here the keys are spread over
 * `shards` Maps by a hash of a few of their units, so a growth rehashes one shard.
 *
 * No iteration: the callers look keys up only, so no order of the entries is promised.
 */

const shards = 64;

/** Shard of a key: its length and up to four units from each end (names and line keys are short, or differ at an end). */
function shardOf(key: string): number {
	const n = key.length;
	let h = n;
	const head = Math.min(n, 4);
	for (let i = 0; i < head; i++) { h = Math.imul(h ^ key.charCodeAt(i), 0x9e3779b1); }
	for (let i = Math.max(head, n - 4); i < n; i++) { h = Math.imul(h ^ key.charCodeAt(i), 0x85ebca6b); }
	return (h ^ (h >>> 15)) & (shards - 1);
}

export class ShardedMap<V> {
	readonly #maps: Map<string, V>[] = Array.from({ length: shards }, () => new Map<string, V>());
	#size = 0;

	get size(): number { return this.#size; }

	get(key: string): V | undefined { return this.#maps[shardOf(key)].get(key); }

	has(key: string): boolean { return this.#maps[shardOf(key)].has(key); }

	set(key: string, value: V): this {
		const map = this.#maps[shardOf(key)];
		const before = map.size;
		map.set(key, value);
		this.#size += map.size - before;
		return this;
	}

	delete(key: string): boolean {
		const deleted = this.#maps[shardOf(key)].delete(key);
		if (deleted) { this.#size--; }
		return deleted;
	}
}
