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
 */
const rowBytes = 16;

export class NameModel {
	readonly #mask: number;
	/** Bucket b: weights at table[b * 16 + t], shift at table[b * 16 + 13]. */
	readonly #table: Int8Array;
	readonly #words: WordSet;
	readonly #names: NameLexicon;
	/** Transition, start and end scores in weight units (integers, like the emissions). */
	readonly #transitions = new Int32Array(tagCount * tagCount);
	readonly #start = new Int32Array(tagCount);
	readonly #end = new Int32Array(tagCount);
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
		if (at + count * (5 + tagCount) + wordCount * 5 > bytes.byteLength) { throw new Error('the name model file is truncated'); }
		this.#table = new Int8Array((this.#mask + 1) * rowBytes);
		const weightsAt = at + 4 * count, shiftsAt = weightsAt + count * tagCount;
		const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		for (let r = 0; r < count; r++) {
			const row = (view.getUint32(at + 4 * r, true) & this.#mask) * rowBytes;
			for (let t = 0, from = weightsAt + r * tagCount; t < tagCount; t++) { this.#table[row + t] = signed[from + t]; }
			this.#table[row + 13] = bytes[shiftsAt + r];
		}
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
		const emissions = this.#emissions, table = this.#table, mask = this.#mask;
		emissions.fill(0, 0, n * tagCount);
		for (let i = 0; i < n; i++) {
			const e = i * tagCount;
			for (let k = i * featureSlots, last = k + featureSlots; k < last; k++) {
				const h = features[k];
				if (h === 0) { continue; }
				const w = (h & mask) * rowBytes, shift = table[w + 13];
				// Unrolled: 13 tags.
				emissions[e] += table[w] << shift; emissions[e + 1] += table[w + 1] << shift; emissions[e + 2] += table[w + 2] << shift;
				emissions[e + 3] += table[w + 3] << shift; emissions[e + 4] += table[w + 4] << shift; emissions[e + 5] += table[w + 5] << shift;
				emissions[e + 6] += table[w + 6] << shift; emissions[e + 7] += table[w + 7] << shift; emissions[e + 8] += table[w + 8] << shift;
				emissions[e + 9] += table[w + 9] << shift; emissions[e + 10] += table[w + 10] << shift; emissions[e + 11] += table[w + 11] << shift;
				emissions[e + 12] += table[w + 12] << shift;
			}
		}
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

	#viterbi(n: number): Uint8Array {
		const emissions = this.#emissions, scores = this.#scores, back = this.#back, transitions = this.#transitions;
		for (let t = 0; t < tagCount; t++) { scores[t] = allowed(-1, t) ? this.#start[t] + emissions[t] : minusInfinity; }
		for (let i = 1; i < n; i++) {
			const row = i * tagCount, previous = row - tagCount;
			for (let t = 0; t < tagCount; t++) {
				let best = minusInfinity, from = 0;
				for (let k = predecessorStart[t], last = predecessorStart[t + 1]; k < last; k++) {
					const p = predecessors[k];
					const s = scores[previous + p] + transitions[p * tagCount + t];
					if (s > best) { best = s; from = p; }
				}
				scores[row + t] = best + emissions[row + t];
				back[row + t] = from;
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

/** The tags each tag may follow, flat: predecessors[predecessorStart[t] … predecessorStart[t + 1]). */
const predecessorStart = new Int32Array(tagCount + 1);
const predecessors = new Int32Array(tagCount * tagCount);
for (let t = 0, k = 0; t < tagCount; t++) {
	predecessorStart[t] = k;
	for (let p = 0; p < tagCount; p++) { if (allowed(p, t)) { predecessors[k++] = p; } }
	predecessorStart[t + 1] = k;
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
