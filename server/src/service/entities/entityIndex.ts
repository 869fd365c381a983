/**
 * Where every entity is mentioned, file by file. Two tiers, because tagging is slow (about
 * 2 MB/s) and matching known names is fast: discovery (tag + rules) tells which strings are
 * names; a multi-pattern scan of every known name finds all their mentions in every file, in
 * either script. One file's change re-discovers and re-matches that file only; names that are
 * new to the corpus are handed back so the host can look for them in the other files.
 */
import type { Tagger } from '../types';
import { discover, Found } from './discovery';
import { Discovery, tallyFound } from './discoveryTally';
import { Entity, EntityTable } from './entityTable';
import { emptyGazetteer, Gazetteer } from './gazetteer';
import type { EntityType } from './recognize';
import { FileMatches, matchNames } from './matcher';

/** A mention in a file: zero-based line, UTF-16 column and length. */
export interface Mention {
	readonly line: number;
	readonly character: number;
	readonly length: number;
	readonly entity: Entity;
}

interface FileEntities {
	/** Names discovered in this file, one row per key and type (parallel arrays: a Map per file costs too much at 10k files). */
	readonly voteKeys: string[];
	readonly voteTypes: EntityType[];
	readonly voteCounts: number[];
	/** Spans the recognizer found (start, end pairs): the scan keeps them even where it would doubt a bare match. */
	found: Int32Array;
	/** Roles written before people here: key, role, key, role… */
	readonly roles: string[];
	/** Packed mentions: line, character, length, entity id. */
	mentions: Int32Array;
	/** Spellings that differ from their key (任賢良 for 任贤良): entity id → spellings. */
	variants: Map<number, Set<string>>;
	/** How often each known name is written here as a word: entity id, count, … */
	occurrences: Int32Array;
}

export class EntityIndex {
	#table: EntityTable;
	#gazetteer: Gazetteer = emptyGazetteer;
	readonly #files = new Map<string, FileEntities>();
	/** Files whose mentions were cleared by a new gazetteer and not matched since. */
	readonly #unmatched = new Set<string>();
	/** Bumped on every change; hover aggregates (roles, spellings) are cached per entity until it moves. */
	#version = 0;
	readonly #aggregates = new Map<number, { version: number; roles?: string[]; variants?: string[]; spelling?: string }>();

	constructor(readonly tagger: Tagger | undefined) {
		this.#table = new EntityTable(emptyGazetteer);
	}

