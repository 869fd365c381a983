/**
 * The command line over the 10,000-file benchmark corpus (about 100 MB): `zh-corpus check`
 * (every rule, JSON output) and `zh-corpus fix --dry-run`, each on one core and on two
 * (`taskset`; the command line runs jobs on its own thread and one worker per further core),
 * back to back, with the speed-up. The outputs on one and on two cores must be identical.
 *
 * The machine is shared: another process on core 1 takes the second core from both runs. So each
 * run also gives its CPU time (user + system, of the process and its threads), and the machine's
 * own speed-up at that moment is measured too: a fixed computation in two threads, on one core and
 * on two. What the command line can reach on two cores is that, not 2×.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCorpus } from './corpusFolder';

const root = process.env.ZH_CORPUS_ROOT ?? path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

/** Runs the command under `taskset`; the shell's `times` gives the CPU time of what it ran (its last line). */
function timed(cores: string, command: string[]): { ms: number; cpuMs: number; out: string } {
	const start = performance.now();
	const quoted = command.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
	const r = spawnSync('bash', ['-c', `taskset -c ${cores} ${quoted}; s=$?; times >&2; exit $s`], { encoding: 'utf8', maxBuffer: 2 ** 31 - 1 });
	const ms = performance.now() - start;
	if (r.status !== 0 && r.status !== 1) { throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr}`); }
	const children = r.stderr.trim().split('\n').pop()!.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
	const cpuMs = children ? (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000 : NaN;
	return { ms, cpuMs, out: r.stdout };
}

/** Two threads of the same fixed computation (Map lookups and string keys, as the rules do). */
const spin = `const { Worker, isMainThread, parentPort } = require('node:worker_threads');
if (isMainThread) { let n = 0; for (let i = 0; i < 2; i++) new Worker(__filename).on('message', () => { if (++n === 2) process.exit(0); }); }
else { const m = new Map(); let h = 0; for (let i = 0; i < 8e6; i++) { const k = 'k' + (i % 50000); h = (h + (m.get(k) ?? 0)) | 0; m.set(k, i & 7); } parentPort.postMessage(h); }`;

function main(): void {
	const files = Number(process.env.BENCH_FILES ?? 10_000);
	const dir = path.join(os.tmpdir(), `zh-corpus-bench-cli-${files}`);
	const corpus = writeCorpus(dir, { files, seed: 1 });
	const mb = corpus.bytes / 1e6;
	const both = os.availableParallelism() >= 2 ? '0,1' : undefined;
	const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	if (both) {
		const script = path.join(os.tmpdir(), 'zh-corpus-bench-spin.js');
		writeFileSync(script, spin);
		const one = timed('0', [process.execPath, script]);
		const two = timed(both, [process.execPath, script]);
		console.log(JSON.stringify({ name: 'machine now: two threads of fixed work, speed-up on 2 cores', value: `${(one.ms / two.ms).toFixed(2)}× (${s(one.ms)} → ${s(two.ms)})` }));
	}
	for (const [what, args] of [['check', ['check', dir, '--format', 'json', '--quiet', '--fail-on', 'never']], ['fix --dry-run', ['fix', dir, '--dry-run', '--quiet']]] as const) {
		const one = timed('0', [process.execPath, cli, ...args]);
		console.log(JSON.stringify({ name: `command line ${what}: 1 core`, mb, ms: one.ms, note: `CPU ${s(one.cpuMs)}` }));
		if (!both) { continue; }
		const two = timed(both, [process.execPath, cli, ...args]);
		if (two.out !== one.out) { throw new Error(`zh-corpus ${what} gives other output on two cores`); }
		console.log(JSON.stringify({ name: `command line ${what}: 2 cores`, mb, ms: two.ms, note: `CPU ${s(two.cpuMs)}` }));
		console.log(JSON.stringify({ name: `command line ${what}: speed-up on 2 cores`, value: `${(one.ms / two.ms).toFixed(2)}× (CPU ${(two.cpuMs / one.cpuMs).toFixed(2)}× of one core's)` }));
	}
}

main();
