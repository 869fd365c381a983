/**
 * One file's part of the entity index (entityIndex.ts) and the readers of its packed arrays:
 * they walk the typed arrays without making an object per mention of other entities.
 */
import type { Entity, EntityTable } from './entityTable';

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
	/** Spellings that differ from their key (任賢良 for 任贤良): entity id, spelling id, … (each pair once, in the order met). */
	variants: Int32Array;
	/** How often each known name is written here as a word: entity id, count, … */
	occurrences: Int32Array;
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

/** The mentions of one entity among packed mentions. */
export function mentionsOfEntity(m: Int32Array, e: Entity): Mention[] {
	const out: Mention[] = [];
	for (let i = 3; i < m.length; i += 4) {
		if (m[i] === e.id) { out.push({ line: m[i - 3], character: m[i - 2], length: m[i - 1], entity: e }); }
	}
	return out;
}

/** Makes a place of a mention: the caller's own location object (references make one per mention, nothing in between). */
export type MakeLocation<T> = (uri: string, line: number, character: number, length: number) => T;

/** Appends the entity's packed mentions to `out` as locations in `uri`. */
export function appendLocations<T>(uri: string, m: Int32Array, e: Entity, make: MakeLocation<T>, out: T[]): void {
	const id = e.id;
	for (let i = 3; i < m.length; i += 4) {
		if (m[i] === id) { out.push(make(uri, m[i - 3], m[i - 2], m[i - 1])); }
	}
}
