/**
 * The trained name recognizer: a linear sequence labeller (averaged perceptron, trained by
 * tools/train-ner.mjs on labelled news) over BIOES tags for person, organization and place,
 * decoded by Viterbi. The weights are a data file (server/data/ner-model.bin) the host reads
 * and hands over as bytes; nothing here reads files.
 *
 * File layout (little-endian): "ZHNR", version, tag count, feature slots, feature count,
 * hash bits, weight scale (f32), word count, transitions (f32, tags × tags), start and end
 * scores (f32, tags each), feature buckets (u32 each), each feature's weights (i8 × tags,
 * in units of the scale times 2 to the feature's shift), the shifts (u8 each), then the
 * dictionary: word keys (u32 each) and entries (u8 each: the word class, plus 16 where longer
 * words start with it), then the names of the training text: their count (u32), keys (u32 each)
 * and entries (u8 each, nameLexicon.ts).
 */
import { featureSlots, lineFeatures } from './features';
import { NameLexicon } from './nameLexicon';
import { WordSet } from './wordSet';

export type NameType = 'person' | 'organization' | 'place';
export const nameTypes: readonly NameType[] = ['person', 'organization', 'place'];

/** Tag 0 is O; type k has B = 1 + 4k, I = 2 + 4k, E = 3 + 4k, S = 4 + 4k. */
export const tagCount = 13;
export const tagOf = (type: number, part: 'B' | 'I' | 'E' | 'S'): number => 1 + 4 * type + 'BIES'.indexOf(part);

/** Whether tag `to` may follow tag `from` (-1: the line's start); `to` = -1 asks whether `from` may end a line. */
export function allowed(from: number, to: number): boolean {
	const fromPart = from <= 0 ? 'O' : 'BIES'[(from - 1) % 4];
	const open = fromPart === 'B' || fromPart === 'I';
	if (to === -1) { return !open; }
	const toPart = to === 0 ? 'O' : 'BIES'[(to - 1) % 4];
	if (open) { return (toPart === 'I' || toPart === 'E') && Math.floor((to - 1) / 4) === Math.floor((from - 1) / 4); }
	return toPart === 'O' || toPart === 'B' || toPart === 'S';
}

/** A name the model tagged, at offsets of the line it was given. */
export interface TaggedSpan { readonly start: number; readonly end: number; readonly type: NameType }

const magic = 0x524e485a; // "ZHNR"
export const modelVersion = 4;
const minusInfinity = -(2 ** 30);

/**
 * The weights table: one 16-byte row per hash bucket (13 weights, the row's shift), indexed by
 * the feature's hash directly, as in training: a feature costs one read of one cache line, no
 * probing (features that share a bucket were trained sharing it). Rows the file omits are zero.
 * Each weight is stored plus 128 (an unsigned byte), so a row read as four 32-bit words gives
 * its weights two at a time: `(word & 0xff00ff) - 0x800080` holds bytes 0 and 2 as 16-bit
 * halves (the low one signed; the high one absorbs its borrow), shifted by the row's shift in one
 * step. Sums of halves stay exact while |sum| ≤ 32767 (`#chunk` rows of the largest weight),
 * then are split and added in full. Half the memory of 16-bit weights, which matters more here
 * than the few operations the split costs: tagging is bound by reads of this table.
 */
const rowBytes = 16;
const halfMax = 32767;
/** Characters whose rows are touched ahead of summing them; what the touches read is kept here so the reads are not dropped. */
const touchAhead = 8;
const touchedRows = new Int32Array(1);

export class NameModel {
	readonly #mask: number;
	/** Bucket b: words table[4b … 4b + 3] hold the weights of tags 0–12 plus 128 (bytes 0–12) and the shift (byte 13). */
	readonly #table: Int32Array;
	/** How many rows' halves may be summed before a half could overflow 16 bits. */
	readonly #chunk: number;
	readonly #words: WordSet;
	readonly #names: NameLexicon;
	/** Transition, start and end scores in weight units (integers, like the emissions). */
	readonly #transitions = new Int32Array(tagCount * tagCount);
	readonly #start = new Int32Array(tagCount);
	readonly #end = new Int32Array(tagCount);
	/** The transitions Viterbi reads, in its order (see #viterbi). */
	readonly #closedTransitions = new Int32Array(49);
	readonly #openTransitions = new Int32Array(12);
	#features = new Int32Array(0);
	#emissions = new Int32Array(0);
	#scores = new Int32Array(0);
	#back = new Uint8Array(0);

