/**
 * While the user types in a large open document, the work that can wait waits: from the moment
 * a check of a version just typed is asked until `quietMs` after the last one ended. The pool
 * (workerPool.ts) then starts no job that yields (the scan's, the background's, open documents'
 * indexing), and a worker that runs only such jobs, with nothing more urgent waiting for it,
 * sleeps between two of their parts (its pause flag, corpusWorker.ts); they go on where they
 * stopped once the user pauses. Two cores are shared by the server's thread, the check's worker and the editor: a
 * document's first tagging on the other worker took half of the CPU each keystroke needed.
 *
 * Held work is never starved: after `maxHoldMs` of typing it gets `sliceMs` during which the gate
 * is open, whatever is typed, then the gate closes again while typing goes on. Only work already
 * asked is served: a large document's indexing is asked on a pause, or after `maxHoldMs` of
 * typing on (openDocuments.ts).
 */

export interface TypingPolicy {
	/** The user has paused when no check of a new version was asked or answered for this long. */
	readonly quietMs: number;
	/** Typing this long without a pause opens the gate for `sliceMs`. */
	readonly maxHoldMs: number;
	readonly sliceMs: number;
}

/**
 * The server's: the user has paused when no keystroke was checked for as long as an edited open
 * document waits before its indexing is asked (openDocuments.ts, which also asks a large one's
 * after `maxHoldMs` of typing on, so that the slices have that work to give time to); typing on
 * without such a pause gives held work 0.4 s every 4 s (a tenth of the time: the names of a
 * 1 MB document, 1–2 s of CPU, are indexed within half a minute of typing).
 */
export const typingPolicy: TypingPolicy = { quietMs: 400, maxHoldMs: 4000, sliceMs: 400 };

export class TypingGate {
	/** Checks of new versions asked and not answered. */
	#typing = 0;
	/** When the last one was asked or answered. */
	#last = -Infinity;
	/** When the user started typing after a pause. */
	#since = -Infinity;
	/** The gate is open until then: a slice for held work while the user types on. */
	#sliceUntil = -Infinity;
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly policy: TypingPolicy,
		/** Called when the gate may have opened or closed by itself (the user paused, a slice began or ended). */
		private readonly changed: () => void,
		private readonly now: () => number = () => performance.now(),
	) { }

	/** A check of a new version is asked: the gate closes until `quietMs` after its answer (call the function returned). */
	typed(): () => void {
		const now = this.now();
		if (!this.#typingAt(now)) { this.#since = now; }
		this.#typing++;
		this.#last = now;
		this.#schedule();
		let answered = false;
		return () => {
			if (answered) { return; }
			answered = true;
			this.#typing--;
			this.#last = this.now();
			this.#schedule();
		};
	}

	/** Whether work that yields must wait now. */
	get closed(): boolean {
		const now = this.now();
		if (now < this.#sliceUntil || !this.#typingAt(now)) { return false; }
		if (now - this.#holdStart() >= this.policy.maxHoldMs) {
			this.#sliceUntil = now + this.policy.sliceMs;
			this.#schedule();
			return false;
		}
		return true;
	}

	dispose(): void { clearTimeout(this.#timer); this.#timer = undefined; }

	#typingAt(now: number): boolean { return this.#typing > 0 || now - this.#last < this.policy.quietMs; }

	/** The gate has been closed since then (when typing began, or the last slice ended). */
	#holdStart(): number { return Math.max(this.#since, this.#sliceUntil); }

	/** One timer, at the next moment the gate may open or close by itself; none once the user paused. */
	#schedule(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		const now = this.now();
		let due: number;
		if (now < this.#sliceUntil) {
			due = this.#sliceUntil;
		} else if (this.#typingAt(now)) {
			due = this.#holdStart() + this.policy.maxHoldMs;
			if (this.#typing === 0) { due = Math.min(due, this.#last + this.policy.quietMs); }
		} else {
			return;
		}
		// One millisecond more: Node's timers run on libuv's loop clock, in whole milliseconds, and may
		// fire before performance.now() reaches `due`; the gate would still be closed and a second timer follow.
		const delay = Math.max(0, Math.ceil(due - now)) + 1;
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			// Asked first: a slice that is due begins now.
			void this.closed;
			this.changed();
			this.#schedule();
		}, delay);
		this.#timer.unref?.();
	}
}

/** A job as the pool holds it: whether it yields. */
interface Yielding { readonly yields: boolean }

/**
 * Whether a worker sleeps between two parts of its jobs while the gate is closed: when it holds
 * jobs, all of which yield, and no job that does not waits for it (pinned to it, or in the
 * shared queue: `urgentShared`). A keystroke's check waiting behind a sleeping job would wait for
 * the user to pause.
 */
export function maySleep(running: Iterable<Yielding>, pinned: readonly Yielding[], urgentShared: boolean): boolean {
	if (urgentShared || pinned.some((p) => !p.yields)) { return false; }
	let holds = false;
	for (const p of running) {
		if (!p.yields) { return false; }
		holds = true;
	}
	return holds;
}

/** Sets a worker's pause flag (shared memory it reads between two parts); clearing it wakes the worker. */
export function setPauseFlag(flag: Int32Array, pause: boolean): void {
	if ((Atomics.load(flag, 0) !== 0) === pause) { return; }
	Atomics.store(flag, 0, pause ? 1 : 0);
	if (!pause) { Atomics.notify(flag, 0); }
}
