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

type Scratch = { codes: Uint16Array; offsets: Int32Array; shingles: Uint32Array; queue: Int32Array; hashes: Uint32Array; positions: Int32Array };
const newScratch = (n: number): Scratch => ({ codes: new Uint16Array(n), offsets: new Int32Array(n), shingles: new Uint32Array(n), queue: new Int32Array(n), hashes: new Uint32Array(n), positions: new Int32Array(n) });
/** Texts up to this long use arrays kept between calls (22 bytes a unit: 1.4 MB); a longer one gets its own, left to the collector. */
const keptLength = 1 << 16;
/** Scratch arrays reused text after text (the results are copied out of them): a page's prints without six allocations. */
let kept: Scratch | undefined;

function scratchFor(length: number): Scratch {
	return length > keptLength ? newScratch(length) : (kept ??= newScratch(keptLength));
}

export function fingerprints(text: string): Fingerprints {
	const fold = foldTable();
	const { codes: all, offsets: allOffsets, shingles, queue, hashes, positions } = scratchFor(text.length);
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const raw = text.charCodeAt(i);
		const c = fold[raw] || raw;
		if (significant(c)) { all[count] = c; allOffsets[count++] = i; }
	}
	const codes = all.subarray(0, count);
	const offsets = allOffsets.slice(0, count);
	const n = codes.length - shingle + 1;
	if (n <= 0) { return { hashes: new Uint32Array(0), positions: new Int32Array(0), offsets }; }
	// Rolling polynomial hash of each shingle (mod 2^32).
	const base = 0x01000193;
	let power = 1;
	for (let i = 1; i < shingle; i++) { power = Math.imul(power, base); }
	let h = 0;
	for (let i = 0; i < codes.length; i++) {
		if (i >= shingle) { h = (h - Math.imul(codes[i - shingle], power)) | 0; }
		h = (Math.imul(h, base) + codes[i]) | 0;
		if (i >= shingle - 1) { shingles[i - shingle + 1] = mix(h); }
	}
	// Winnowing: the minimum of each window of shingles (rightmost on ties), recorded once per
	// change of position; a monotonic queue keeps it linear.
	// At most one print per shingle; typed arrays, not number arrays (a hash above 2³¹ would be a heap number each).
	let prints = 0;
	let head = 0;
	let tail = 0;
	let last = -1;
	for (let i = 0; i < n; i++) {
		while (tail > head && shingles[queue[tail - 1]] >= shingles[i]) { tail--; }
		queue[tail++] = i;
		if (queue[head] <= i - windowSize) { head++; }
		if (i >= windowSize - 1 || i === n - 1) {
			const min = queue[head];
			if (min !== last) { hashes[prints] = shingles[min]; positions[prints++] = min; last = min; }
		}
	}
	return { hashes: hashes.slice(0, prints), positions: positions.slice(0, prints), offsets };
}

/** Finalizer so that similar shingles do not get similar hashes (murmur3 fmix32). */
function mix(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}
