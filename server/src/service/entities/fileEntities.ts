/**
 * One file's part of the entity index (entityIndex.ts) and the readers of its packed arrays:
 * they walk the typed arrays without making an object per mention of other entities.
 */
import type { Entity, EntityTable } from './entityTable';
import { MentionGroups, runEnd, runOf, runStart } from './mentionGroups';

/** A mention in a file: zero-based line, UTF-16 column and length. */
export interface Mention {
	readonly line: number;
	readonly character: number;
	readonly length: number;
	readonly entity: Entity;
}

/**
 * One file's part of the index, in typed arrays: strings (keys, roles, spellings) as ids of the
 * index's `Strings`, so that 10,000 files do not each hold their own copies of the same names.
 */
export interface FileEntities {
	/** Names discovered in this file, one row per key and type: key id, type (index in entityTypes), count, … */
	votes: Int32Array;
	/** Spans the recognizer found (start, end pairs): the scan keeps them even where it would doubt a bare match. */
	readonly found: Int32Array;
	/** Roles written before people here: key id, role id, … */
	readonly roles: Int32Array;
	/** Packed mentions: line, character, length, entity id. */
	mentions: Int32Array;
	/** `mentions` grouped by entity (set with them): an entity's mentions without reading the others. */
	groups: MentionGroups;
	/** Spellings that differ from their key (任賢良 for 任贤良): entity id, spelling id, … (each pair once, in the order met). */
	variants: Int32Array;
	/** How often each known name is written here as a word: entity id, count, … */
	occurrences: Int32Array;
	/**
	 * Which of the index's writes set `votes` (and roles, spans), and which set `mentions` (and
	 * spellings, occurrences): a write applied in steps that began before either leaves it.
	 */
	votesWrite: number;
	mentionsWrite: number;
}

export const none = new Int32Array(0);

/** Every mention of packed mentions (line, character, length, entity id, …) whose entity the table still has. */
export function unpackMentions(m: Int32Array, table: EntityTable): Mention[] {
	const out: Mention[] = [];
	for (let i = 0; i < m.length; i += 4) {
		const entity = table.get(m[i + 3]);
		if (entity) { out.push({ line: m[i], character: m[i + 1], length: m[i + 2], entity }); }
	}
	return out;
}

/** The mentions of one entity among packed mentions, in file order (its group of them). */
export function mentionsOfEntity(m: Int32Array, groups: MentionGroups, e: Entity): Mention[] {
	const out: Mention[] = [];
	const n = m.length / 4, run = runOf(groups, n, e.id);
	if (run < 0) { return out; }
	for (let k = runStart(groups, n, run), end = runEnd(groups, n, run); k < end; k++) {
		const i = 4 * groups[k];
		out.push({ line: m[i], character: m[i + 1], length: m[i + 2], entity: e });
	}
	return out;
}

/** Makes a place of a mention: the caller's own location object (references make one per mention, nothing in between). */
export type MakeLocation<T> = (uri: string, line: number, character: number, length: number) => T;

/**
 * Appends the entity's packed mentions to `out` as locations in `uri`, in file order, at most
 * `count` of them (the file's count in the entity's file list, which its group holds exactly).
 */
export function appendLocations<T>(uri: string, m: Int32Array, groups: MentionGroups, e: Entity, count: number, make: MakeLocation<T>, out: T[]): void {
	const n = m.length / 4, run = runOf(groups, n, e.id);
	if (run < 0) { return; }
	const start = runStart(groups, n, run);
	for (let k = start, end = Math.min(runEnd(groups, n, run), start + count); k < end; k++) {
		const i = 4 * groups[k];
		out.push(make(uri, m[i], m[i + 1], m[i + 2]));
	}
}

/** What the aggregates of an entity over its files read from the index. */
export interface IndexedFiles {
	file(uri: string): FileEntities | undefined;
	/** A string (key, role, spelling) by its id. */
	string(id: number): string;
}

/** Roles written before the entity's names in the files that discovered it, most frequent first. */
export function rolesOf(e: Entity, files: IndexedFiles): string[] {
	const counts = new Map<string, number>();
	for (const uri of e.discoveredIn) {
		const roles = files.file(uri)?.roles ?? none;
		for (let i = 0; i < roles.length; i += 2) {
			if (e.keys.has(files.string(roles[i]))) {
				const role = files.string(roles[i + 1]);
				counts.set(role, (counts.get(role) ?? 0) + 1);
			}
		}
	}
	return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([r]) => r);
}

/** How the file writes the entity when not as its key, if it does. */
export function spellingOf(e: Entity, uri: string, files: IndexedFiles): string | undefined {
	const variants = files.file(uri)?.variants ?? none;
	for (let i = 0; i < variants.length; i += 2) { if (variants[i] === e.id) { return files.string(variants[i + 1]); } }
	return undefined;
}

/** The spelling most of the entity's files use, else its name. */
export function commonSpellingOf(e: Entity, files: IndexedFiles): string {
	const counts = new Map<string, number>();
	for (const uri of e.mentionFiles.keys()) {
		const spelling = spellingOf(e, uri, files) ?? e.name;
		counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
	}
	let best = e.name, most = 0;
	for (const [spelling, n] of counts) { if (n > most || (n === most && spelling === e.name)) { best = spelling; most = n; } }
	return best;
}

/** Spellings of the entity other than its keys, seen in its files. */
export function variantsOf(e: Entity, files: IndexedFiles): string[] {
	const set = new Set<string>();
	for (const uri of e.mentionFiles.keys()) {
		const variants = files.file(uri)?.variants ?? none;
		for (let i = 0; i < variants.length; i += 2) { if (variants[i] === e.id) { set.add(files.string(variants[i + 1])); } }
	}
	return [...set];
}