	/** Parses the model file; throws on a file that is not one. */
	constructor(bytes: Uint8Array) {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		if (bytes.byteLength < 36 || view.getUint32(0, true) !== magic || view.getUint32(4, true) !== modelVersion) { throw new Error(`not a zh-corpus name model (version ${modelVersion})`); }
		if (view.getUint32(8, true) !== tagCount || view.getUint32(12, true) !== featureSlots) { throw new Error('the name model was trained with other tags or features; rebuild it with tools/train-ner.mjs'); }
		const count = view.getUint32(16, true), hashBits = view.getUint32(20, true);
		if (hashBits > 22) { throw new Error('the name model has too many buckets'); }
		this.#mask = 2 ** hashBits - 1;
		const scale = view.getFloat32(24, true);
		const wordCount = view.getUint32(28, true);
		let at = 32;
		const read = (into: Int32Array) => { for (let i = 0; i < into.length; i++, at += 4) { into[i] = Math.round(view.getFloat32(at, true) / scale); } };
		read(this.#transitions); read(this.#start); read(this.#end);
		closedTargets.forEach((t, j) => closedSources.forEach((p, k) => { this.#closedTransitions[7 * j + k] = this.#transitions[p * tagCount + t]; }));
		for (let type = 0, b = 1; type < 3; type++, b += 4) {
			this.#openTransitions.set([b * tagCount + b + 1, (b + 1) * tagCount + b + 1, b * tagCount + b + 2, (b + 1) * tagCount + b + 2].map((k) => this.#transitions[k]), 4 * type);
		}
		if (at + count * (5 + tagCount) + wordCount * 5 > bytes.byteLength) { throw new Error('the name model file is truncated'); }
		const bytesTable = new Uint8Array((this.#mask + 1) * rowBytes).fill(128);
		for (let row = 13; row < bytesTable.length; row += rowBytes) { bytesTable[row] = bytesTable[row + 1] = bytesTable[row + 2] = 0; }
		const weightsAt = at + 4 * count, shiftsAt = weightsAt + count * tagCount;
		const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		let largest = 1;
		for (let r = 0; r < count; r++) {
			const row = (view.getUint32(at + 4 * r, true) & this.#mask) * rowBytes, shift = bytes[shiftsAt + r];
			for (let t = 0, from = weightsAt + r * tagCount; t < tagCount; t++) {
				bytesTable[row + t] = signed[from + t] + 128;
				largest = Math.max(largest, Math.abs(signed[from + t]) * 2 ** shift);
			}
			bytesTable[row + 13] = shift;
		}
		if (largest > halfMax) { throw new Error('the name model has weights too large for 16 bits'); }
		if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) { throw new Error('the name recognizer reads its weights as little-endian words'); }
		this.#table = new Int32Array(bytesTable.buffer);
		this.#chunk = Math.floor(halfMax / largest);
		at = shiftsAt + count;
		const keys = new Int32Array(wordCount);
		for (let i = 0; i < wordCount; i++) { keys[i] = view.getInt32(at + 4 * i, true); }
		this.#words = new WordSet(keys, bytes.subarray(at + 4 * wordCount, at + 5 * wordCount));
		at += 5 * wordCount;
		if (at + 4 > bytes.byteLength) { throw new Error('the name model file is truncated'); }
		const nameCount = view.getUint32(at, true);
		at += 4;
		if (at + 5 * nameCount > bytes.byteLength) { throw new Error('the name model file is truncated'); }
		const nameKeys = new Int32Array(nameCount);
		for (let i = 0; i < nameCount; i++) { nameKeys[i] = view.getInt32(at + 4 * i, true); }
		this.#names = new NameLexicon(nameKeys, bytes.subarray(at + 4 * nameCount, at + 5 * nameCount));
	}

	/** The dictionary of the recognizer's word features (the matcher's word boundaries). */
	get words(): WordSet { return this.#words; }

	/** The person, organization and place names of one line folded to simplified. */
	tag(folded: string): TaggedSpan[] {
		const n = folded.length;
		if (n === 0) { return []; }
		this.#ensure(n);
		const features = lineFeatures(folded, this.#words, this.#names, this.#features);
		const emissions = this.#emissions, table = this.#table, mask = this.#mask, chunk = this.#chunk;
		let touched = 0;
		for (let i = 0; i < n; i++) {
			if ((i & touchAhead - 1) === 0) {
				// Touch the rows of the next characters first, so that their reads (cache misses, mostly) overlap.
				for (let k = i * featureSlots, stop = Math.min(n, i + touchAhead) * featureSlots; k < stop; k++) { touched |= table[(features[k] & mask) * 4]; }
			}
			let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0, e8 = 0, e9 = 0, e10 = 0, e11 = 0, e12 = 0;
			for (let k = i * featureSlots, last = k + featureSlots; k < last;) {
				// Up to `chunk` rows summed two tags to a word, then the halves split (the low one sign-extended).
				let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
				for (const stop = Math.min(k + chunk, last); k < stop; k++) {
					const h = features[k];
					if (h === 0) { continue; }
					const w = (h & mask) * 4, x0 = table[w], x1 = table[w + 1], x2 = table[w + 2], x3 = table[w + 3], shift = x3 >>> 8;
					s0 = (s0 + (((x0 & 0xff00ff) - 0x800080) << shift)) | 0; s1 = (s1 + ((((x0 >>> 8) & 0xff00ff) - 0x800080) << shift)) | 0;
					s2 = (s2 + (((x1 & 0xff00ff) - 0x800080) << shift)) | 0; s3 = (s3 + ((((x1 >>> 8) & 0xff00ff) - 0x800080) << shift)) | 0;
					s4 = (s4 + (((x2 & 0xff00ff) - 0x800080) << shift)) | 0; s5 = (s5 + ((((x2 >>> 8) & 0xff00ff) - 0x800080) << shift)) | 0;
					s6 = (s6 + (((x3 & 0xff) - 0x80) << shift)) | 0;
				}
				// Halves: s0 tags 0 and 2, s1 tags 1 and 3, s2 4 and 6, s3 5 and 7, s4 8 and 10, s5 9 and 11.
				let low = (s0 << 16) >> 16; e0 += low; e2 += (s0 - low) >> 16;
				low = (s1 << 16) >> 16; e1 += low; e3 += (s1 - low) >> 16;
				low = (s2 << 16) >> 16; e4 += low; e6 += (s2 - low) >> 16;
				low = (s3 << 16) >> 16; e5 += low; e7 += (s3 - low) >> 16;
				low = (s4 << 16) >> 16; e8 += low; e10 += (s4 - low) >> 16;
				low = (s5 << 16) >> 16; e9 += low; e11 += (s5 - low) >> 16;
				e12 += s6;
			}
			const e = i * tagCount;
			emissions[e] = e0; emissions[e + 1] = e1; emissions[e + 2] = e2; emissions[e + 3] = e3; emissions[e + 4] = e4; emissions[e + 5] = e5;
			emissions[e + 6] = e6; emissions[e + 7] = e7; emissions[e + 8] = e8; emissions[e + 9] = e9; emissions[e + 10] = e10; emissions[e + 11] = e11;
			emissions[e + 12] = e12;
		}
		touchedRows[0] ^= touched;
		return repeatedPersons(folded, spans(this.#viterbi(n)));
	}

	#ensure(n: number): void {
		if (this.#emissions.length >= n * tagCount) { return; }
		const size = Math.max(n, 256) * 2;
		this.#features = new Int32Array(size * featureSlots);
		this.#emissions = new Int32Array(size * tagCount);
		this.#scores = new Int32Array(size * tagCount);
		this.#back = new Uint8Array(size * tagCount);
	}

	/**
	 * Viterbi written for BIOES: O, B and S follow O, E or S of any type (seven predecessors,
	 * their transitions in `#closedTransitions`, target-major); I and E follow B or I of their own
	 * type (`#openTransitions`: B→I, I→I, B→E, I→E per type). Predecessors are tried in tag order
	 * and the first best kept, as a loop over `allowed` would.
	 */
	#viterbi(n: number): Uint8Array {
		const emissions = this.#emissions, scores = this.#scores, back = this.#back, closed = this.#closedTransitions, open = this.#openTransitions;
		for (let t = 0; t < tagCount; t++) { scores[t] = allowed(-1, t) ? this.#start[t] + emissions[t] : minusInfinity; }
		for (let i = 1; i < n; i++) {
			const row = i * tagCount, previous = row - tagCount;
			const c0 = scores[previous], c1 = scores[previous + 3], c2 = scores[previous + 4], c3 = scores[previous + 7];
			const c4 = scores[previous + 8], c5 = scores[previous + 11], c6 = scores[previous + 12];
			for (let j = 0, x = 0; j < 7; j++, x += 7) {
				let best = minusInfinity, from = 0, s = c0 + closed[x];
				if (s > best) { best = s; }
				s = c1 + closed[x + 1]; if (s > best) { best = s; from = 3; }
				s = c2 + closed[x + 2]; if (s > best) { best = s; from = 4; }
				s = c3 + closed[x + 3]; if (s > best) { best = s; from = 7; }
				s = c4 + closed[x + 4]; if (s > best) { best = s; from = 8; }
				s = c5 + closed[x + 5]; if (s > best) { best = s; from = 11; }
				s = c6 + closed[x + 6]; if (s > best) { best = s; from = 12; }
				const t = closedTargets[j];
				scores[row + t] = best + emissions[row + t];
				back[row + t] = from;
			}
			for (let b = 1, x = 0; b < tagCount; b += 4, x += 4) {
				const pb = scores[previous + b], pi = scores[previous + b + 1];
				let best = minusInfinity, from = 0, s = pb + open[x];
				if (s > best) { best = s; from = b; }
				s = pi + open[x + 1]; if (s > best) { best = s; from = b + 1; }
				scores[row + b + 1] = best + emissions[row + b + 1];
				back[row + b + 1] = from;
				best = minusInfinity; from = 0; s = pb + open[x + 2];
				if (s > best) { best = s; from = b; }
				s = pi + open[x + 3]; if (s > best) { best = s; from = b + 1; }
				scores[row + b + 2] = best + emissions[row + b + 2];
				back[row + b + 2] = from;
			}
		}
		let best = minusInfinity, tag = 0;
		const last = (n - 1) * tagCount;
		for (let t = 0; t < tagCount; t++) {
			if (!allowed(t, -1)) { continue; }
			const s = scores[last + t] + this.#end[t];
			if (s > best) { best = s; tag = t; }
		}
		const tags = new Uint8Array(n);
		for (let i = n - 1; i >= 0; i--) { tags[i] = tag; tag = back[i * tagCount + tag]; }
		return tags;
	}
}

/** O, B and S (what may follow O, E or S), and O, E and S (what they may follow), in tag order. */
const closedTargets = [0, 1, 4, 5, 8, 9, 12];
const closedSources = [0, 3, 4, 7, 8, 11, 12];
for (let t = 0; t < tagCount; t++) {
	for (let p = 0; p < tagCount; p++) {
		// An open tag (B or I) of the type whose B is b may be followed by I (b + 1) or E (b + 2).
		const open = p % 4 === 1 || p % 4 === 2, b = p - 1 - (p - 1) % 4 + 1;
		const expected = open ? t === b + 1 || t === b + 2 : closedTargets.includes(t);
		if (allowed(p, t) !== expected || closedSources.includes(p) === open) { throw new Error('the Viterbi of the name model does not match its tags'); }
	}
}

/**
 * A person's full name (three characters or more) found in a line is that person wherever the
 * line writes it again outside another name: the model decides each place from its own window
 * and misses a bare repeat (盛来运说 after 副局长盛来运介绍). Shorter strings are too often words.
 */
export function repeatedPersons(folded: string, found: TaggedSpan[]): TaggedSpan[] {
	const out = [...found];
	for (const s of found) {
		if (s.type !== 'person' || s.end - s.start < 3) { continue; }
		const name = folded.slice(s.start, s.end);
		for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
			if (!out.some((o) => o.start < at + name.length && at < o.end)) { out.push({ start: at, end: at + name.length, type: 'person' }); }
		}
	}
	return out.length === found.length ? found : out.sort((a, b) => a.start - b.start);
}

/** Tags to spans (Viterbi's constraints make every B…E and S well formed). */
export function spans(tags: ArrayLike<number>): TaggedSpan[] {
	const out: TaggedSpan[] = [];
	let start = -1;
	for (let i = 0; i < tags.length; i++) {
		const tag = tags[i];
		if (tag === 0) { start = -1; continue; }
		const part = (tag - 1) % 4, type = nameTypes[Math.floor((tag - 1) / 4)];
		if (part === 0) { start = i; } else if (part === 3) { out.push({ start: i, end: i + 1, type }); } else if (part === 2 && start >= 0) { out.push({ start, end: i + 1, type }); start = -1; }
	}
	return out;
}
