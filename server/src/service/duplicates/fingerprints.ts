/**
 * Winnowing fingerprints (Schleimer, Wilkerson & Aiken 2003) of a document's significant
 * characters (Han, letters, digits; script and width folded, spaces and punctuation skipped), so
 * a traditional copy of a simplified text, or one with other punctuation, has the same prints.
 * Any passage shared by two documents that is at least `k + w - 1` significant characters long
 * shares at least one fingerprint; runs of shared prints at a constant offset delimit it.
 */
import { foldTable } from '../boilerplate/normalize';

/** Characters per shingle. */
export const shingle = 16;
/** Shingles per winnowing window: passages of ≥ k + w − 1 = 39 characters always share a print. */
export const windowSize = 24;

export interface Fingerprints {
	readonly hashes: Uint32Array;
	/** Position of each print in the significant-character sequence. */
	readonly positions: Int32Array;
	/** Document offset (UTF-16) of each significant character. */
	readonly offsets: Int32Array;
}

const significant = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

let foldedSignificant: Uint16Array | undefined;
/**
 * Per UTF-16 unit, its folded code when that is significant, else 0 (no significant code is 0):
 * the scan reads one table instead of folding and then testing five ranges per unit.
 */
function significantTable(): Uint16Array {
	if (foldedSignificant) { return foldedSignificant; }
	const fold = foldTable();
	const table = new Uint16Array(0x10000);
	for (let raw = 0; raw < 0x10000; raw++) {
		const c = fold[raw] || raw;
		if (significant(c)) { table[raw] = c; }
	}
	return foldedSignificant = table;
}

type Scratch = { codes: Uint16Array; offsets: Int32Array; shingles: Uint32Array; hashes: Uint32Array; positions: Int32Array };
const newScratch = (n: number): Scratch => ({ codes: new Uint16Array(n), offsets: new Int32Array(n), shingles: new Uint32Array(n), hashes: new Uint32Array(n), positions: new Int32Array(n) });
/** Texts up to this long use arrays kept between calls (18 bytes a unit: 1.2 MB); a longer one gets its own, left to the collector. */
const keptLength = 1 << 16;
/** Scratch arrays reused text after text (the results are copied out of them): a page's prints without five allocations. */
let kept: Scratch | undefined;

function scratchFor(length: number): Scratch {
	return length > keptLength ? newScratch(length) : (kept ??= newScratch(keptLength));
}

/** Multiplier of the rolling polynomial hash (mod 2^32), and its power that drops a shingle's first code. */
const base = 0x01000193;
let dropPower = 1;
for (let i = 1; i < shingle; i++) { dropPower = Math.imul(dropPower, base); }

export function fingerprints(text: string): Fingerprints {
	const table = significantTable();
	const { codes, offsets: allOffsets, shingles, hashes, positions } = scratchFor(text.length);
	// One pass: each significant unit's folded code and offset, and the rolling hash of the
	// shingle it ends.
	let count = 0;
	let h = 0;
	for (let i = 0; i < text.length; i++) {
		const c = table[text.charCodeAt(i)];
		if (c === 0) { continue; }
		if (count >= shingle) { h = (h - Math.imul(codes[count - shingle], dropPower)) | 0; }
		h = (Math.imul(h, base) + c) | 0;
		codes[count] = c;
		allOffsets[count] = i;
		if (count >= shingle - 1) { shingles[count - shingle + 1] = mix(h); }
		count++;
	}
	const offsets = allOffsets.slice(0, count);
	const n = count - shingle + 1;
	if (n <= 0) { return { hashes: new Uint32Array(0), positions: new Int32Array(0), offsets }; }
	// Winnowing: the minimum of each window of shingles (rightmost on ties), recorded once per
	// change of position. The window is scanned again only when its minimum leaves it (about once
	// per window: linear in practice); otherwise the entering shingle is the new minimum or not.
	// At most one print per shingle; typed arrays, not number arrays (a hash above 2³¹ would be a heap number each).
	let prints = 0;
	let min = 0;
	let last = -1;
	for (let i = 0; i < n; i++) {
		if (min <= i - windowSize) {
			// Right to left, strictly smaller: the rightmost minimum of the window [i − w + 1, i].
			min = i;
			for (let j = i - 1; j > i - windowSize; j--) { if (shingles[j] < shingles[min]) { min = j; } }
		} else if (shingles[i] <= shingles[min]) {
			min = i;
		}
		if ((i >= windowSize - 1 || i === n - 1) && min !== last) { hashes[prints] = shingles[min]; positions[prints++] = min; last = min; }
	}
	return { hashes: hashes.slice(0, prints), positions: positions.slice(0, prints), offsets };
}

/** Finalizer so that similar shingles do not get similar hashes (murmur3 fmix32). */
export function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}