	get table(): EntityTable { return this.#table; }
	/** Bumped on every change of mentions or names (what was derived from them is stale). */
	get version(): number { return this.#version; }
	get gazetteer(): Gazetteer { return this.#gazetteer; }
	get fileCount(): number { return this.#files.size; }
	has(uri: string): boolean { return this.#files.has(uri); }
	isUnmatched(uri: string): boolean { return this.#unmatched.has(uri); }

	/**
	 * Tier 1 for one file: records the names it introduces. Returns the names that are new to the
	 * corpus (the other files must be matched again to find them).
	 */
	discover(uri: string, text: string): Entity[] {
		return this.applyDiscovery(uri, this.tagger ? discover(text, this.tagger) : []);
	}

	/** Tier 1 results: the names found in the file. */
	applyDiscovery(uri: string, found: readonly Found[]): Entity[] {
		return this.applyTally(uri, tallyFound(found));
	}

	/** Tier 1 results tallied elsewhere (a worker tagged the file). */
	applyTally(uri: string, discovery: Discovery): Entity[] {
		this.#version++;
		this.#forgetVotes(uri);
		const { voteKeys, voteTypes, voteCounts, roles, spans } = discovery;
		const old = this.#files.get(uri);
		const file: FileEntities = {
			voteKeys, voteTypes, voteCounts, roles, found: spans,
			mentions: old?.mentions ?? new Int32Array(0), variants: old?.variants ?? new Map(), occurrences: old?.occurrences ?? new Int32Array(0),
		};
		this.#files.set(uri, file);
		return this.#applyVotes(uri, file);
	}

	/** Tier 2 for one file: every mention of every known name (discovered spans first). */
	match(uri: string, text: string): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		this.applyMatches(uri, matchNames(text, file.found, this.#table, this.tagger?.nameModel?.words));
	}

	/** Mentions matched elsewhere (a worker read the file) with the current table's ids. */
	applyMatches(uri: string, matches: FileMatches): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		this.#version++;
		this.#forgetMentions(uri, file);
		this.#unmatched.delete(uri);
		const m = matches.mentions;
		for (let i = 3; i < m.length; i += 4) {
			const e = this.#table.get(m[i]);
			if (e) { e.mentionFiles.set(uri, (e.mentionFiles.get(uri) ?? 0) + 1); e.mentionTotal++; }
		}
		const variants = new Map<number, Set<string>>();
		for (let i = 0; i < matches.variants.length; i += 2) {
			const id = matches.variants[i] as number;
			let set = variants.get(id);
			if (!set) { set = new Set(); variants.set(id, set); }
			set.add(matches.variants[i + 1] as string);
		}
		file.mentions = m;
		file.variants = variants;
		const o = matches.occurrences;
		for (let i = 0; i < o.length; i += 2) {
			const e = this.#table.get(o[i]);
			if (e) { e.occurrences += o[i + 1]; }
		}
		file.occurrences = o;
	}

	/** Spans the recognizer found in this file (start, end pairs), for a worker's matcher. */
	foundIn(uri: string): Int32Array { return this.#files.get(uri)?.found ?? new Int32Array(0); }

	/** Registers a file with no names discovered yet, so that its mentions of known names can be kept. */
	ensure(uri: string): void {
		if (!this.#files.has(uri)) {
			const none = new Int32Array(0);
			this.#files.set(uri, { voteKeys: [], voteTypes: [], voteCounts: [], roles: [], found: none, mentions: none, variants: new Map(), occurrences: none });
		}
	}

	/** Discover and match one file (an edited document, a changed file). */
	update(uri: string, text: string): Entity[] {
		const added = this.discover(uri, text);
		this.match(uri, text);
		return added;
	}

	remove(uri: string): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		this.#version++;
		this.#forgetMentions(uri, file);
		this.#forgetVotes(uri);
		this.#files.delete(uri);
		this.#unmatched.delete(uri);
	}

	/** A new gazetteer: a new table with every file's votes replayed. Every file must be matched again. */
	setGazetteer(gazetteer: Gazetteer): void {
		this.#version++;
		this.#gazetteer = gazetteer;
		this.#table = new EntityTable(gazetteer);
		for (const [uri, file] of this.#files) {
			file.mentions = new Int32Array(0);
			file.variants = new Map();
			file.occurrences = new Int32Array(0);
			this.#unmatched.add(uri);
			this.#applyVotes(uri, file);
		}
	}

	mentions(uri: string): Mention[] {
		const file = this.#files.get(uri);
		const out: Mention[] = [];
		if (!file) { return out; }
		const m = file.mentions;
		for (let i = 0; i < m.length; i += 4) {
			const entity = this.#table.get(m[i + 3]);
			if (entity) { out.push({ line: m[i], character: m[i + 1], length: m[i + 2], entity }); }
		}
		return out;
	}

	/** The mentions of one entity in one file (reads the packed array: no object per other mention). */
	mentionsOf(uri: string, e: Entity): Mention[] {
		const m = this.#files.get(uri)?.mentions;
		const out: Mention[] = [];
		if (!m) { return out; }
		for (let i = 3; i < m.length; i += 4) {
			if (m[i] === e.id) { out.push({ line: m[i - 3], character: m[i - 2], length: m[i - 1], entity: e }); }
		}
		return out;
	}

	/** Roles written before the entity's names in the files that discovered it, most frequent first. */
	roles(e: Entity): string[] {
		const cached = this.#aggregate(e);
		return cached.roles ??= this.#roles(e);
	}

	#aggregate(e: Entity): { version: number; roles?: string[]; variants?: string[]; spelling?: string } {
		let a = this.#aggregates.get(e.id);
		if (a?.version !== this.#version) {
			a = { version: this.#version };
			this.#aggregates.set(e.id, a);
		}
		return a;
	}

	#roles(e: Entity): string[] {
		const counts = new Map<string, number>();
		for (const uri of e.discoveredIn) {
			const roles = this.#files.get(uri)?.roles ?? [];
			for (let i = 0; i < roles.length; i += 2) {
				if (e.keys.has(roles[i])) { counts.set(roles[i + 1], (counts.get(roles[i + 1]) ?? 0) + 1); }
			}
		}
		return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([r]) => r);
	}

	/** How this file writes the entity when not as its key (林文華 for 林文华), if it does. */
	spellingIn(uri: string, e: Entity): string | undefined {
		const set = this.#files.get(uri)?.variants.get(e.id);
		return set && set.size > 0 ? [...set][0] : undefined;
	}

	/** The spelling most of the entity's files use (林文華 in a traditional corpus), else its name. */
	commonSpelling(e: Entity): string {
		const cached = this.#aggregate(e);
		return cached.spelling ??= this.#commonSpelling(e);
	}

	#commonSpelling(e: Entity): string {
		const files = new Map<string, number>();
		for (const uri of e.mentionFiles.keys()) {
			const written = this.#files.get(uri)?.variants.get(e.id);
			const spelling = written && written.size > 0 ? [...written][0] : e.name;
			files.set(spelling, (files.get(spelling) ?? 0) + 1);
		}
		let best = e.name, most = 0;
		for (const [spelling, n] of files) { if (n > most || (n === most && spelling === e.name)) { best = spelling; most = n; } }
		return best;
	}

	/** Spellings of the entity other than its keys, seen in its files. */
	variants(e: Entity): string[] {
		const cached = this.#aggregate(e);
		return cached.variants ??= this.#variants(e);
	}

	#variants(e: Entity): string[] {
		const set = new Set<string>();
		for (const uri of e.mentionFiles.keys()) { this.#files.get(uri)?.variants.get(e.id)?.forEach((v) => set.add(v)); }
		return [...set];
	}

	#applyVotes(uri: string, file: FileEntities): Entity[] {
		const added: Entity[] = [];
		file.voteKeys.forEach((key, i) => {
			const created = this.#table.addVote(key, file.voteTypes[i], uri, file.voteCounts[i]);
			if (created) { added.push(created); }
		});
		return added;
	}

	#forgetVotes(uri: string): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		file.voteKeys.forEach((key, i) => this.#table.removeVote(key, file.voteTypes[i], uri, file.voteCounts[i]));
		file.voteKeys.length = 0;
	}

	#forgetMentions(uri: string, file: FileEntities): void {
		const m = file.mentions;
		for (let i = 0; i < m.length; i += 4) {
			const e = this.#table.get(m[i + 3]);
			const n = e?.mentionFiles.get(uri);
			if (e && n !== undefined) { e.mentionFiles.delete(uri); e.mentionTotal -= n; }
		}
		const o = file.occurrences;
		for (let i = 0; i < o.length; i += 2) {
			const e = this.#table.get(o[i]);
			if (e) { e.occurrences -= o[i + 1]; }
		}
		file.occurrences = new Int32Array(0);
	}
}
