/**
 * When an edited open document's indexing is asked (lsp/pauseTimer.ts with openDocuments.ts's
 * `indexWaits`), on a clock of the test's: once the user pauses, and for a large document also
 * while the user types on without a pause from the moment it opened. Before, each keystroke
 * restarted a 400 ms timer: typing on never let it fire, and the document's names never came
 * (test/lsp/typing.test.ts failed whenever its first check answered within 400 ms).
 */
import * as assert from 'node:assert/strict';
import { PauseTimer, type TimerClock } from '../../server/src/lsp/pauseTimer';
import { indexWaits } from '../../server/src/lsp/openDocuments';

/** Timers that run only when the test moves the time on. */
class TestClock implements TimerClock {
	#now = 0;
	#next = 1;
	readonly #timers = new Map<number, { at: number; callback: () => void }>();
	now(): number { return this.#now; }
	set(callback: () => void, ms: number): unknown {
		const id = this.#next++;
		this.#timers.set(id, { at: this.#now + ms, callback });
		return id;
	}
	clear(handle: unknown): void { this.#timers.delete(handle as number); }
	/** Moves the time to `to`, running the timers due on the way in their order. */
	advance(to: number): void {
		for (;;) {
			let first: [number, { at: number; callback: () => void }] | undefined;
			for (const entry of this.#timers) { if (entry[1].at <= to && (!first || entry[1].at < first[1].at)) { first = entry; } }
			if (!first) { break; }
			this.#timers.delete(first[0]);
			this.#now = first[1].at;
			first[1].callback();
		}
		this.#now = to;
	}
}

/** Keystrokes every 30 ms from 0 until `until`, each touching the timer as a check of a new version does; when it fired, and why. */
function typeOn(until: number, maxWaitMs: number, pauseAfter = Infinity): { at: number; paused: boolean }[] {
	const clock = new TestClock();
	const fired: { at: number; paused: boolean }[] = [];
	const timer = new PauseTimer(indexWaits.quietMs, (paused) => fired.push({ at: clock.now(), paused }), clock);
	for (let t = 0; t < until; t += 30) {
		clock.advance(t);
		if (t < pauseAfter) { timer.touch(maxWaitMs); }
	}
	clock.advance(until);
	timer.dispose();
	return fired;
}

describe("an open document's indexing, asked while the user types", () => {
	it('is asked for a large document typed on without a pause from the moment it opened, every largeMaxWaitMs', () => {
		const fired = typeOn(10_000, indexWaits.largeMaxWaitMs);
		assert.ok(fired.length > 0, 'asked while the user typed on');
		assert.equal(fired[0].at, indexWaits.largeMaxWaitMs, 'the first time largeMaxWaitMs after the first keystroke');
		assert.ok(fired.every((f) => !f.paused), 'not as a pause');
		// The next window begins at the first keystroke after it fired (30 ms steps).
		assert.deepEqual(fired.map((f) => f.at), [4000, 8020]);
	});

	it('is asked quietMs after the last keystroke once the user pauses, as a pause', () => {
		const fired = typeOn(3000, indexWaits.largeMaxWaitMs, 1000);
		assert.deepEqual(fired, [{ at: 990 + indexWaits.quietMs, paused: true }]);
	});

	it('waits for a pause for a small document (indexed on the server\'s thread)', () => {
		assert.deepEqual(typeOn(10_000, Infinity), [], 'never while the user types on');
		assert.deepEqual(typeOn(10_000, Infinity, 6000), [{ at: 5970 + indexWaits.quietMs, paused: true }]);
	});

	it('is not asked again once disposed (the document closed)', () => {
		const clock = new TestClock();
		let fired = 0;
		const timer = new PauseTimer(indexWaits.quietMs, () => fired++, clock);
		timer.touch(indexWaits.largeMaxWaitMs);
		assert.equal(timer.pending, true);
		timer.dispose();
		clock.advance(10_000);
		assert.equal(fired, 0);
		assert.equal(timer.pending, false);
	});
});
