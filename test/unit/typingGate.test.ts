/**
 * The gate that holds work while the user types (corpus/typingGate.ts), on a clock of the test's:
 * closed from a keystroke's check until `quietMs` after the last answer, opened for `sliceMs`
 * after `maxHoldMs` of typing without a pause, and a timer that says when it may have opened.
 */
import * as assert from 'node:assert/strict';
import { TypingGate } from '../../server/src/corpus/typingGate';

const policy = { quietMs: 100, maxHoldMs: 1000, sliceMs: 200 };

describe('the typing gate', () => {
	let now = 0;
	const gates: TypingGate[] = [];
	const gate = (changed: () => void = () => undefined) => { const g = new TypingGate(policy, changed, () => now); gates.push(g); return g; };
	beforeEach(() => { now = 0; });
	afterEach(() => { for (const g of gates.splice(0)) { g.dispose(); } });

	it('is closed from a check asked until quietMs after the last answer', () => {
		const g = gate();
		assert.equal(g.closed, false);
		const answered = g.typed();
		now = 500;
		assert.equal(g.closed, true, 'a check under way, however long');
		answered();
		answered();
		now = 599;
		assert.equal(g.closed, true);
		now = 600;
		assert.equal(g.closed, false, 'the user paused');
	});

	it('opens for sliceMs after maxHoldMs of typing without a pause, then closes again while typing goes on', () => {
		const g = gate();
		const seen: boolean[] = [];
		// A keystroke every 50 ms, each answered 20 ms later, for 3 s; the gate asked every 10 ms.
		let answer: (() => void) | undefined;
		for (now = 0; now < 3000; now += 10) {
			if (now % 50 === 0) { answer = g.typed(); }
			if (now % 50 === 20) { answer!(); }
			seen.push(g.closed);
		}
		const opened = seen.flatMap((closed, i) => (closed ? [] : [i * 10]));
		const slices = opened.filter((t, i) => i === 0 || t - opened[i - 1] > 10);
		assert.deepEqual(slices, [1000, 2200], 'a slice begins after each second of holding');
		assert.equal(opened.length, 40, 'each lasts sliceMs (20 samples)');
	});

	it('calls back when the user paused, so that held work starts without another event', async () => {
		let calls = 0;
		let closedWhenCalled: boolean | undefined;
		const g = new TypingGate(policy, () => { calls++; closedWhenCalled = g.closed; });
		gates.push(g);
		const start = performance.now();
		g.typed()();
		const deadline = start + 2000;
		while (calls === 0 && performance.now() < deadline) { await new Promise((r) => setTimeout(r, 10)); }
		assert.equal(calls, 1, 'the gate said it changed, once');
		assert.equal(closedWhenCalled, false);
		assert.ok(performance.now() - start >= policy.quietMs, 'not before the quiet interval');
	});
});
