// npm run bench: runs every benchmark and prints one table with the machine beside it.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const targets = {
	'classification': '≥ 100 MB/s',
	'mixed-script check (traditional)': '≥ 25 MB/s',
	'script fixtures (held out, traditional): warnings on correct text': '≤ 0.3 per 10,000 chars',
	'script fixtures (dev, traditional): warnings on correct text': '≤ 0.3 per 10,000 chars',
	'script fixtures (held out, traditional): fix-all changes': '0 characters',
	'script fixtures (held out, simplified): fix-all changes': '0 characters',
	'script fixtures (dev, traditional): fix-all changes': '0 characters',
	'script fixtures (dev, simplified): fix-all changes': '0 characters',
	'script injection: simplified leftovers': 'reported ≥ 0.97',
	'script injection: traditional leftovers': 'reported ≥ 0.99',
	'script on clean text': '≤ 0.3 per 10,000 chars, 0 changed',
	'didChange → diagnostics, 1 MB': '≤ 20 ms median',
	'didChange → diagnostics, 10 KB': '≤ 2 ms median',
	'hover on': '≤ 20 ms',
	'light bulb': '≤ 20 ms',
	'responsive: ': '≤ 50 ms',
	'name recognizer: model load': '≤ 300 ms',
	'name recognizer: tagging': '≥ 2 MB/s per core',
	'entity index, ': '≥ 2 MB/s per core',
	'entity index: memory held': '≤ 250 MB',
	'references of': '≤ 20 ms',
	'cold start: 10,000 files': '≤ 10 s',
	'cold start: peak memory': '≤ 1 GB',
	'huge files: longest wait': '< 1 s',
	'spacing and punctuation: zh-corpus': 'faster than AutoCorrect',
	'script: zh-corpus': 'faster than opencc-js',
	'fix --dry-run, one 50 MB file': '≤ 30 s',
	'fix of a folder with one 200 MB file': 'peak ≤ 1 GB, every file named',
	'Clean Workspace of one 200 MB file': 'peak ≤ 1 GB',
	'command line check: speed-up on 2 cores': '≥ 1.7×',
	'chrome: all rules on the generated pages': 'template lines found ≥ 0.95, no body line',
	'chrome: page analysis': 'as fast at 50 KB as at 3 KB (linear)',
};
const rows = [];
// BENCH_ONLY=scale,compare runs some of them.
const only = process.env.BENCH_ONLY?.split(',');
for (const name of ['script', 'scriptQuality', 'chrome', 'latency', 'responsive', 'entities', 'scale', 'cli', 'huge', 'writes', 'compare'].filter((n) => !only || only.includes(n))) {
	console.error(`[bench] ${name}…`);
	const r = spawnSync(process.execPath, ['--expose-gc', join(root, 'out', 'bench', `${name}.js`)], { cwd: root, encoding: 'utf8', env: { ...process.env, ZH_CORPUS_ROOT: root }, maxBuffer: 64 * 2 ** 20 });
	if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
	for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) { rows.push(JSON.parse(line)); }
}
console.log(`machine: ${cpus().length} × ${cpus()[0].model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('| benchmark | size | result | target |');
console.log('|---|---|---|---|');
for (const r of rows) {
	const target = Object.entries(targets).find(([k]) => r.name.startsWith(k))?.[1] ?? '';
	const size = r.mb ? `${r.mb.toFixed(1)} MB` : '';
	if (r.name.startsWith('all rules')) { r.mbps = r.mb / (r.ms / 1000); }
	const result = r.value !== undefined ? r.value
		: r.mbps ? `${r.mbps.toFixed(r.mbps < 10 ? 1 : 0)} MB/s (${(r.ms / 1000).toFixed(2)} s${r.problems !== undefined ? `, ${r.problems.toLocaleString('en')} ${r.note ?? 'problems'}` : ''})`
			: r.note ? `${(r.ms / 1000).toFixed(2)} s (${r.note})`
				: r.p90 !== undefined ? `median ${r.ms.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms${r.openMs !== undefined ? ` (open: ${r.openMs.toFixed(0)} ms, ${r.diagnostics} diagnostics)` : ''}`
					: `${r.ms.toFixed(0)} ms`;
	console.log(`| ${r.name} | ${size} | ${result} | ${target} |`);
}
