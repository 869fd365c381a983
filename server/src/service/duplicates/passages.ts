/**
 * The corpus-wide fingerprint index behind duplicate.document: which other files share
 * fingerprints with a text, how many (for a resemblance estimate) and where (runs of shared prints
 * at a constant offset are shared passages, located in both files). Updated one file at a time.
 */
import { Fingerprints, shingle, windowSize } from './fingerprints';

export interface Position { readonly line: number; readonly character: number }

interface FileEntry {
	readonly uri: string;
	readonly count: number;
	/** Per print: position in the significant-character sequence, and its document range. */
	readonly positions: Int32Array;
	readonly starts: Int32Array;
	readonly ends: Int32Array;
	readonly hashes: Uint32Array;
	/** Offsets of line starts, to turn the other file's offsets into positions without its text. */
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

export class FingerprintIndex {
	readonly #files: (FileEntry | undefined)[] = [];
	readonly #ids = new Map<string, number>();
	/** Print hash → packed (file id × 2^22 + print index): a number when it occurs once. */
	readonly #prints = new Map<number, number | number[]>();

	set(uri: string, text: string, fp: Fingerprints): void {
		this.remove(uri);
		const id = this.#files.length;
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
		this.#files.push({ uri, count: n, positions: fp.positions.slice(0, n), starts, ends, hashes: fp.hashes.slice(0, n), lineStarts: Int32Array.from(lineStarts) });
		this.#ids.set(uri, id);
		for (let i = 0; i < n; i++) {
			const packed = id * fileBits + i;
			const at = this.#prints.get(fp.hashes[i]);
			if (at === undefined) { this.#prints.set(fp.hashes[i], packed); } else if (typeof at === 'number') { this.#prints.set(fp.hashes[i], [at, packed]); } else { at.push(packed); }
		}
	}

	remove(uri: string): void {
		const id = this.#ids.get(uri);
		if (id === undefined) { return; }
		const entry = this.#files[id]!;
		for (const h of entry.hashes) {
			const at = this.#prints.get(h);
			if (typeof at === 'number') { if (Math.floor(at / fileBits) === id) { this.#prints.delete(h); } continue; }
			if (!at) { continue; }
			const kept = at.filter((p) => Math.floor(p / fileBits) !== id);
			if (kept.length === 0) { this.#prints.delete(h); } else { this.#prints.set(h, kept.length === 1 ? kept[0] : kept); }
		}
		this.#files[id] = undefined;
		this.#ids.delete(uri);
	}

	/** Other files sharing prints with `fp` (the text of `uri`), with their shared passages. */
	query(uri: string, fp: Fingerprints): SharedFile[] {
		const self = this.#ids.get(uri);
		// Per other file: pairs (my print index, their print index).
		const hits = new Map<number, [number, number][]>();
		for (let i = 0; i < fp.hashes.length; i++) {
			const at = this.#prints.get(fp.hashes[i]);
			if (at === undefined) { continue; }
			for (const packed of typeof at === 'number' ? [at] : at) {
				const id = Math.floor(packed / fileBits);
				if (id === self) { continue; }
				let list = hits.get(id);
				if (!list) { list = []; hits.set(id, list); }
				list.push([i, packed % fileBits]);
			}
		}
		const out: SharedFile[] = [];
		for (const [id, pairs] of hits) {
			const other = this.#files[id]!;
			const shared = new Set(pairs.map(([i]) => i)).size;
			out.push({ uri: other.uri, similarity: shared / (fp.hashes.length + other.count - shared), passages: passagesOf(fp, other, pairs) });
		}
		return out;
	}
}

/** Groups shared prints by their offset delta and chains those close enough into passages. */
function passagesOf(fp: Fingerprints, other: FileEntry, pairs: readonly [number, number][]): SharedPassage[] {
	const byDelta = new Map<number, [number, number][]>();
	for (const pair of pairs) {
		const delta = other.positions[pair[1]] - fp.positions[pair[0]];
		const list = byDelta.get(delta);
		if (list) { list.push(pair); } else { byDelta.set(delta, [pair]); }
	}
	const passages: SharedPassage[] = [];
	for (const list of byDelta.values()) {
		list.sort((a, b) => a[0] - b[0]);
		let first = list[0];
		let prev = list[0];
		const flush = () => {
			const start = fp.offsets[fp.positions[first[0]]];
			const end = fp.offsets[fp.positions[prev[0]] + shingle - 1] + 1;
			passages.push({
				start,
				end,
				other: { start: positionOf(other.lineStarts, other.starts[first[1]]), end: positionOf(other.lineStarts, other.ends[prev[1]]) },
				length: end - start,
			});
		};
		for (const pair of list.slice(1)) {
			// Consecutive prints of one passage are at most a window apart.
			if (fp.positions[pair[0]] - fp.positions[prev[0]] > windowSize) { flush(); first = pair; }
			prev = pair;
		}
		flush();
	}
	return passages.sort((a, b) => a.start - b.start);
}

function positionOf(lineStarts: Int32Array, offset: number): Position {
	let lo = 0;
	let hi = lineStarts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (lineStarts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
	}
	return { line: lo, character: offset - lineStarts[lo] };
}
