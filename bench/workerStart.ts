/**
 * A corpus worker's start-up, as the cold start pays it once per worker: from its spawn to its
 * first message (the bundle loaded), its first index and check batches of the 10k bench corpus
 * (the one-time work inside them: tables, jieba's dictionary, compiling), against the same jobs
 * on the next files once warm. Two workers at once, as on 2 cores. BENCH_WORKER_PROFILE=1 writes
 * a CPU profile of each worker (--cpu-prof) into the current folder.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defaultLintOptions } from '../server/src/service';
import type { FromWorker, Job, ToWorker } from '../server/src/worker/protocol';
import { writeCorpus } from './corpusFolder';
import { indexBatch, checkBatch } from '../server/src/corpus/scanBatches';

const workers = Number(process.env.BENCH_WORKERS ?? 2);
/** Batches after the first, to see the warm cost of the same jobs. */
const warmBatches = 3;

interface Times { ready: number; index: number[]; check: number[] }

/** Runs one worker through its first batches; times in ms from its spawn. */
async function oneWorker(script: string, files: readonly string[]): Promise<Times> {
	const start = performance.now();
	const execArgv = process.env.BENCH_WORKER_PROFILE ? [...process.execArgv, '--cpu-prof'] : undefined;
	const worker = new Worker(script, { workerData: { niceness: 0, pause: new Int32Array(new SharedArrayBuffer(4)) }, execArgv });
	let next = 0;
	const waiting = new Map<number, (m: FromWorker) => void>();
	let ready: () => void = () => undefined;
	const readyAt = new Promise<number>((resolve) => { ready = () => resolve(performance.now() - start); });
	worker.on('message', (m: FromWorker) => {
		if (m.id === undefined) { if (!('idle' in m && m.idle)) { ready(); } return; }
		waiting.get(m.id)?.(m);
	});
	const run = (job: Job) => new Promise<number>((resolve, reject) => {
		const id = next++;
		const t = performance.now();
		waiting.set(id, (m) => ('error' in m && m.error ? reject(new Error(m.error)) : resolve(performance.now() - t)));
		worker.postMessage({ id, job } satisfies ToWorker);
	});
	worker.postMessage({ control: { kind: 'init', limits: { maxBytes: 32 * 2 ** 20 } } } satisfies ToWorker);
	const times: Times = { ready: await readyAt, index: [], check: [] };
	const uris = files.map((f) => pathToFileURL(f).href);
	const empty = { fileCount: files.length, lineCounts: [], shared: [] };
	for (let b = 0; b <= warmBatches; b++) {
		const batch = uris.slice(b * checkBatch.files, (b + 1) * checkBatch.files);
		times.index.push(await run({ kind: 'indexBatch', files: batch.map((uri) => ({ uri })), budget: indexBatch.units }));
		times.check.push(await run({ kind: 'checkBatch', options: defaultLintOptions, files: batch.map((uri) => ({ uri, corpus: empty })) }));
	}
	await worker.terminate();
	return times;
}

async function main(): Promise<void> {
	const dir = path.join(os.tmpdir(), 'zh-corpus-bench-10000');
	writeCorpus(dir, { files: 10_000, seed: 1 });
	const all = fs.readdirSync(dir).filter((d) => !d.startsWith('.')).sort().flatMap((d) => fs.readdirSync(path.join(dir, d)).sort().map((f) => path.join(dir, d, f)));
	const perWorker = (warmBatches + 1) * checkBatch.files;
	const script = path.join(__dirname, '..', '..', 'dist', 'worker.js');
	const load = os.loadavg()[0].toFixed(1);
	const runs = await Promise.all(Array.from({ length: workers }, (_, w) => oneWorker(script, all.slice(w * perWorker, (w + 1) * perWorker))));
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
	for (const [w, t] of runs.entries()) {
		const warmIndex = mean(t.index.slice(1)), warmCheck = mean(t.check.slice(1));
		console.log(JSON.stringify({
			name: `worker start-up (${workers} at once): worker ${w + 1}`,
			value: `ready ${t.ready.toFixed(0)} ms; first index batch ${t.index[0].toFixed(0)} ms (warm ${warmIndex.toFixed(0)}), first check batch ${t.check[0].toFixed(0)} ms (warm ${warmCheck.toFixed(0)}); one-time ≈ ${(t.ready + t.index[0] - warmIndex + t.check[0] - warmCheck).toFixed(0)} ms (load ${load})`,
		}));
	}
	// Each table's own cost, in a fresh process (startTables.ts).
	const tables = spawnSync(process.execPath, [path.join(__dirname, 'startTables.js')], { encoding: 'utf8' });
	process.stdout.write(tables.stdout);
	if (tables.status !== 0) { throw new Error(tables.stderr); }
}

void main().catch((e) => { console.error(e); process.exit(1); });
