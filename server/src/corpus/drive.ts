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

/**
 * Turns of the event loop a slice leaves to other work before the next slice begins.
 * vscode-jsonrpc handles one message read per immediate and writes one reply per immediate
 * (its write semaphore), so a request read in the poll after a slice is answered only in the
 * check phase after that: with one turn, each of those steps waited behind a slice of its own
 * (8 ms and the step that overran it). A turn without a slice costs microseconds.
 */
const turnsBetweenSlices = 3;

/** The current turn's sliced work: when it began, and the turn's end (immediates, after the event loop's next polls for input). */
let turn: { readonly start: number; readonly ended: Promise<void> } | undefined;

const afterTurns = (turns: number, then: () => void): void => { setImmediate(() => (turns > 1 ? afterTurns(turns - 1, then) : then())); };

const current = () => turn ??= {
	start: performance.now(),
	ended: new Promise<void>((resolve) => afterTurns(turnsBetweenSlices, () => { turn = undefined; resolve(); })),
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
