/**
 * Stepwise computations: generators that yield between units of work, so that a host can drive
 * them in slices (the server's thread: corpus/drive.ts) or run them at once (workers, tests).
 */

/** Runs a stepwise computation to its end at once. */
export function finish<T>(steps: Generator<void, T>): T {
	for (;;) {
		const next = steps.next();
		if (next.done) { return next.value; }
	}
}
