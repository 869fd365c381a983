/**
 * The corpus's entities: one per name key (the name folded to simplified, so 任賢良 and 任贤良
 * are one), or one per gazetteer entry with all its aliases. Types are voted by the files that
 * discovered the name; a name no file discovers any more, and no gazetteer lists, is dropped.
 * A changed gazetteer makes a new table (the index replays every file's votes into it).
 */
import type { Gazetteer, GazetteerEntry } from './gazetteer';
import type { EntityType } from './recognize';
import { Trie } from './trie';
import { foldText } from './discovery';
import type { NameLookup } from './matcher';
import { FileCounts, FileIds, FileSet } from './fileLists';
import { ShardedMap } from '../shardedMap';

export interface Entity {
	readonly id: number;
	/** The canonical name: the gazetteer's, else the simplified key. */
	readonly name: string;
	readonly keys: ReadonlySet<string>;
	readonly gazetteer?: GazetteerEntry;
	/** Discovered type votes (key → type → files). */
	readonly votes: Map<EntityType, number>;
	/** Files whose recognizer found the name (for roles). */
	readonly discoveredIn: FileSet;
	/** Files with at least one mention → how many. */
	readonly mentionFiles: FileCounts;
	/** The sum of `mentionFiles`, kept in step with it. */
	mentionTotal: number;
	/** How often a key is written as a word of its own in the matched files, found by the recognizer or not. */
	occurrences: number;
	alive: boolean;
}

/** A known name as a worker's matcher holds it. */
export interface NameRow {
	readonly id: number;
	readonly keys: readonly string[];
	readonly type: EntityType;
	readonly gazetteer: boolean;
	/** Matched where the recognizer did not find it (EntityTable.spreads). */
	readonly spreads: boolean;
}

/** Keys the matcher looks for: a one-character name (中 in 中美) is only ever where it was found. */
const isMatched = (key: string, e: { readonly gazetteer?: GazetteerEntry }): boolean => key.length >= 2 || e.gazetteer !== undefined;

/** Below this share of its occurrences found by the recognizer, a string is not a name (普惠 tagged once in forty). */
const minFoundShare = 0.5;

export class EntityTable implements NameLookup {
	readonly #byKey = new ShardedMap<Entity>();
	readonly #all: Entity[] = [];
	readonly #ignore: ReadonlySet<string>;
	#trie: Trie | undefined;
	/** Bumped whenever an entity is added or dropped (caches built over the table check it). */
	#generation = 0;

