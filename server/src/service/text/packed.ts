/**
 * `xs.map(f)` as an array V8 always lays out the same way. The engine makes `map`'s result packed
 * when the calling function runs in the interpreter and holey when TurboFan has optimized it (the
 * inlined `map` allocates the array at its length first): every reader optimized on the first
 * arrays then meets the other kind, deoptimizes and is compiled again, in each worker. Arrays that
 * many rules read (a page's line facts, the analysis's per-line arrays) are made with this instead.
 */
export function packedMap<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
	const out: U[] = [];
	for (let i = 0; i < xs.length; i++) { out.push(f(xs[i], i)); }
	return out;
}
