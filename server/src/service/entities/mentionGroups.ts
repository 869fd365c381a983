/**
 * One file's packed mentions grouped by entity, so that references, definition and rename read
 * only the mentions of the name asked about. References of a name with 7,500 mentions in 3,700
 * files read every mention of those files up to the name's last one to find them; with the
 * groups they read 7,500. Built from the mentions alone when a file's mentions are set, and
 * replaced with them: a file's change never touches another file's groups.
 */
import { unitsPerStep } from './resultSteps';

/**
 * Entity id, end, entity id, end, … by ascending id (the runs), then the mention numbers (a
 * mention's index among the packed mentions / 4) grouped by entity, in file order within a group:
 * an entity's mentions are the numbers from the end of the previous run to its end. One array,
 * so that a file costs references one object and one block of memory to read.
 */
export type MentionGroups = Int32Array;

export const noGroups: MentionGroups = new Int32Array(0);

/**
 * The groups of packed mentions (line, character, length, entity id, …) whose mentions per entity
 * are `counts` (mentionsPerEntityInSteps): work proportional to the mentions, in steps.
 */
export function* mentionGroupsInSteps(m: Int32Array, counts: ReadonlyMap<number, number>): Generator<void, MentionGroups> {
	const total = m.length / 4;
	if (total === 0) { return noGroups; }
	const ids = Int32Array.from(counts.keys()).sort();
	const runs = 2 * ids.length;
	const groups = new Int32Array(runs + total);
	/** Where each entity's next mention number goes. */
	const next = new Map<number, number>();
	let end = 0;
	for (let k = 0; k < ids.length; k++) {
		next.set(ids[k], runs + end);
		end += counts.get(ids[k])!;
		groups[2 * k] = ids[k];
		groups[2 * k + 1] = end;
		if (k % unitsPerStep === unitsPerStep - 1) { yield; }
	}
	yield;
	for (let from = 0; from < total; from += unitsPerStep) {
		const to = Math.min(total, from + unitsPerStep);
		for (let i = from; i < to; i++) {
			const id = m[4 * i + 3];
			const at = next.get(id)!;
			groups[at] = i;
			next.set(id, at + 1);
		}
		yield;
	}
	return groups;
}

/**
 * The run of entity `id` in `groups` of a file of `mentions` mentions (the runs are what precedes
 * the mention numbers), or -1 when the file does not mention it: a binary search of the runs.
 */
export function runOf(groups: MentionGroups, mentions: number, id: number): number {
	let lo = 0, hi = (groups.length - mentions) / 2 - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		const at = groups[2 * mid];
		if (at < id) { lo = mid + 1; } else if (at > id) { hi = mid - 1; } else { return mid; }
	}
	return -1;
}

/** Where a run's mention numbers start in `groups`. */
export function runStart(groups: MentionGroups, mentions: number, run: number): number {
	return groups.length - mentions + (run === 0 ? 0 : groups[2 * run - 1]);
}

/** Where a run's mention numbers end in `groups` (exclusive). */
export function runEnd(groups: MentionGroups, mentions: number, run: number): number {
	return groups.length - mentions + groups[2 * run + 1];
}
