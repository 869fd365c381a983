import * as assert from 'node:assert/strict';
import { drive } from '../../server/src/corpus/drive';

/** A unit of sliced work: busy for `ms`. */
const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) { /* work */ } };

describe('sliced work on the server\'s thread (drive.ts)', () => {
	it('lets a message read between slices be handled and answered before the next slice', async () => {
		// vscode-jsonrpc handles a message read in one immediate and writes its reply in the next
		// (its write semaphore). Each turn of the event loop counts itself; a slice is the set of
		// units run in one turn. Between reading (a timer here, before the poll) and the reply at
		// most one slice may run; with a slice in every turn, two did (one before each immediate).
		let turnNo = 0;
		let counting = true;
		const countTurns = () => { turnNo++; if (counting) { setImmediate(countTurns); } };
		setImmediate(countTurns);
		let stop = false;
		const unitTurns: number[] = [];
		const work = drive((function* () { while (!stop) { busy(2); unitTurns.push(turnNo); yield; } })());
		const slicesBetween: number[] = [];
		for (let i = 0; i < 10; i++) {
			await new Promise((r) => setTimeout(r, 5 + i));
			const from = unitTurns.length;
			await new Promise<void>((answered) => setImmediate(() => setImmediate(answered)));
			slicesBetween.push(new Set(unitTurns.slice(from)).size);
		}
		stop = true;
		counting = false;
		await work;
		assert.ok(unitTurns.length > 20, `${unitTurns.length} units`);
		assert.ok(Math.max(...slicesBetween) <= 1, `slices between a read and its reply: ${slicesBetween.join(', ')}`);
	});
});
