/**
 * Where the command line's per-file jobs run: the server's corpus workers (dist/worker.js, one
 * per core this process may use; `taskset` limits them), or this thread for one core, a little
 * text or one very large file. Results come back in file order whatever order the workers finish in.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { Segmenter, Tagger } from '../service/types';
import type { Settings } from '../settings';
import { partSize } from '../service/parts';
import { createJobRunner, JobRunner } from '../worker/jobs';
import type { Job, JobResult } from '../worker/protocol';
import { Priority, WorkerPool } from '../corpus/workerPool';
import type { CorpusFile } from './files';

/** Where per-file jobs run: the server's corpus workers, or this thread. */
export interface Jobs {
	/** False on this thread: jobs are then run one at a time, as they are needed. */
	readonly parallel: boolean;
	run<J extends Job>(job: J): Promise<JobResult<J>>;
	dispose(): Promise<void>;
}

/** Below this much text, starting workers (about half a second) costs more than it saves. */
const minCharsForWorkers = 1_000_000;
/** A file this large stays on this thread: copying it to a worker would double its memory. */
const maxCharsPerWorkerJob = 8 * partSize;

/** One worker per core this process may use (`taskset` limits it), when there are two or more and enough text. */
export function startJobs(jieba: Segmenter & Tagger, files: readonly CorpusFile[], settings: Settings, locale: string, log: (message: string) => void): Jobs {
	const init = { kind: 'init', locale, limits: { maxBytes: settings.maxFileSizeMB * 2 ** 20 } } as const;
	let local: JobRunner | undefined;
	const here = <J extends Job>(job: J) => {
		if (!local) { local = createJobRunner(jieba, false); local.control(init); }
		return local.run(job) as Promise<JobResult<J>>;
	};
	const cores = availableParallelism();
	const chars = files.reduce((n, f) => n + f.text!.length, 0);
	if (cores < 2 || chars < minCharsForWorkers) { return { parallel: false, run: here, dispose: async () => undefined }; }
	const pool = new WorkerPool(path.join(__dirname, 'worker.js'), cores, log, () => createJobRunner(jieba, false));
	pool.control(init);
	return {
		parallel: true,
		run: (job) => ((job.text?.length ?? 0) > maxCharsPerWorkerJob ? here(job)
			// A job whose worker died runs again (the pool starts another worker).
			: pool.run(job, Priority.Scan).catch(() => pool.run(job, Priority.Interactive))),
		dispose: () => pool.dispose(),
	};
}

/** A job's result, or why it failed. */
export type Settled<R> = { readonly result: R } | { readonly error: unknown };

/** Runs one job per item, in parallel, and hands the results (or failures) back in item order. */
export async function inOrder<T, J extends Job>(jobs: Jobs, items: readonly T[], job: (item: T) => J, each: (item: T, result: Settled<JobResult<J>>, i: number) => void | Promise<void>): Promise<void> {
	const settled = (item: T): Promise<Settled<JobResult<J>>> => jobs.run(job(item)).then((result) => ({ result }), (error: unknown) => ({ error }));
	// Workers get every job at once (their queue); settled at once, so that no failure is left
	// unhandled while earlier items are being consumed.
	const started = jobs.parallel ? items.map(settled) : undefined;
	for (const [i, item] of items.entries()) {
		await each(item, await (started ? started[i] : settled(item)), i);
	}
}
