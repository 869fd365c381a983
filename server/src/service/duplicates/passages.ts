/**
 * The corpus-wide fingerprint index behind duplicate.document: which other files share
 * fingerprints with a text, how many (for a resemblance estimate) and where (runs of shared prints
 * at a constant offset are shared passages, located in both files). Updated one file at a time.
 */
import { Fingerprints, shingle } from './fingerprints';
import { PostingTable } from './postings';
import { grown, releaseHits, takeHits } from './queryHits';
import { commonPrint, heldAlone, PrintGroups, printGroupsInSteps } from './printGroups';
import { holdsRunInSteps, minPrints, passagesInSteps, stepWork } from './sharedRuns';
import { finish } from '../steps';

export interface Position { readonly line: number; readonly character: number }

/**
 * One file's prints as the index keeps them: computed from the text once (in a worker for
 * closed files), then queried without the text. Typed arrays only, so it crosses threads cheaply.
 */
export interface FilePrints {
	/** Per print: position in the significant-character sequence, and its document range. */
	readonly positions: Int32Array;
	readonly starts: Int32Array;
	readonly ends: Int32Array;
	readonly hashes: Uint32Array;
	/** Offsets of line starts, to turn offsets into positions without the text. */
	readonly lineStarts: Int32Array;
}

export interface SharedPassage {
	/** Range in the queried text. */
	readonly start: number;
	readonly end: number;
	/** The same passage in the other file. */
	readonly other: { readonly start: Position; readonly end: Position };
	/** UTF-16 length of the passage in the queried text (a lower bound: prints sit inside it). */
	readonly length: number;
}

export interface SharedFile {
	readonly uri: string;
	/** Resemblance of the two print sets: shared / union. */
	readonly similarity: number;
	readonly passages: readonly SharedPassage[];
}

const fileBits = 2 ** 22;

/**
 * A print held by more files than this is template text (a site's header block, a copyright
 * notice), which the boilerplate rules report: it is left out of duplicate detection, as
 * plagiarism detectors drop their most common k-grams. 0.5 % of the corpus, within 20–100
 * files, so a query stays bounded however large the corpus (measured on the 10,000-file bench:
 * 1.8 s of queries at 50, 3.6 s at 100, for 2 % more pairs found). A text copied into more
 * files than that is not reported as a duplicate.
 */
export function commonPrintLimit(files: number): number {
	return Math.min(100, Math.max(20, Math.ceil(files * 0.005)));
}

/** A file's prints with their document ranges and line starts. */
export function filePrints(text: string, fp: Fingerprints): FilePrints {
	const n = Math.min(fp.hashes.length, fileBits - 1);
	const starts = new Int32Array(n);
	const ends = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		starts[i] = fp.offsets[fp.positions[i]];
		ends[i] = fp.offsets[fp.positions[i] + shingle - 1] + 1;
	}
	const lineStarts = [0];
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { lineStarts.push(i + 1); }
	}
	return { positions: fp.positions.slice(0, n), starts, ends, hashes: fp.hashes.slice(0, n), lineStarts: Int32Array.from(lineStarts) };
}

export class FingerprintIndex {
	readonly #files: ({ readonly uri: string; readonly prints: FilePrints } | undefined)[] = [];
	/** Per file id: its number of prints, -1 when the id is free. A query meets hundreds of files per text and decides on most from this alone, without reading their entries. */
	#printCounts: Int32Array = new Int32Array(1024).fill(-1);
	readonly #ids = new Map<string, number>();
	/** Ids freed by removed files, reused so that the id space stays as large as the corpus. */
	readonly #free: number[] = [];
	/** Print hash → (file id, print index) postings, in typed arrays (see postings.ts). */
	readonly #postings: PostingTable;
	/** A chain walked in insertion order: read into this (common prints are skipped before it fills). */
	#chain = new Int32Array(128);
	/** Bumped when a file is set or removed. */
	#generation = 0;
	/** The chains laid out for queries of indexed files, while the generation is theirs (printGroups.ts). */
	#groups: PrintGroups | undefined;

