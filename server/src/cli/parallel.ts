/**
 * Where the command line's per-file jobs run: on this thread and on the server's corpus workers
 * (dist/worker.js), one worker fewer than the cores this process may use (`taskset` limits them),
 * or on this thread alone for one core or a little text. Results come back in file order
 * whatever order the jobs finish in.
 *
 * This thread is one of the workers. Each worker thread is a V8 isolate of its own that compiles
 * the rules again (TurboFan), builds the script tables and loads the segmenter: measured with
 * `perf` on 3,000 files, about 1 s of CPU per worker, a quarter of a worker's work. A third thread
 * on two cores paid that and then competed with the other two for the CPU. So this thread reads,
 * keeps the indexes and, whenever it would otherwise wait for a worker's result, runs the next job
 * itself.
 *
 * The workers must never wait for this thread: jobs start while files are still being read, a job
 * is built only when it is about to run (a check job carries its corpus snapshot), and this thread
 * takes only small jobs, so the workers' queued jobs outlast one of them.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { Segmenter, Tagger } from '../service/types';
import type { Settings } from '../settings';
import { partSize } from '../service/parts';
import { createJobRunner, JobRunner } from '../worker/jobs';
import type { Job, JobResult } from '../worker/protocol';
import { Priority, WorkerPool } from '../corpus/workerPool';

/** Below this much text, starting a worker (about half a second of CPU) costs more than it saves. */
const minCharsForWorkers = 1_000_000;
/** A file this large stays on this thread: copying it to a worker would double its memory. */
const maxCharsPerWorkerJob = 8 * partSize;
/** This thread takes a job while waiting only up to this size (tens of milliseconds): the workers' queues must outlast it. */
const maxCharsHelping = 1 << 17;
/**
 * Jobs handed to each worker and not yet back: enough that a worker finds its next job waiting
 * while this thread reads or runs a job of its own.
 */
const aheadPerWorker = 24;
/** Jobs started ahead of the result being waited for, at most (twice the window when that is more): results must not pile up behind one long job. */
const maxAhead = 256;

/** Where per-file jobs run: this thread and the server's corpus workers, once there is enough text and a second core. */
export class Jobs {
	#pool: WorkerPool | undefined;
	#local: JobRunner | undefined;
	#chars = 0;
	readonly #init;

	constructor(private readonly jieba: Segmenter & Tagger, settings: Settings, locale: string, private readonly log: (message: string) => void, private readonly cores = availableParallelism()) {
		this.#init = { kind: 'init', locale, limits: { maxBytes: settings.maxFileSizeMB * 2 ** 20 } } as const;
	}

