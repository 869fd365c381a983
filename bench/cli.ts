/**
 * The command line over the 10,000-file benchmark corpus (about 100 MB): `zh-corpus check`
 * (every rule, JSON output) and `zh-corpus fix --dry-run`, each on one core and on two
 * (`taskset`; the command line starts one corpus worker per core it may use), with the speed-up.
 * The outputs on one and on two cores must be identical.
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeCorpus } from './corpusFolder';

const root = process.env.ZH_CORPUS_ROOT ?? path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

function timed(cores: string, args: string[]): { ms: number; out: string } {
	const start = performance.now();
	const r = spawnSync('taskset', ['-c', cores, process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 2 ** 31 - 1 });
	if (r.status !== 0 && r.status !== 1) { throw new Error(`zh-corpus ${args.join(' ')} exited ${r.status}: ${r.stderr}`); }
	return { ms: performance.now() - start, out: r.stdout };
}

function main(): void {
	const files = Number(process.env.BENCH_FILES ?? 10_000);
	const dir = path.join(os.tmpdir(), `zh-corpus-bench-cli-${files}`);
	const corpus = writeCorpus(dir, { files, seed: 1 });
	const mb = corpus.bytes / 1e6;
	const both = os.availableParallelism() >= 2 ? '0,1' : undefined;
	for (const [what, args] of [['check', ['check', dir, '--format', 'json', '--quiet', '--fail-on', 'never']], ['fix --dry-run', ['fix', dir, '--dry-run', '--quiet']]] as const) {
		const one = timed('0', [...args]);
		console.log(JSON.stringify({ name: `command line ${what}: 1 core`, mb, ms: one.ms }));
		if (!both) { continue; }
		const two = timed(both, [...args]);
		if (two.out !== one.out) { throw new Error(`zh-corpus ${what} gives other output on two cores`); }
		console.log(JSON.stringify({ name: `command line ${what}: 2 cores`, mb, ms: two.ms }));
		console.log(JSON.stringify({ name: `command line ${what}: speed-up on 2 cores`, value: `${(one.ms / two.ms).toFixed(2)}×` }));
	}
}

main();
