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
import { entityTypes } from './recognize';
import {
	appendLocations, commonSpellingOf, FileEntities, IndexedFiles, MakeLocation, Mention, mentionsOfEntity, none, rolesOf, spellingOf, unpackMentions, variantsOf,
} from './fileEntities';
import { FileIds, Strings } from './fileLists';
import { mentionGroupsInSteps, noGroups } from './mentionGroups';
import { AggregateCache, Aggregates } from './aggregateCache';
import { FileMatches, matchNames } from './matcher';
import { mappedInSteps, mentionsPerEntityInSteps, stringIdsInSteps, variantPairsInSteps, voteRowsInSteps } from './resultSteps';
import { finish } from '../steps';

export type { Mention } from './fileEntities';

export class EntityIndex {
	#table: EntityTable;
	#gazetteer: Gazetteer = emptyGazetteer;
	/** Files as small integers in the entities' file lists; strings of the files' rows as ids. */
	readonly #fileIds = new FileIds();
	readonly #strings = new Strings();
	readonly #files = new Map<string, FileEntities>();
	/**
	 * The same files by file id: references walk an entity's file list (ids) and find each file
	 * here, not by hashing its URI in `#files` (≈ 40 % of references' time in a profile of bench/references.ts).
	 */
	readonly #byFileId: (FileEntities | undefined)[] = [];
	/** Files whose mentions were cleared by a new gazetteer and not matched since. */
	readonly #unmatched = new Set<string>();
	/** Writes of a file's names or mentions begun, in order (`FileEntities.votesWrite`). */
	#writes = 0;
	/** Bumped on every change; hover aggregates (roles, spellings) are cached per entity until it moves. */
	#version = 0;
	readonly #aggregates = new AggregateCache();

	constructor(readonly tagger: Tagger | undefined) {
		this.#table = new EntityTable(emptyGazetteer, this.#fileIds);
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
		this.ensure(uri);
		return finish(this.applyTallyInSteps(uri, discovery)) ?? [];
	}

