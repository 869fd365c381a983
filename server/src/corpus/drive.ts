/**
 * The server's thread works in slices that share one budget: a stepwise computation of the core
 * (`drive`, a generator that yields between units of work) and the workers' results handed to
 * their callers (workerPool.ts) ask `sliceUsed()` before each unit; once the units of this turn
 * of the event loop took `sliceMs`, they wait for `nextTurn()`, so that requests read meanwhile
 * are answered first. One budget for all: with a budget each, thirty files' snapshots in 8 ms
 * slices could hold the thread up to 30 × 8 ms between two reads of the editor's messages (a
 * bound worked out, not a measured stall).
 */

const sliceMs = 8;

/** The current turn's sliced work: when it began, and the turn's end (an immediate, after the event loop's next poll for input). */
let turn: { readonly start: number; readonly ended: Promise<void> } | undefined;

const current = () => turn ??= {
	start: performance.now(),
	ended: new Promise<void>((resolve) => setImmediate(() => { turn = undefined; resolve(); })),
};

/** True when this turn's sliced work took its budget: wait for `nextTurn()` before the next unit. */
export const sliceUsed = (): boolean => performance.now() - current().start > sliceMs;

/** The end of this turn (every waiter is resumed by one immediate; the first to work begins the next turn's budget). */
export const nextTurn = (): Promise<void> => current().ended;

export async function drive<T>(steps: Generator<void, T>): Promise<T> {
	for (;;) {
		if (sliceUsed()) { await nextTurn(); }
		const next = steps.next();
		if (next.done) { return next.value; }
	}
}
