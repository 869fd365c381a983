/**
 * A timer that waits for the user to pause: `fire` runs once `touch` has not been called for
 * `quietMs`, or, when a touch gives a maximum wait, at the latest that long after the first touch
 * since `fire` last ran, however often it is touched meanwhile. Without the maximum, a user who
 * never pauses for `quietMs` never sees it fire: an open document's indexing (openDocuments.ts),
 * asked only after such a pause, never came while the user typed on from the moment the document
 * opened, and the typing gate's slices (corpus/typingGate.ts) only serve work already asked.
 */

/** The time and timers it runs on: the event loop's by default, a test's own clock in tests. */
export interface TimerClock {
	now(): number;
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

export const eventLoopClock: TimerClock = {
	now: () => performance.now(),
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout> | undefined),
};

export class PauseTimer {
	/** When it fires at the latest, whatever the touches (set by the first touch with a maximum). */
	#deadline = Infinity;
	#handle: unknown;

	constructor(
		private readonly quietMs: number,
		/** `paused`: the user paused; false when the maximum wait ran out while touches went on. */
		private readonly fire: (paused: boolean) => void,
		private readonly clock: TimerClock = eventLoopClock,
	) { }

	/** Whether it will fire (touched since it last fired). */
	get pending(): boolean { return this.#handle !== undefined; }

	/** Waits `quietMs` from now, but no later than `maxWaitMs` after the first touch since it last fired. */
	touch(maxWaitMs = Infinity): void {
		const now = this.clock.now();
		this.#deadline = Math.min(this.#deadline, now + maxWaitMs);
		const quietAt = now + this.quietMs;
		const paused = quietAt <= this.#deadline;
		this.clock.clear(this.#handle);
		this.#handle = this.clock.set(() => {
			this.#handle = undefined;
			this.#deadline = Infinity;
			this.fire(paused);
		}, Math.max(0, Math.min(quietAt, this.#deadline) - now));
	}

	dispose(): void {
		this.clock.clear(this.#handle);
		this.#handle = undefined;
		this.#deadline = Infinity;
	}
}
