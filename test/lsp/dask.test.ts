/**
 * The JSON Lines map step run by a real distributed engine: Dask distributed (Debian's
 * python3-distributed, installed on first use), a LocalCluster of two worker processes piping a
 * bag of partitions of 10,000 records through `zh-corpus fix --jsonl` (test/dask/pipe_jsonl.py).
 * The gathered output must be byte for byte what one process writes for the same input.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { debianTool } from '../support/debianTool';
import { repoRoot } from './lspClient';

const python = '/usr/bin/python3';

/** `count` records made of runs of the fixtures' lines, chosen by a seeded generator (no shared text in the repo). */
function records(count: number): string {
	const lines: string[] = [];
	for (const dir of ['boilerplate', 'boilerplate-heldout', 'cleaning', 'mixed-script']) {
		const folder = path.join(repoRoot, 'test', 'fixtures', dir);
		for (const f of fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) { lines.push(...fs.readFileSync(path.join(folder, f), 'utf8').split('\n')); }
	}
	let seed = 7;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const out: string[] = [];
	for (let id = 0; id < count; id++) {
		const start = Math.floor(next() * lines.length);
		out.push(JSON.stringify({ id, text: lines.slice(start, start + 3 + Math.floor(next() * 25)).join('\n') }));
	}
	return `${out.join('\n')}\n`;
}

describe('Dask distributed runs the JSON Lines map step', function () {
	this.timeout(900_000);
	before(function () {
		if (!debianTool(`${python} -c "import dask.bag, distributed"`, ['python3-distributed'])) {
			console.log('    Dask distributed (python3-distributed) is not installed and cannot be here (needs root and apt-get): Dask test skipped');
			this.skip();
		}
	});

	it('cleans 10,000 records on a LocalCluster of 2 workers exactly as one process does', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-dask-'));
		try {
			const input = path.join(dir, 'records.jsonl');
			fs.writeFileSync(input, records(10_000));
			const cli = [process.execPath, path.join(repoRoot, 'dist', 'cli.js'), 'fix', '--jsonl'];
			const single = spawnSync(cli[0], cli.slice(1), { input: fs.readFileSync(input), maxBuffer: 1 << 30, encoding: 'utf8' });
			assert.equal(single.status, 0, single.stderr);
			const output = path.join(dir, 'dask.jsonl');
			const started = Date.now();
			const dask = spawnSync(python, [path.join(repoRoot, 'test', 'dask', 'pipe_jsonl.py'), input, output, '8', ...cli], { encoding: 'utf8', timeout: 600_000 });
			assert.equal(dask.status, 0, dask.stderr.slice(-3000));
			const summary = JSON.parse(dask.stdout.trim().split('\n').pop()!) as { partitions: number; records: number; workers: string[] };
			console.log(`      ${summary.records} records in ${summary.partitions} partitions on ${summary.workers.length} workers, ${((Date.now() - started) / 1000).toFixed(1)} s`);
			assert.equal(summary.partitions, 8);
			assert.equal(summary.records, 10_000);
			assert.equal(summary.workers.length, 2, 'both workers ran partitions');
			const distributed = fs.readFileSync(output, 'utf8');
			assert.ok(distributed === single.stdout, 'the distributed output differs from the single-process output');
			assert.notEqual(distributed, fs.readFileSync(input, 'utf8'), 'fix-all changed something');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
