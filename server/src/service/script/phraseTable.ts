/**
 * A phrase dictionary matched by forward maximum matching, the segmentation OpenCC uses: the
 * phrases in a flat trie of typed arrays (entities/trie.ts), so a match walks the text one code
 * unit at a time without building a string, and their values in an array beside it.
 */
import { Trie } from '../entities/trie';

export class PhraseTable<V> {
	readonly #trie = new Trie();
	readonly #values: V[] = [];
	readonly #phrases: string[] = [];
	/** Adds the phrases on the table's first use (openccTables.ts: a table a text never needs is never built). */
	#fill: ((table: PhraseTable<V>) => void) | undefined;
	/** The value of the last successful `longestAt`, so that the hot loop allocates nothing. */
	value: V | undefined;

	constructor(fill?: (table: PhraseTable<V>) => void) {
		this.#fill = fill;
	}

	add(phrase: string, value: V): void {
		// Added after the filled phrases, whenever it is called (a phrase added twice keeps its last value).
		if (this.#fill) { this.#filled(); }
		if (phrase.length < 2) { return; }
		this.#trie.add(phrase, this.#values.length);
		this.#values.push(value);
		this.#phrases.push(phrase);
	}

	*entries(): IterableIterator<[string, V]> {
		this.#filled();
		// A phrase added twice keeps its last value, as a Map would.
		const last = new Map<string, number>();
		this.#phrases.forEach((p, i) => last.set(p, i));
		for (const [phrase, i] of last) { yield [phrase, this.#values[i]]; }
	}

	/**
	 * The longest phrase of `text` starting at `start` and ending at or before `end`.
	 * @returns its length, 0 when none (phrases are two units or longer); its value is left in `value`.
	 */
	longestAt(text: string, start: number, end: number): number {
		if (this.#fill) { this.#filled(); }
		const length = this.#trie.longestAt(text, start, end);
		if (length < 2) { return 0; }
		this.value = this.#values[this.#trie.lastValue];
		return length;
	}

	#filled(): void {
		const fill = this.#fill;
		this.#fill = undefined;
		fill?.(this);
	}
}
