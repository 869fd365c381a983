/**
 * The command line on its corpus workers: over 1 M characters on two cores, `check` and `fix`
 * index, check and fix files on the server's workers; the output must be what one core (the main
 * thread alone, `taskset -c 0`) gives, file for file and byte for byte.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lspClient';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const hasTaskset = spawnSync('sh', ['-c', 'command -v taskset'], { stdio: 'ignore' }).status === 0;

function run(cores: string, cwd: string, args: string[]) {
	return spawnSync('taskset', ['-c', cores, process.execPath, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, LANG: 'C' } });
}

/** 300 files of runs of the fixtures' lines (template lines recur across files), one an exact copy of another. */
function writeCorpus(dir: string): number {
	const lines: string[] = [];
	for (const sub of ['boilerplate', 'boilerplate-heldout', 'cleaning', 'mixed-script']) {
		const folder = path.join(repoRoot, 'test', 'fixtures', sub);
		for (const f of fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).sort()) { lines.push(...fs.readFileSync(path.join(folder, f), 'utf8').split('\n')); }
	}
	let seed = 11;
	const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	let chars = 0;
	for (let i = 0; i < 300; i++) {
		const start = Math.floor(next() * lines.length);
		// f000 gets a paragraph of its own (characters of the fixtures drawn at random), which f299 copies.
		const own = i === 0 ? `\n${Array.from({ length: 600 }, () => { const l = lines[Math.floor(next() * lines.length)]; return l[Math.floor(next() * l.length)] ?? '。'; }).join('')}` : '';
		const text = i === 299 ? fs.readFileSync(path.join(dir, 'f000.txt'), 'utf8') : Array.from({ length: 200 }, (_, k) => lines[(start + k) % lines.length]).join('\n') + own;
		fs.writeFileSync(path.join(dir, `f${String(i).padStart(3, '0')}.txt`), text);
		chars += text.length;
	}
	return chars;
}

describe('command line on every core', function () {
	this.timeout(300_000);
	before(function () {
		if (!hasTaskset || os.availableParallelism() < 2) {
			console.log('    taskset or a second core is missing: the one-core/two-core comparison is skipped');
			this.skip();
		}
	});

	it('checks and fixes on two cores exactly as on one', () => {
		const one = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-cores-'));
		const two = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-cores-'));
		try {
			const chars = writeCorpus(one);
			assert.ok(chars > 1_000_000, `${chars} characters: too few for the workers`);
			fs.cpSync(one, two, { recursive: true });
			const check = ['check', '.', '--format', 'json', '--fail-on', 'never', '--quiet'];
			const single = run('0', one, check);
			const both = run('0,1', one, check);
			assert.equal(single.status, 0, single.stderr);
			assert.equal(both.status, 0, both.stderr);
			const rules = new Set((JSON.parse(both.stdout) as { rule: string }[]).map((r) => r.rule));
			for (const rule of ['mixed-script', 'boilerplate.repeated-line', 'duplicate.document']) { assert.ok(rules.has(rule), `no ${rule} among ${[...rules].join(' ')}`); }
			assert.ok(both.stdout === single.stdout, 'check reports otherwise on two cores');
			const before = new Map(fs.readdirSync(one).map((f) => [f, fs.readFileSync(path.join(one, f), 'utf8')]));
			assert.equal(run('0', one, ['fix', '.', '--quiet']).status, 0);
			assert.equal(run('0,1', two, ['fix', '.', '--quiet']).status, 0);
			let changed = 0;
			for (const f of fs.readdirSync(one)) {
				const fixed = fs.readFileSync(path.join(one, f), 'utf8');
				assert.equal(fs.readFileSync(path.join(two, f), 'utf8'), fixed, f);
				if (fixed !== before.get(f)) { changed++; }
			}
			assert.ok(changed > 100, `fix changed only ${changed} files`);
		} finally {
			fs.rmSync(one, { recursive: true, force: true });
			fs.rmSync(two, { recursive: true, force: true });
		}
	});
});