	/** True once workers run jobs beside this thread; until then every job runs here, when its result is wanted. */
	get parallel(): boolean { return this.#pool !== undefined; }

	/** Jobs to keep handed to the workers at once: each is built just before (a check job carries its corpus snapshot). */
	get window(): number { return (this.#pool?.size ?? 0) * aheadPerWorker; }

	/** More text was read: past `minCharsForWorkers` on two cores or more, the workers start (while reading goes on). */
	add(chars: number): void {
		this.#chars += chars;
		if (this.#pool || this.cores < 2 || this.#chars < minCharsForWorkers) { return; }
		this.#pool = new WorkerPool(path.join(__dirname, 'worker.js'), this.cores - 1, this.log, () => createJobRunner(this.jieba, false), 0, aheadPerWorker);
		this.#pool.control(this.#init);
	}

	/** True when this job runs on this thread even with workers (a very large file). */
	runsHere(job: Job): boolean { return !this.#pool || textLength(job) > maxCharsPerWorkerJob; }

	/** True when this thread may run the job while it waits for the workers' results. */
	helps(job: Job): boolean { return textLength(job) <= maxCharsHelping; }

	/** Runs the job on a worker, or here when `runsHere` says so. */
	run<J extends Job>(job: J): Promise<JobResult<J>> {
		if (this.runsHere(job)) { return this.here(job); }
		// A job whose worker died runs again (the pool starts another worker).
		return this.#pool!.run(job, Priority.Scan).catch(() => this.#pool!.run(job, Priority.Interactive));
	}

	/** Runs the job on this thread. */
	here<J extends Job>(job: J): Promise<JobResult<J>> {
		if (!this.#local) { this.#local = createJobRunner(this.jieba, false); this.#local.control(this.#init); }
		return this.#local.run(job) as Promise<JobResult<J>>;
	}

	async dispose(): Promise<void> { await this.#pool?.dispose(); }
}

function textLength(job: Job): number { return (job as { text?: string }).text?.length ?? 0; }

/** What `inOrder` needs to know of where jobs run. */
export type JobPlace = Pick<Jobs, 'parallel' | 'window' | 'runsHere' | 'helps' | 'run' | 'here'>;

/** A job's result, or why it failed. */
export type Settled<R> = { readonly result: R } | { readonly error: unknown };

/**
 * Runs one job per item and hands the results (or failures) to `each` in item order. Items may
 * still be arriving (files being read): their jobs start as they come. At most `jobs.window` jobs
 * are out on the workers at once, each built just before it is handed out. While the next result
 * is not back, this thread runs the next small job itself; before the workers start, every job
 * runs here when its result is wanted.
 */
export async function inOrder<T, J extends Job>(jobs: JobPlace, items: Iterable<T> | AsyncIterable<T>, job: (item: T) => J, each: (item: T, result: Settled<JobResult<J>>, i: number) => void | Promise<void>): Promise<void> {
	const settle = (p: Promise<JobResult<J>>): Promise<Settled<JobResult<J>>> => p.then((result) => ({ result }), (error: unknown) => ({ error }));
	const arrived: T[] = [];
	/** Started jobs by item index (settled at once, so that no failure is left unhandled); consumed ones are deleted. */
	const started = new Map<number, Promise<Settled<JobResult<J>>>>();
	/** Jobs built but left for their turn on this thread (too large to hand out or to take early), by item index. */
	const built = new Map<number, J>();
	const back = new Set<number>();
	let nextToStart = 0;
	let out = 0;
	let ended = false;
	let wake: (() => void) | undefined;
	/** The item whose result is wanted next. */
	let current = 0;
	const tooFarAhead = () => nextToStart - current > Math.max(maxAhead, 2 * jobs.window);
	const jobOf = (i: number): J => { const j = built.get(i) ?? job(arrived[i]); built.delete(i); return j; };
	const startMore = () => {
		while (jobs.parallel && out < jobs.window && nextToStart < arrived.length && !tooFarAhead()) {
			const i = nextToStart++;
			const j = jobOf(i);
			// A job that runs on this thread runs when its turn comes, not ahead of the workers' jobs.
			if (jobs.runsHere(j)) { built.set(i, j); continue; }
			out++;
			started.set(i, settle(jobs.run(j)).finally(() => { out--; back.add(i); startMore(); wake?.(); }));
		}
	};
	/**
	 * The next job not yet started, when it is small enough for this thread to take while it waits.
	 */
	const toHelpWith = (): [number, J] | undefined => {
		if (!jobs.parallel || nextToStart >= arrived.length || tooFarAhead()) { return undefined; }
		const i = nextToStart;
		const j = jobOf(i);
		if (!jobs.helps(j)) { built.set(i, j); return undefined; }
		nextToStart++;
		return [i, j];
	};
	const runHere = async ([i, j]: [number, J]): Promise<void> => {
		const result = settle(jobs.here(j));
		started.set(i, result);
		await result;
		back.add(i);
		// A turn of the event loop: the workers' results are taken and their next jobs handed out.
		await new Promise((resolve) => setImmediate(resolve));
	};
	const feeding = (async () => {
		try {
			for await (const item of items) { arrived.push(item); startMore(); wake?.(); }
		} finally {
			ended = true;
			wake?.();
		}
	})();
	// A failure to produce items (a read that throws) is thrown below, once the items before it are used.
	feeding.catch(() => undefined);
	for (let i = 0; ; i++) {
		current = i;
		while (i >= arrived.length && !ended) { await new Promise<void>((resolve) => { wake = resolve; }); wake = undefined; }
		if (i >= arrived.length) { break; }
		// While item i's job is out on a worker, this thread runs later ones (or waits for any news).
		// (Checked and waited for in one synchronous step: no news can slip in between.)
		while (started.has(i) && !back.has(i)) {
			const next = toHelpWith();
			if (next) { await runHere(next); continue; }
			await new Promise<void>((resolve) => { wake = resolve; });
			wake = undefined;
		}
		if (nextToStart <= i) { nextToStart = i + 1; }
		const result = await (started.get(i) ?? settle(jobs.here(jobOf(i))));
		started.delete(i);
		back.delete(i);
		await each(arrived[i], result, i);
		startMore();
	}
	await feeding;
}
