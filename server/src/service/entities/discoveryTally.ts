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
	/** key, role, key, role… in the order found. */
	readonly roles: string[];
	/** start, end pairs in the order found. */
	readonly spans: Int32Array;
}

export class DiscoveryTally {
	readonly #rows = new Map<string, number>();
	readonly #voteKeys: string[] = [];
	readonly #voteTypes: EntityType[] = [];
	readonly #voteCounts: number[] = [];
	readonly #roles: string[] = [];
	#spans = new Int32Array(64);
	#length = 0;

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
			if (f.role) { this.#roles.push(f.key, f.role); }
			if (this.#length + 2 > this.#spans.length) {
				const grown = new Int32Array(this.#spans.length * 2);
				grown.set(this.#spans);
				this.#spans = grown;
			}
			this.#spans[this.#length++] = f.start + offset;
			this.#spans[this.#length++] = f.end + offset;
		}
	}

	result(): Discovery {
		return { voteKeys: this.#voteKeys, voteTypes: this.#voteTypes, voteCounts: this.#voteCounts, roles: this.#roles, spans: this.#spans.slice(0, this.#length) };
	}
}

/** The tally of one list of names found. */
export function tallyFound(found: readonly Found[]): Discovery {
	const tally = new DiscoveryTally();
	tally.add(found);
	return tally.result();
}