	constructor(postings = new PostingTable()) { this.#postings = postings; }

	set(uri: string, prints: FilePrints): void {
		this.remove(uri);
		this.#generation++;
		this.#groups = undefined;
		const id = this.#free.pop() ?? this.#files.length;
		this.#files[id] = { uri, prints };
		if (id >= this.#printCounts.length) { this.#printCounts = grown(this.#printCounts, 2 * id + 1).fill(-1, this.#printCounts.length); }
		this.#printCounts[id] = prints.hashes.length;
		this.#ids.set(uri, id);
		const hashes = prints.hashes;
		for (let i = 0; i < hashes.length; i++) { this.#postings.add(hashes[i], id, i); }
	}

	remove(uri: string): void {
		const id = this.#ids.get(uri);
		if (id === undefined) { return; }
		this.#generation++;
		this.#groups = undefined;
		const entry = this.#files[id]!;
		// Each hash once, told how many postings the file has under it: removeFile walks the hash's
		// chain up to the file's last one, and a large document repeats its prints (a 1 MB
		// document's 26,000 prints are 6,000 hashes of chains up to thousands long: 500 ms when each
		// print walked its whole chain). In the file's order: neighbouring prints' postings were added together.
		const counts = new Map<number, number>();
		for (const h of entry.prints.hashes) { counts.set(h, (counts.get(h) ?? 0) + 1); }
		for (const [h, n] of counts) { this.#postings.removeFile(h, id, n); }
		this.#files[id] = undefined;
		this.#ids.delete(uri);
		this.#free.push(id);
		this.#printCounts[id] = -1;
	}

	/**
	 * Lays the chains out for a run of queries of indexed files (the first scan's checks), in
	 * steps; kept until a file is set or removed, or `releaseGroups`.
	 */
	*prepareGroupsInSteps(): Generator<void, void> {
		const generation = this.#generation, moves = this.#postings.moves;
		const limit = commonPrintLimit(this.#ids.size) + 1;
		const stale = () => this.#generation !== generation || this.#postings.moves !== moves;
		const groups = yield* printGroupsInSteps(this.#postings, this.#printCounts, this.#files.length, limit, stale);
		if (groups && !stale()) { this.#groups = groups; }
	}

	releaseGroups(): void { this.#groups = undefined; }
	/** Lets go of the table the postings made ahead of their next growth (PostingTable.releaseSpare). */
	releaseSpare(): void { this.#postings.releaseSpare(); }
	get groupsLaidOut(): boolean { return this.#groups !== undefined; }

	/** The prints the index holds for a file. */
	printsOf(uri: string): FilePrints | undefined {
		const id = this.#ids.get(uri);
		return id === undefined ? undefined : this.#files[id]?.prints;
	}

	/**
	 * The postings of `hash` in the order they were added, into `this.#chain`; returns how many,
	 * or -1 when there are more than `max` (a common print). With `ownPrint` (a print of the
	 * queried file's own indexed prints), a print held once is the file's alone: none.
	 */
	#postingsOf(hash: number, max: number, ownPrint = false): number {
		const postings = this.#postings;
		const slot = postings.slotOf(hash);
		if (slot < 0) { return 0; }
		const n = postings.countAt(slot);
		if (n > max) { return -1; }
		if (n === 1 && ownPrint) { return 0; }
		if (this.#chain.length < n) { this.#chain = new Int32Array(n); }
		let k = 0;
		for (let p = postings.headAt(slot); p >= 0; p = postings.next(p)) { this.#chain[k++] = p; }
		return n;
	}

	/** URIs of the other files holding any of these prints (the files whose shared passages change with this file). */
	holders(uri: string, prints: FilePrints): Set<string> {
		return finish(this.holdersInSteps(uri, prints));
	}

	/** `holders` in steps of about `stepWork` prints and postings looked at (a 1 MB document: 26,000 prints). */
	*holdersInSteps(uri: string, prints: FilePrints): Generator<void, Set<string>> {
		const out = new Set<string>();
		const limit = commonPrintLimit(this.#ids.size);
		const postings = this.#postings;
		// A print the file repeats has no holders the first time did not add.
		const seen = new Set<number>();
		let work = 0;
		for (const h of prints.hashes) {
			if (work >= stepWork) { work = 0; yield; }
			work++;
			if (seen.has(h)) { continue; }
			seen.add(h);
			// A common print that just became (or stopped being) common changes little: its holders are template pages.
			const n = this.#postingsOf(h, limit + 1);
			work += Math.max(0, n);
			for (let k = n - 1; k >= 0; k--) {
				const other = this.#files[postings.file(this.#chain[k])];
				if (other && other.uri !== uri) { out.add(other.uri); }
			}
		}
		return out;
	}

	/** Prints of a file that are not common (see commonPrintLimit). */
	#informative(prints: FilePrints, limit: number): number {
		let n = 0;
		for (const h of prints.hashes) {
			if (this.#postings.count(h) <= limit) { n++; }
		}
		return n;
	}

	/**
	 * Other files sharing prints with `prints` (those of `uri`), with their shared passages. With
	 * `relevant`, only files at least that similar or sharing a passage at least that long (and
	 * only such passages): the rest costs time and memory for nothing.
	 */
	query(uri: string, prints: FilePrints, relevant?: { readonly similarity: number; readonly passage: number }): SharedFile[] {
		return finish(this.queryInSteps(uri, prints, relevant));
	}

	/**
	 * `query` in steps: yields after every `stepWork` prints and postings looked at, and within a
	 * file's shared prints, so that a host holding a large document's query on its only thread can
	 * let other work run between. A step is bounded by work, not by prints or files: a document
	 * repeating itself, or sharing everything with another large document, has many postings per
	 * print and one file with hundreds of thousands of shared prints (steps of 10–30 ms here).
	 */
	*queryInSteps(uri: string, prints: FilePrints, relevant?: { readonly similarity: number; readonly passage: number }): Generator<void, SharedFile[]> {
		const self = this.#ids.get(uri);
		const limit = commonPrintLimit(this.#ids.size);
		const hits = takeHits();
		try {
			const hashes = prints.hashes;
			const postings = this.#postings;
			let mine = 0;
			let work = 0;
			// The file's own indexed prints: a print held once is held by the file alone (checked again after every step).
			let own = self !== undefined && this.#files[self]?.prints === prints;
			let groups = own ? this.#groups : undefined;
			for (let i = 0; i < hashes.length; i++) {
				if (work >= stepWork) { work = 0; yield; own = self !== undefined && this.#files[self]?.prints === prints; groups = own ? this.#groups : undefined; }
				if (groups) {
					// The same postings in the same order as the table's chain, read side by side.
					const group = groups.groupAt(self!, i);
					work++;
					if (group === commonPrint) { continue; }
					mine++;
					if (group === heldAlone) { continue; }
					const members = groups.members, end = groups.starts[group + 1];
					work += (end - groups.starts[group]) / 2;
					for (let k = groups.starts[group]; k < end; k += 2) {
						if (members[k] !== self) { hits.add(members[k], i, members[k + 1]); }
					}
					continue;
				}
				// The queried file may hold the print too: one more than the limit is still not common.
				const n = this.#postingsOf(hashes[i], limit + (self === undefined ? 0 : 1), own);
				work += 1 + Math.max(0, n);
				if (n < 0) { continue; }
				mine++;
				for (let k = n - 1; k >= 0; k--) {
					const id = postings.file(this.#chain[k]);
					if (id !== self) { hits.add(id, i, postings.print(this.#chain[k])); }
				}
			}
			hits.group();
			const out: SharedFile[] = [];
			const need = relevant ? minPrints(relevant.passage) : 0;
			work = 0;
			for (let f = 0; f < hits.files; f++) {
				const pairs = hits.pairsOf(f);
				work += 1 + pairs.length / 2;
				if (work >= stepWork) { work = 0; yield; }
				// Between steps the file may have left the index (a snapshot taken meanwhile is stale and taken again).
				const id = hits.fileAt(f);
				const count = this.#printCounts[id];
				if (count < 0) { continue; }
				let shared = 0;
				for (let k = 0; k < pairs.length; k += 2) { if (k === 0 || pairs[k] !== pairs[k - 2]) { shared++; } }
				// Resemblance over the prints that are not common; the other file's count only when it can matter.
				const theirs = shared >= 0.75 * mine ? this.#informative(this.#files[id]!.prints, limit) : count;
				const similarity = shared / Math.max(1, mine + theirs - shared);
				if (!relevant) {
					const other = this.#files[id]!;
					out.push({ uri: other.uri, similarity, passages: yield* passagesInSteps(prints, other.prints, pairs) });
				} else if (similarity >= relevant.similarity) {
					out.push({ uri: this.#files[id]!.uri, similarity, passages: [] });
				} else if (shared >= need) {
					const other = this.#files[id]!;
					if (!(yield* holdsRunInSteps(prints, other.prints, pairs, need))) { continue; }
					const passages = (yield* passagesInSteps(prints, other.prints, pairs)).filter((p) => p.length >= relevant.passage);
					if (passages.length > 0) { out.push({ uri: other.uri, similarity, passages }); }
				}
			}
			return out;
		} finally {
			// Also when left between steps (returned early); a query dropped unfinished leaves its scratch to the collector.
			releaseHits(hits);
		}
	}
}
