/**
 * The print index's chains laid out once for a run of queries of indexed files while the index
 * does not change: the first scan's checks query every file against the complete index. A query
 * looks each of the file's prints up in the hash table and walks its chain, one cache miss per
 * probe and per posting, most of them for prints no other file holds (91 % of the 10,000-file
 * bench's 1.75 M hashes): ≈ 2 s of the server thread's cold start, nearly all of it waiting on
 * memory. Here each file's prints are read in order (held alone, common, or a group), and a
 * group's postings side by side in the order the chain lists them oldest first.
 *
 * Built in steps from a scan of the table's slots (no probe per print) and valid only for the
 * index generation it was built from: any file set or removed makes it stale, and the queries go
 * back to the table (FingerprintIndex drops them).
 */
import type { PostingTable } from './postings';
import { stepWork } from './sharedRuns';

/** A print no other file holds (counts towards the file's prints, meets nobody): the empty group 0, what a new array holds. */
export const heldAlone = 0;
/** A print held by more files than the common limit (left out of the query). */
export const commonPrint = -1;

export class PrintGroups {
	constructor(
		/** Per file id: where its prints start in `groupOf` (-1: no file). */
		private readonly base: Int32Array,
		/** Per print of each file: its group, `heldAlone` or `commonPrint`. */
		private readonly groupOf: Int32Array,
		/** Per group (0: the empty one): where its postings start in `members`; one more at the end. */
		readonly starts: Int32Array,
		/** Postings as (file id, print index) pairs, each group's oldest first. */
		readonly members: Int32Array,
	) { }

	/** The group of print `print` of file `id` (or `heldAlone`, `commonPrint`). */
	groupAt(id: number, print: number): number { return this.groupOf[this.base[id] + print]; }
}

/** Int32 elements in a 4 KB memory page, and pages touched per step before the scan. */
const pageInts = 1024, pagesPerStep = 256;

/** Slots scanned between looks at the step's work (a step is about `stepWork` postings, or eight times as many empty slots). */
const slotsPerLook = 1024;

/**
 * Lays out `postings` for own queries with common limit `limit` (a print held more often is
 * common). `printCounts`: per file id, its number of prints (-1 for a free id). Yields every
 * `stepWork` slots; undefined when `stale` says the index or the table's layout changed meanwhile.
 */
export function* printGroupsInSteps(postings: PostingTable, printCounts: Int32Array, ids: number, limit: number, stale: () => boolean): Generator<void, PrintGroups | undefined> {
	const base = new Int32Array(ids).fill(-1);
	let total = 0;
	for (let id = 0; id < ids; id++) { if (printCounts[id] >= 0) { base[id] = total; total += printCounts[id]; } }
	const groupOf = new Int32Array(total);
	// Its pages touched in steps before the scan writes it at random. A fresh page costs ≈ 13 µs on
	// its first write on the bench machine (a VM), and the scan's first step met most of the
	// 10,000-file bench's 2,600 pages at once: 47–57 ms, the longest wait of a request during a cold start.
	for (let at = 0; at < total; at += pageInts * pagesPerStep) {
		for (let k = at, end = Math.min(total, at + pageInts * pagesPerStep); k < end; k += pageInts) { groupOf[k] = 0; }
		yield;
		if (stale()) { return undefined; }
	}
	// The groups' arrays sized by a first pass over the slots (in steps too), not grown by doubling:
	// a doubling copied the members so far into fresh pages within one step.
	const span = postings.slotSpan;
	// Work of the current step: slots looked at and postings walked (a common print's chain may hold thousands).
	let work = 0;
	/** Visits every live slot, a step at a time; false when the index went stale between steps. */
	function* scanInSteps(visit: (n: number, head: number) => void): Generator<void, boolean> {
		for (let from = 0; from < span; from += slotsPerLook) {
			postings.scanSlots(from, Math.min(span, from + slotsPerLook), visit);
			work += slotsPerLook / 8;
			if (work >= stepWork) {
				work = 0;
				yield;
				if (stale()) { return false; }
			}
		}
		return true;
	}
	let groups = 0, grouped = 0;
	if (!(yield* scanInSteps((n) => { if (n > 1 && n <= limit) { groups++; grouped += n; } }))) { return undefined; }
	const starts = new Int32Array(groups + 2);
	const members = new Int32Array(2 * grouped);
	let group = 1, written = 0;
	const visit = (n: number, head: number): void => {
		if (n === 1) { return; }
		work += n;
		if (n > limit) {
			for (let p = head; p >= 0; p = postings.next(p)) { groupOf[base[postings.file(p)] + postings.print(p)] = commonPrint; }
			return;
		}
		starts[group] = written;
		// The chain lists its postings newest first: written backwards, the group reads oldest first.
		let at = written + 2 * n;
		written = at;
		for (let p = head; p >= 0; p = postings.next(p)) {
			const file = postings.file(p), print = postings.print(p);
			members[--at] = print;
			members[--at] = file;
			groupOf[base[file] + print] = group;
		}
		group++;
	};
	if (!(yield* scanInSteps(visit))) { return undefined; }
	// The two passes met the same table (else it is stale): each group where the count put it.
	if (group !== groups + 1 || written !== members.length) { return undefined; }
	starts[group] = written;
	return new PrintGroups(base, groupOf, starts, members);
}
