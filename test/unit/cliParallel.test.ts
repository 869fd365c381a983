/**
 * The command line's job dispatch (cli/parallel.ts `inOrder`) with a stand-in for the workers:
 * results reach the caller in item order whatever order the jobs finish in, while items are
 * still arriving; no more jobs are out at once than the window, each built only when it is handed
 * out; while a result is not back this thread runs later (small) jobs itself; before the workers
 * start, jobs run one at a time when their turn comes; failures stay with their item. (That the
 * workers give the same output as one thread: test/lsp/cliParallel.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { inOrder, JobPlace } from '../../server/src/cli/parallel';
import type { Job } from '../../server/src/worker/protocol';

/** The file a job is about (the command line runs per-file jobs only). */
const uriOf = (job: Job): string => (job as { readonly uri: string }).uri;

type IndexJob = Extract<Job, { kind: 'index' }>;

/** Workers stand-in: each job ends after a pseudo-random few milliseconds; `big` uris run "here". */
function fakeWorkers(window: number, startAfter = 0) {
	let seed = 7;
	const delay = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 4;
	const state = { out: 0, maxOut: 0, built: 0, ranHere: [] as string[], handedOut: 0 };
	const place: JobPlace & { readonly state: typeof state } = {
		state,
		get parallel() { return state.built >= startAfter; },
		get window() { return window; },
		runsHere: (job) => !place.parallel || uriOf(job).startsWith('big'),
		helps: (job) => !uriOf(job).startsWith('big'),
		here: async (job) => {
			state.ranHere.push(uriOf(job));
			if (uriOf(job).startsWith('fail')) { throw new Error(`${uriOf(job)} failed`); }
			return { uri: uriOf(job) } as never;
		},
		run: async (job) => {
			if (place.runsHere(job)) { return place.here(job); }
			state.out++;
			state.handedOut++;
			state.maxOut = Math.max(state.maxOut, state.out);
			await new Promise((resolve) => setTimeout(resolve, uriOf(job).startsWith('slow') ? 200 : delay()));
			state.out--;
			if (uriOf(job).startsWith('fail')) { throw new Error(`${uriOf(job)} failed`); }
			return { uri: uriOf(job) } as never;
		},
	};
	return place;
}

async function* arriving(names: readonly string[]): AsyncGenerator<string> {
	for (const [i, name] of names.entries()) {
		if (i % 7 === 0) { await new Promise((resolve) => setTimeout(resolve, 1)); }
		yield name;
	}
}

describe('command line dispatch (inOrder)', () => {
	const names = Array.from({ length: 200 }, (_, i) => `f${i}`);

	it('hands results on in item order while items arrive, with no more jobs out than the window', async () => {
		const place = fakeWorkers(8);
		const seen: string[] = [];
		await inOrder(place, arriving(names), (name): IndexJob => { place.state.built++; return { kind: 'index', uri: name }; }, (name, r, i) => {
			assert.ok('result' in r);
			assert.equal(r.result.uri, name);
			assert.equal(i, seen.length);
			seen.push(name);
		});
		assert.deepEqual(seen, names);
		assert.equal(place.state.handedOut + place.state.ranHere.length, names.length, 'a job ran twice or never');
		assert.ok(place.state.maxOut <= 8, `${place.state.maxOut} jobs out at once`);
		assert.ok(place.state.maxOut >= 2, 'the jobs never overlapped');
	});

	it('builds a job only when it runs or is handed out (not every job up front)', async () => {
		const place = fakeWorkers(4);
		let builtWhenFirstUsed = -1, runWhenFirstUsed = -1;
		await inOrder(place, names, (name): IndexJob => { place.state.built++; return { kind: 'index', uri: name }; }, () => {
			if (builtWhenFirstUsed < 0) { builtWhenFirstUsed = place.state.built; runWhenFirstUsed = place.state.handedOut + place.state.ranHere.length; }
		});
		assert.ok(builtWhenFirstUsed <= runWhenFirstUsed + 1, `${builtWhenFirstUsed} jobs built, ${runWhenFirstUsed} run, before the first result was used`);
	});

	it("runs later jobs on this thread while a worker's result is not back, and still hands results on in order", async () => {
		const place = fakeWorkers(2);
		const seen: string[] = [];
		await inOrder(place, names, (name): IndexJob => ({ kind: 'index', uri: name }), (name) => { seen.push(name); });
		assert.deepEqual(seen, names);
		assert.ok(place.state.ranHere.length > 0 && place.state.handedOut > 0, `${place.state.ranHere.length} here, ${place.state.handedOut} on workers`);
		assert.equal(place.state.handedOut + place.state.ranHere.length, names.length, 'a job ran twice or never');
	});

	it('stops taking jobs far ahead of a result that is slow to come back', async () => {
		const place = fakeWorkers(4);
		const items = Array.from({ length: 600 }, (_, i) => (i === 0 ? 'slow0' : `f${i}`));
		let startedBeforeFirst = -1;
		await inOrder(place, items, (name): IndexJob => ({ kind: 'index', uri: name }), () => {
			if (startedBeforeFirst < 0) { startedBeforeFirst = place.state.handedOut + place.state.ranHere.length; }
		});
		assert.ok(startedBeforeFirst > 100 && startedBeforeFirst <= 258, `${startedBeforeFirst} jobs started while the first was out`);
	});

	it('runs jobs here one at a time until the workers start, then hands the rest out; very large ones stay here', async () => {
		const place = fakeWorkers(8, 20);
		const items = names.map((n, i) => (i === 150 ? `big${i}` : n));
		const seen: string[] = [];
		await inOrder(place, arriving(items), (name): IndexJob => { place.state.built++; return { kind: 'index', uri: name }; }, (name) => { seen.push(name); });
		assert.deepEqual(seen, items);
		assert.ok(place.state.ranHere.length >= 1 && place.state.ranHere.includes('big150'), place.state.ranHere.join(' '));
		assert.equal(place.state.ranHere.length + place.state.handedOut, items.length, 'a job ran twice or never');
	});

	it('keeps a failure with its item and goes on; an item source that throws is thrown after the items before it', async () => {
		const place = fakeWorkers(8);
		const failed: string[] = [];
		await inOrder(place, names.map((n, i) => (i % 50 === 3 ? `fail${i}` : n)), (name): IndexJob => ({ kind: 'index', uri: name }), (name, r) => {
			if ('error' in r) { failed.push(name); }
		});
		assert.deepEqual(failed, ['fail3', 'fail53', 'fail103', 'fail153']);
		async function* broken(): AsyncGenerator<string> { yield 'a'; yield 'b'; throw new Error('unreadable folder'); }
		const used: string[] = [];
		await assert.rejects(inOrder(place, broken(), (name): IndexJob => ({ kind: 'index', uri: name }), (name) => { used.push(name); }), /unreadable folder/);
		assert.deepEqual(used, ['a', 'b']);
	});
});
