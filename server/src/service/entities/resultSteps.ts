/**
 * A file's tagging and matching results taken apart for the entity index in steps (generators
 * that yield between units of work, driven by the host's slices). A 200 MB file's results hold
 * millions of mentions, spans and roles: taken apart in one piece they held the server's thread
 * about 390 ms. What these steps compute depends on the results alone (and on string ids, which
 * only ever grow); the index changes in its last step (entityIndex.ts).
 */
import type { Discovery } from './discoveryTally';
import { entityTypes } from './recognize';

/** Units of work (mentions, rows, strings) between two yields: well under a millisecond. */
export const unitsPerStep = 16_384;

/** Interns a string: its id in the index's string table. */
export type StringId = (s: string) => number;

/** How many mentions each entity id has among packed mentions (line, character, length, entity id, …), in the order met. */
export function* mentionsPerEntityInSteps(m: Int32Array): Generator<void, Map<number, number>> {
	const counts = new Map<number, number>();
	for (let from = 3; from < m.length; from += 4 * unitsPerStep) {
		const to = Math.min(m.length, from + 4 * unitsPerStep);
		for (let i = from; i < to; i += 4) { counts.set(m[i], (counts.get(m[i]) ?? 0) + 1); }
		yield;
	}
	return counts;
}

/** The discovery's vote rows as the index keeps them: key id, type (index in entityTypes), count, … */
export function* voteRowsInSteps(discovery: Discovery, id: StringId): Generator<void, Int32Array> {
	const { voteKeys, voteTypes, voteCounts } = discovery;
	const votes = new Int32Array(voteKeys.length * 3);
	for (let from = 0; from < voteKeys.length; from += unitsPerStep) {
		const to = Math.min(voteKeys.length, from + unitsPerStep);
		for (let i = from; i < to; i++) {
			votes[3 * i] = id(voteKeys[i]);
			votes[3 * i + 1] = entityTypes.indexOf(voteTypes[i]);
			votes[3 * i + 2] = voteCounts[i];
		}
		yield;
	}
	return votes;
}

/** Strings as their ids, in order. */
export function* stringIdsInSteps(strings: readonly string[], id: StringId): Generator<void, Int32Array> {
	const ids = new Int32Array(strings.length);
	for (let from = 0; from < strings.length; from += unitsPerStep) {
		const to = Math.min(strings.length, from + unitsPerStep);
		for (let i = from; i < to; i++) { ids[i] = id(strings[i]); }
		yield;
	}
	return ids;
}

/** Each index as `ids[index]`, in order. */
export function* mappedInSteps(indices: Int32Array, ids: Int32Array): Generator<void, Int32Array> {
	const out = new Int32Array(indices.length);
	for (let from = 0; from < indices.length; from += unitsPerStep) {
		const to = Math.min(indices.length, from + unitsPerStep);
		for (let i = from; i < to; i++) { out[i] = ids[indices[i]]; }
		yield;
	}
	return out;
}

/** A matcher's spellings (entity id, spelling, …) as entity id, spelling id pairs, each pair once, in the order met. */
export function* variantPairsInSteps(variants: readonly (number | string)[], id: StringId): Generator<void, Int32Array> {
	const pairs = new Set<string>();
	const out: number[] = [];
	for (let from = 0; from < variants.length; from += 2 * unitsPerStep) {
		const to = Math.min(variants.length, from + 2 * unitsPerStep);
		for (let i = from; i < to; i += 2) {
			const entity = variants[i] as number, spelling = variants[i + 1] as string;
			const pair = `${entity}\u0000${spelling}`;
			if (!pairs.has(pair)) { pairs.add(pair); out.push(entity, id(spelling)); }
		}
		yield;
	}
	return Int32Array.from(out);
}
