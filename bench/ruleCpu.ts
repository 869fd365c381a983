/**
 * The rules' CPU per file, on one thread: the 10,000-file bench corpus (or every n-th file of it)
 * and the shared web pages, each indexed and checked as the corpus workers do for closed files
 * (checkFolder.ts), every rule's check timed (wall time of this thread). The workers' checks are most of a cold start's CPU;
 * this says which rules they spend it in.
 *
 *   node out/bench/ruleCpu.js              RULECPU_EVERY=4: every 4th file of the bench corpus
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkFolder, cpuMs, listTexts, Spent } from './checkFolder';
import { writeCorpus } from './corpusFolder';

const webPages = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'web-pages');

interface Column { readonly name: string; readonly files: number; readonly mb: number; readonly cpu: number; readonly ms: ReadonlyMap<string, number> }

async function measure(name: string, files: readonly string[]): Promise<Column> {
	// Wall time on this one thread: the process's CPU time (a system call, ≈ 7 µs) asked twice per
	// rule and file cost ≈ 4 s over the corpus, more than most rules; run it under the lock, idle.
	const spent = new Spent(true, () => performance.now());
	const start = cpuMs();
	let mb = 0;
	for await (const checked of checkFolder(files, spent)) { mb += Buffer.byteLength(checked.doc?.text ?? '') / 1e6; }
	return { name, files: files.length, mb, cpu: cpuMs() - start, ms: spent.ms };
}

function table(columns: readonly Column[]): string {
	const keys = [...new Set(columns.flatMap((c) => [...c.ms.keys()]))]
		.sort((a, b) => (columns[0].ms.get(b) ?? 0) - (columns[0].ms.get(a) ?? 0));
	const cell = (c: Column, key: string) => {
		const ms = c.ms.get(key) ?? 0;
		return `${ms.toFixed(0).padStart(7)} ms ${(ms / c.files).toFixed(3).padStart(7)} ms/file`;
	};
	const head = columns.map((c) => `${c.name} (${c.files} files, ≈ ${c.mb.toFixed(1)} MB, CPU ${(c.cpu / 1000).toFixed(1)} s)`);
	return [...head, ...keys.map((k) => `${columns.map((c) => cell(c, k)).join('   ')}   ${k}`)].join('\n');
}

async function main(): Promise<void> {
	const every = Number(process.env.RULECPU_EVERY ?? 1);
	const dir = path.join(os.tmpdir(), 'zh-corpus-bench-10000');
	writeCorpus(dir, { files: 10_000, seed: 1 });
	const sample = listTexts(dir).filter((_, i) => i % every === 0);
	const columns = [await measure(every === 1 ? 'bench corpus' : `bench corpus, every ${every}th file`, sample)];
	if (fs.existsSync(webPages)) { columns.push(await measure('web pages', listTexts(webPages))); }
	console.log(`rules' CPU (load ${os.loadavg()[0].toFixed(1)}, node ${process.version})`);
	console.log(table(columns));
	const lint = columns[0].ms.get('lint (all rules)') ?? 0;
	console.log(JSON.stringify({ name: 'rules\' CPU: lint of the bench corpus, one thread', value: +(lint / 1000).toFixed(2), unit: 's', files: columns[0].files }));
}

main().catch((e) => { console.error(e); process.exit(1); });
