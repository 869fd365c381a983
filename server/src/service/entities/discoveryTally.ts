/**
 * What the entity index keeps of a file's tagging (tier 1): one vote row per name and type with
 * its count, the roles written before people, and every span found. A worker tallies as it tags
 * and sends this, not an object per name found: a 200 MB file has millions of them, which were
 * held in the worker, copied to the server's thread and taken apart there.
 */
import type { Found } from './discovery';
import type { EntityType } from './recognize';

export interface Discovery {
	readonly voteKeys: string[];
	readonly voteTypes: EntityType[];
	readonly voteCounts: number[];
	/** The strings of `roles`, each once. */
	readonly roleStrings: string[];
	/**
	 * key, role, key, role… in the order found, as indices in `roleStrings`: a 200 MB file's
	 * 580,000 roles, as strings, took the server's thread about 100 ms to receive.
	 */
	readonly roles: Int32Array;
	/** start, end pairs in the order found. */
	readonly spans: Int32Array;
}

/** A list of 32-bit integers that grows as it is filled (sent as one typed array). */
class IntList {
	#values = new Int32Array(64);
	#length = 0;

	push(value: number): void {
		if (this.#length === this.#values.length) {
			const grown = new Int32Array(this.#values.length * 2);
			grown.set(this.#values);
			this.#values = grown;
		}
		this.#values[this.#length++] = value;
	}

	result(): Int32Array { return this.#values.slice(0, this.#length); }
}

export class DiscoveryTally {
	readonly #rows = new Map<string, number>();
	readonly #voteKeys: string[] = [];
	readonly #voteTypes: EntityType[] = [];
	readonly #voteCounts: number[] = [];
	readonly #roleStrings: string[] = [];
	readonly #roleIndex = new Map<string, number>();
	readonly #roles = new IntList();
	readonly #spans = new IntList();

	/** Adds names found in a part of the text that starts at `offset`. */
	add(found: readonly Found[], offset = 0): void {
		for (const f of found) {
			const row = `${f.type}\u0000${f.key}`;
			const i = this.#rows.get(row);
			if (i === undefined) {
				this.#rows.set(row, this.#voteKeys.length);
				this.#voteKeys.push(f.key);
				this.#voteTypes.push(f.type);
				this.#voteCounts.push(1);
			} else {
				this.#voteCounts[i]++;
			}
			if (f.role) { this.#roles.push(this.#roleId(f.key)); this.#roles.push(this.#roleId(f.role)); }
			this.#spans.push(f.start + offset);
			this.#spans.push(f.end + offset);
		}
	}

	result(): Discovery {
		return {
			voteKeys: this.#voteKeys, voteTypes: this.#voteTypes, voteCounts: this.#voteCounts,
			roleStrings: this.#roleStrings, roles: this.#roles.result(), spans: this.#spans.result(),
		};
	}

	#roleId(s: string): number {
		let id = this.#roleIndex.get(s);
		if (id === undefined) { id = this.#roleStrings.length; this.#roleIndex.set(s, id); this.#roleStrings.push(s); }
		return id;
	}
}

/** The tally of one list of names found. */
export function tallyFound(found: readonly Found[]): Discovery {
	const tally = new DiscoveryTally();
	tally.add(found);
	return tally.result();
}
