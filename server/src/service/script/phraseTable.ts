/**
 * A phrase dictionary matched by forward maximum matching, the segmentation OpenCC uses.
 *
 * Why not a trie of nested maps: 50k phrases would cost ~150k objects. One Map holds every
 * phrase and every proper prefix (value `undefined` for a prefix), so a match walks forward
 * one character at a time and stops at the first string that is neither.
 */
export class PhraseTable<V> {
	readonly #map = new Map<string, V | null>();
	/** Longest phrase starting with each code unit (0: none starts with it). */
	readonly #maxLen = new Uint8Array(0x10000);
	/** First two code units of every phrase, as numbers: most positions fail here without building a string. */
	readonly #bigrams = new Set<number>();
	/** The value of the last successful `longestAt`, so that the hot loop allocates nothing. */
	value: V | undefined;

	add(phrase: string, value: V): void {
		if (phrase.length < 2) { return; }
		this.#map.set(phrase, value);
		for (let len = 2; len < phrase.length; len++) {
			const prefix = phrase.slice(0, len);
			if (!this.#map.has(prefix)) { this.#map.set(prefix, null); }
		}
		this.#bigrams.add(phrase.charCodeAt(0) * 0x10000 + phrase.charCodeAt(1));
		const first = phrase.charCodeAt(0);
		this.#maxLen[first] = Math.max(this.#maxLen[first], Math.min(phrase.length, 255));
	}

	*entries(): IterableIterator<[string, V]> {
		for (const [key, value] of this.#map) { if (value !== null) { yield [key, value]; } }
	}

	/**
	 * The longest phrase of `text` starting at `start` and ending at or before `end`.
	 * @returns its length, 0 when none; its value is left in `value`.
	 */
	longestAt(text: string, start: number, end: number): number {
		const first = text.charCodeAt(start);
		const max = Math.min(this.#maxLen[first], end - start);
		if (max < 2 || !this.#bigrams.has(first * 0x10000 + text.charCodeAt(start + 1))) { return 0; }
		let length = 0;
		for (let len = 2; len <= max; len++) {
			const hit = this.#map.get(text.slice(start, start + len));
			if (hit === undefined) { break; }
			if (hit !== null) { length = len; this.value = hit; }
		}
		return length;
	}
}