	/** Gazetteer entries are entities from the start; a discovered name joins the entry listing it (name or alias). `files`: the index's file ids. */
	constructor(gazetteer: Gazetteer, private readonly files = new FileIds()) {
		this.#ignore = new Set(gazetteer.ignoreKeys ?? gazetteer.ignore.map(foldText));
		for (const entry of gazetteer.entries) {
			// Keys folded already when a worker parsed the file.
			const all = entry.keys ?? [entry.name, ...entry.aliases].map(foldText);
			const keys = all.filter((k) => !this.#byKey.has(k));
			if (keys.length > 0) { this.#create(all[0], keys, entry); }
		}
	}

	get generation(): number { return this.#generation; }

	get(id: number): Entity | undefined {
		const e = this.#all[id];
		return e?.alive ? e : undefined;
	}

	byKey(key: string): Entity | undefined { return this.#byKey.get(key); }

	*live(): Generator<Entity> { for (const e of this.#all) { if (e.alive) { yield e; } } }

	typeOf(e: Entity): EntityType {
		if (e.gazetteer) { return e.gazetteer.type; }
		let best: EntityType = 'organization';
		let most = -1;
		for (const [type, n] of e.votes) { if (n > most) { best = type; most = n; } }
		return best;
	}

	isIgnored(key: string): boolean { return this.#ignore.has(key); }

	idOfKey(key: string): number | undefined { return this.#byKey.get(key)?.id; }

	typeOfId(id: number): EntityType | undefined {
		const e = this.get(id);
		return e ? this.typeOf(e) : undefined;
	}

	isGazetteerId(id: number): boolean { return this.#all[id]?.gazetteer !== undefined; }

	spreadsId(id: number): boolean {
		const e = this.get(id);
		return e !== undefined && this.spreads(e);
	}

	/** How many times the recognizer found the entity's names in the corpus. */
	foundCount(e: Entity): number {
		let n = 0;
		for (const v of e.votes.values()) { n += v; }
		return n;
	}

	/**
	 * Whether the entity is a name: in the gazetteer, or found by the recognizer in at least
	 * half of the places where it is written as a word of its own.
	 */
	isName(e: Entity): boolean {
		return e.gazetteer !== undefined || e.occurrences === 0 || this.foundCount(e) >= minFoundShare * e.occurrences;
	}

	/**
	 * Whether the entity is matched where the recognizer did not find it: a name of two
	 * characters or more, listed in the gazetteer or found at least twice, and a name (`isName`).
	 * A one-character name or work (中, 《家》) is a mention where it was found, nowhere else.
	 */
	spreads(e: Entity): boolean {
		if (e.gazetteer) { return true; }
		for (const key of e.keys) { if (key.length < 2) { return false; } }
		return this.foundCount(e) >= 2 && this.isName(e);
	}

	/** Every live entity as the workers' matchers need it. */
	*rows(): Generator<NameRow> {
		for (const e of this.live()) { yield this.row(e); }
	}

	row(e: Entity): NameRow {
		return { id: e.id, keys: [...e.keys], type: this.typeOf(e), gazetteer: e.gazetteer !== undefined, spreads: this.spreads(e) };
	}

	/** A file discovered `key` as `type` `n` times; returns the entity when the name is new to the corpus. */
	addVote(key: string, type: EntityType, uri: string, n: number): Entity | undefined {
		if (this.#ignore.has(key)) { return undefined; }
		let e = this.#byKey.get(key);
		const created = !e;
		e ??= this.#create(key, [key]);
		e.votes.set(type, (e.votes.get(type) ?? 0) + n);
		e.discoveredIn.add(uri);
		return created ? e : undefined;
	}

	removeVote(key: string, type: EntityType, uri: string, n: number): void {
		const e = this.#byKey.get(key);
		if (!e) { return; }
		const left = (e.votes.get(type) ?? 0) - n;
		if (left > 0) { e.votes.set(type, left); } else { e.votes.delete(type); }
		e.discoveredIn.delete(uri);
		if (e.votes.size === 0 && !e.gazetteer) { this.#drop(e); }
	}

	/** A matcher of every live key (value: entity id). */
	trie(): Trie {
		if (this.#trie) { return this.#trie; }
		const trie = new Trie();
		for (const e of this.live()) { for (const key of e.keys) { if (isMatched(key, e)) { trie.add(key, e.id); } } }
		return this.#trie = trie;
	}

	#create(name: string, keys: string[], gazetteer?: GazetteerEntry): Entity {
		const e: Entity = {
			id: this.#all.length, name: gazetteer?.name ?? name, keys: new Set(keys), gazetteer,
			votes: new Map(), discoveredIn: new FileSet(this.files), mentionFiles: new FileCounts(this.files), mentionTotal: 0, occurrences: 0, alive: true,
		};
		this.#all.push(e);
		this.#generation++;
		for (const key of keys) { this.#byKey.set(key, e); }
		// Adding to a built trie is cheap; removing is not (dropped ids are skipped until the next rebuild).
		if (this.#trie) { for (const key of keys) { if (isMatched(key, e)) { this.#trie.add(key, e.id); } } }
		return e;
	}

	#drop(e: Entity): void {
		e.alive = false;
		this.#generation++;
		for (const key of e.keys) { if (this.#byKey.get(key) === e) { this.#byKey.delete(key); } }
	}
}
