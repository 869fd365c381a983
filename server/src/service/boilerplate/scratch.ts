/**
 * Typed arrays that a page's analysis fills and reads within one call, then drops (prefix sums,
 * per-row flags, the values a median reorders): one array per use and thread, written over page
 * after page, instead of a dozen arrays allocated per page (each a buffer of its own, allocated
 * zeroed and later swept; a closed file's page has a few dozen rows). A page of more rows than
 * `maxKept` gets arrays of its own, so a huge text leaves no large array held.
 */
type Typed = Float64Array | Int32Array | Uint8Array;

/** Elements up to which an array is kept for the next page (a closed file's pages fit). */
export const maxKept = 4096;

export class Scratch<T extends Typed> {
	#array: T;

	constructor(private readonly make: (length: number) => T) {
		this.#array = make(64);
	}

	/** An array of at least `length` elements, holding whatever its last user wrote (read only what you write). */
	atLeast(length: number): T {
		if (this.#array.length >= length) { return this.#array; }
		if (length > maxKept) { return this.make(length); }
		return this.#array = this.make(Math.min(maxKept, Math.max(length, 2 * this.#array.length)));
	}

	/** A view of exactly `length` elements (for a function that reads the array's length), holding whatever was there. */
	exactly(length: number): T {
		return this.atLeast(length).subarray(0, length) as T;
	}
}
