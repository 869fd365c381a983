/**
 * The words of a dictionary with a word class each (jieba's dictionary: person name, place,
 * organization, other proper noun, noun, verb, idiom, number or time, other), kept as 32-bit
 * hashes in an open-addressing table: no strings, a few megabytes, built in milliseconds from
 * the model file. The recognizer asks, at every character, which words start and end there:
 * word boundaries and classes without running a segmenter.
 */

export const maxWordLength = 6;

/** An entry's word class, and the flag saying that longer words start with it (中华 → 中华人民共和国). */
export const classMask = 15;
export const continues = 16;

/** Word classes (1-based; 0: no word). */
export const wordClasses = ['nr', 'ns', 'nt', 'nz', 'n', 'v', 'i', 'm', 'x'] as const;

export function wordClassOf(posTag: string): number {
	if (posTag.startsWith('nr')) { return 1; }
	if (posTag === 'ns') { return 2; }
	if (posTag === 'nt') { return 3; }
	if (posTag === 'nz') { return 4; }
	if (posTag[0] === 'n') { return 5; }
	if (posTag[0] === 'v') { return 6; }
	if (posTag === 'i' || posTag === 'l') { return 7; }
	if (posTag === 'm' || posTag === 't' || posTag === 'q') { return 8; }
	return 9;
}

/** FNV-1a over UTF-16 units, one unit at a time (the caller extends a word by a character). */
export const hashStart = 0x811c9dc5;
export const hashStep = (h: number, unit: number): number => Math.imul(h ^ unit, 0x01000193);
/** The key of a word whose running hash is `h`: never 0 (0 marks an empty slot); signed, a small integer to V8. */
export function wordKey(h: number): number {
	h ^= h >>> 16; h = Math.imul(h, 0x7feb352d); h ^= h >>> 15; h = Math.imul(h, 0x846ca68b); h ^= h >>> 16;
	return h | 0 || 1;
}

export function wordKeyOf(word: string): number {
	let h = hashStart;
	for (let i = 0; i < word.length; i++) { h = hashStep(h, word.charCodeAt(i)); }
	return wordKey(h);
}

/**
 * An open-addressing table from word keys (`wordKey`, never 0) to one byte each, shared by the
 * dictionary's words and the training set's names. `merge`: a key given twice keeps the union of
 * its bytes (flags added by separate rows), otherwise the last row's byte.
 */
export class KeyTable {
	readonly #keys: Int32Array;
	readonly #values: Uint8Array;
	readonly #mask: number;

	constructor(keys: ArrayLike<number>, values: ArrayLike<number>, merge = false) {
		let capacity = 1;
		while (capacity < keys.length * 2) { capacity *= 2; }
		this.#keys = new Int32Array(capacity);
		this.#values = new Uint8Array(capacity);
		this.#mask = capacity - 1;
		for (let i = 0; i < keys.length; i++) {
			let s = keys[i] & this.#mask;
			while (this.#keys[s] !== 0 && this.#keys[s] !== keys[i]) { s = (s + 1) & this.#mask; }
			this.#keys[s] = keys[i];
			this.#values[s] = merge ? this.#values[s] | values[i] : values[i];
		}
	}

	/** Slots of the table (twice the keys or more). */
	get capacity(): number { return this.#keys.length; }

	/** The byte of this key, 0 when it is not in the table. */
	entryOf(key: number): number {
		for (let s = key & this.#mask; ; s = (s + 1) & this.#mask) {
			const k = this.#keys[s];
			if (k === key) { return this.#values[s]; }
			if (k === 0) { return 0; }
		}
	}
}

/** The dictionary's words: per key, its class plus `continues` when longer words start with it. */
export class WordSet extends KeyTable {
	/** Whether `text[start, end)` is a word (of Han characters). */
	has(text: string, start: number, end: number): boolean {
		return this.classAt(text, start, end) !== 0;
	}

	/** The class of the word `text[start, end)`, 0 when it is not one. */
	classAt(text: string, start: number, end: number): number {
		if (end - start > maxWordLength) { return 0; }
		let h = hashStart;
		for (let i = start; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c < 0x3400 || c > 0x9fff) { return 0; }
			h = hashStep(h, c);
		}
		return this.entryOf(wordKey(h)) & classMask;
	}

	/**
	 * For every character of `text`: the longest word starting there and the longest ending
	 * there, as class × 8 + length (0: none).
	 */
	mark(text: string, starting: Uint8Array, ending: Uint8Array): void {
		const n = text.length;
		starting.fill(0, 0, n); ending.fill(0, 0, n);
		for (let i = 0; i < n; i++) {
			const first = text.charCodeAt(i);
			if (first < 0x3400 || first > 0x9fff) { continue; }
			let h = hashStep(hashStart, first);
			for (let j = i + 1; j < n && j - i < maxWordLength; j++) {
				const c = text.charCodeAt(j);
				if (c < 0x3400 || c > 0x9fff) { break; }
				h = hashStep(h, c);
				const entry = this.entryOf(wordKey(h)), cls = entry & classMask;
				if (cls !== 0) {
					const length = j + 1 - i, mark = cls * 8 + length;
					starting[i] = mark;
					if ((ending[j] & 7) < length) { ending[j] = mark; }
				}
				// No longer word starts with these characters: most positions stop after one lookup.
				if ((entry & continues) === 0) { break; }
			}
		}
	}
}
