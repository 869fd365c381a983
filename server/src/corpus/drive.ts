/**
 * Runs a stepwise computation of the core (a generator that yields between units of work) on the
 * server's thread in slices: after `sliceMs` of work it waits for the next turn of the event
 * loop, so requests that arrived meanwhile are read and answered first.
 */

/** A full turn of the event loop (a timer: an immediate can run before incoming messages are read). */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function drive<T>(steps: Generator<void, T>, sliceMs = 8): Promise<T> {
	let sliceStart = performance.now();
	for (;;) {
		const next = steps.next();
		if (next.done) { return next.value; }
		if (performance.now() - sliceStart > sliceMs) {
			await nextTurn();
			sliceStart = performance.now();
		}
	}
}