	/**
	 * `applyTally` in steps (a large file's results: resultSteps.ts) for a file in the index
	 * (`ensure`). The index changes in the last step, in work proportional to the file's distinct
	 * names; not at all (undefined) when the file is not in the index, was removed meanwhile or its
	 * names were set by a write begun later (that write stands, as it would had this one been
	 * applied at once).
	 */
	*applyTallyInSteps(uri: string, discovery: Discovery): Generator<void, Entity[] | undefined> {
		if (!this.#files.has(uri)) { return undefined; }
		const write = ++this.#writes;
		const id = (s: string) => this.#strings.id(s);
		const votes = yield* voteRowsInSteps(discovery, id);
		const roles = yield* mappedInSteps(discovery.roles, yield* stringIdsInSteps(discovery.roleStrings, id));
		const old = this.#files.get(uri);
		if (!old || old.votesWrite > write) { return undefined; }
		this.#version++;
		this.#forgetVotes(uri);
		const file: FileEntities = {
			votes, roles, found: discovery.spans,
			mentions: old.mentions, groups: old.groups, variants: old.variants, occurrences: old.occurrences,
			votesWrite: write, mentionsWrite: old.mentionsWrite,
		};
		this.#files.set(uri, file);
		this.#byFileId[this.#fileIds.id(uri)] = file;
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
		finish(this.applyMatchesInSteps(uri, matches));
	}

	/**
	 * `applyMatches` in steps. The index changes in the last step, in work proportional to the
	 * entities named (in the file before and now); not at all when the file was removed meanwhile,
	 * its mentions were set by a write begun later, or a new gazetteer made a new table (the ids
	 * are the old table's; the file is matched again).
	 */
	*applyMatchesInSteps(uri: string, matches: FileMatches): Generator<void, void> {
		const before = this.#files.get(uri);
		if (!before) { return; }
		const write = ++this.#writes;
		const table = this.#table;
		const id = (s: string) => this.#strings.id(s);
		// Counted per entity first: an entity's file list is touched once per file, not per mention.
		const counts = yield* mentionsPerEntityInSteps(matches.mentions);
		const groups = yield* mentionGroupsInSteps(matches.mentions, counts);
		const variants = yield* variantPairsInSteps(matches.variants, id);
		const oldMentions = before.mentions;
		const oldIds = yield* mentionsPerEntityInSteps(oldMentions);
		const file = this.#files.get(uri);
		if (!file || file.mentionsWrite > write || this.#table !== table) { return; }
		this.#version++;
		this.#forgetMentions(uri, file, file.mentions === oldMentions ? oldIds.keys() : undefined);
		this.#unmatched.delete(uri);
		for (const [entity, n] of counts) {
			const e = this.#table.get(entity);
			if (e) { e.mentionFiles.set(uri, (e.mentionFiles.get(uri) ?? 0) + n); e.mentionTotal += n; }
		}
		file.mentions = matches.mentions;
		file.groups = groups;
		file.variants = variants;
		const o = matches.occurrences;
		for (let i = 0; i < o.length; i += 2) {
			const e = this.#table.get(o[i]);
			if (e) { e.occurrences += o[i + 1]; }
		}
		file.occurrences = o;
		file.mentionsWrite = write;
	}

	/** Spans the recognizer found in this file (start, end pairs), for a worker's matcher. */
	foundIn(uri: string): Int32Array { return this.#files.get(uri)?.found ?? new Int32Array(0); }

	/** Registers a file with no names discovered yet, so that its mentions of known names can be kept. */
	ensure(uri: string): void {
		if (!this.#files.has(uri)) {
			const write = ++this.#writes;
			const file: FileEntities = { votes: none, roles: none, found: none, mentions: none, groups: noGroups, variants: none, occurrences: none, votesWrite: write, mentionsWrite: write };
			this.#files.set(uri, file);
			this.#byFileId[this.#fileIds.id(uri)] = file;
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
		const id = this.#fileIds.idOf(uri);
		if (id !== undefined) { this.#byFileId[id] = undefined; }
		this.#fileIds.release(uri);
	}

	/** A new gazetteer: a new table with every file's votes replayed. Every file must be matched again. */
	setGazetteer(gazetteer: Gazetteer): void {
		this.#version++;
		this.#gazetteer = gazetteer;
		this.#table = new EntityTable(gazetteer, this.#fileIds);
		for (const [uri, file] of this.#files) {
			file.mentions = none;
			file.groups = noGroups;
			file.variants = none;
			file.occurrences = none;
			this.#unmatched.add(uri);
			this.#applyVotes(uri, file);
		}
	}

	/** The file's mentions as stored (line, character, length, entity id, …; an entity may have been dropped since). */
	packedMentions(uri: string): Int32Array { return this.#files.get(uri)?.mentions ?? none; }

	mentions(uri: string): Mention[] {
		return unpackMentions(this.#files.get(uri)?.mentions ?? none, this.#table);
	}

	/** The mentions of one entity in one file (reads its group of the packed mentions: nothing of the other mentions). */
	mentionsOf(uri: string, e: Entity): Mention[] {
		const file = this.#files.get(uri);
		return file ? mentionsOfEntity(file.mentions, file.groups, e) : [];
	}

	/**
	 * Every mention of the entity as a location made by `make` (files in URI order, each file's in
	 * file order): only the entity's group of each of its files' mentions is read, and no object is
	 * made in between.
	 */
	locationsOf<T>(e: Entity, make: MakeLocation<T>): T[] {
		const out: T[] = [];
		const { ids, counts } = e.mentionFiles.idsInUriOrder();
		for (let i = 0; i < ids.length; i++) {
			const file = this.#byFileId[ids[i]];
			if (file) { appendLocations(this.#fileIds.uri(ids[i]), file.mentions, file.groups, e, counts[i], make, out); }
		}
		return out;
	}

	/** Roles written before the entity's names in the files that discovered it, most frequent first. */
	roles(e: Entity): string[] {
		const cached = this.#aggregate(e);
		return cached.roles ??= rolesOf(e, this.#read);
	}

	#aggregate(e: Entity): Aggregates { return this.#aggregates.of(e.id, this.#version); }

	/** How this file writes the entity when not as its key (林文華 for 林文华), if it does. */
	spellingIn(uri: string, e: Entity): string | undefined { return spellingOf(e, uri, this.#read); }

	/** The spelling most of the entity's files use (林文華 in a traditional corpus), else its name. */
	commonSpelling(e: Entity): string {
		const cached = this.#aggregate(e);
		return cached.spelling ??= commonSpellingOf(e, this.#read);
	}

	/** Spellings of the entity other than its keys, seen in its files. */
	variants(e: Entity): string[] {
		const cached = this.#aggregate(e);
		return cached.variants ??= variantsOf(e, this.#read);
	}

	readonly #read: IndexedFiles = { file: (uri) => this.#files.get(uri), string: (id) => this.#strings.get(id) };

	#applyVotes(uri: string, file: FileEntities): Entity[] {
		const added: Entity[] = [];
		const v = file.votes;
		for (let i = 0; i < v.length; i += 3) {
			const created = this.#table.addVote(this.#strings.get(v[i]), entityTypes[v[i + 1]], uri, v[i + 2]);
			if (created) { added.push(created); }
		}
		return added;
	}

	#forgetVotes(uri: string): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		const v = file.votes;
		for (let i = 0; i < v.length; i += 3) { this.#table.removeVote(this.#strings.get(v[i]), entityTypes[v[i + 1]], uri, v[i + 2]); }
		file.votes = none;
	}

	/** `named`: the entities the file's mentions name, when known (counted in steps). */
	#forgetMentions(uri: string, file: FileEntities, named?: Iterable<number>): void {
		let ids = named;
		if (!ids) {
			const m = file.mentions;
			const set = new Set<number>();
			for (let i = 3; i < m.length; i += 4) { set.add(m[i]); }
			ids = set;
		}
		for (const id of ids) {
			const e = this.#table.get(id);
			const n = e?.mentionFiles.get(uri);
			if (e && n !== undefined) { e.mentionFiles.delete(uri); e.mentionTotal -= n; }
		}
		const o = file.occurrences;
		for (let i = 0; i < o.length; i += 2) {
			const e = this.#table.get(o[i]);
			if (e) { e.occurrences -= o[i + 1]; }
		}
		file.occurrences = none;
	}
}
