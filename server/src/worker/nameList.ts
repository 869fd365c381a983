/**
 * The known names as a worker's matcher holds them: rows sent by the server's thread (full on a
 * new gazetteer, then the names added or retyped since), so workers match with the same ids.
 */
import type { EntityType } from '../service/entities/recognize';
import type { NameRow } from '../service/entities/entityTable';
import type { NameLookup } from '../service/entities/matcher';
import { Trie } from '../service/entities/trie';

export class NameList implements NameLookup {
	#trie = new Trie();
	#byKey = new Map<string, number>();
	#types = new Map<number, EntityType>();
	#gazetteer = new Set<number>();
	#spreads = new Set<number>();

	update(rows: readonly NameRow[], reset: boolean): void {
		if (reset) {
			this.#trie = new Trie();
			this.#byKey = new Map();
			this.#types = new Map();
			this.#gazetteer = new Set();
			this.#spreads = new Set();
		}
		for (const row of rows) {
			this.#types.set(row.id, row.type);
			if (row.gazetteer) { this.#gazetteer.add(row.id); }
			if (row.spreads) { this.#spreads.add(row.id); } else { this.#spreads.delete(row.id); }
			for (const key of row.keys) {
				if (this.#byKey.get(key) === row.id) { continue; }
				this.#byKey.set(key, row.id);
				// A one-character name is only ever where it was found (the server's table does the same).
				if (key.length >= 2 || row.gazetteer) { this.#trie.add(key, row.id); }
			}
		}
	}

	get size(): number { return this.#types.size; }
	trie(): Trie { return this.#trie; }
	idOfKey(key: string): number | undefined { return this.#byKey.get(key); }
	typeOfId(id: number): EntityType | undefined { return this.#types.get(id); }
	isGazetteerId(id: number): boolean { return this.#gazetteer.has(id); }
	spreadsId(id: number): boolean { return this.#spreads.has(id); }
}
