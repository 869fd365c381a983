/**
 * The page analysis alone (boilerplate/analysis.ts: every line's facts, the page model's verdict,
 * the blocks), on one thread, over the 10,000-file bench corpus as a corpus worker checks closed
 * files: each file's lines found in a line store (its records keep the lines' facts, as the
 * service's do), with the workers' cache limits. In the rules' CPU bench this cost is charged to
 * the first boilerplate rule that asks for it (share-widget); here it is timed by itself. The
 * files are taken in batches: a batch's documents and line records are made first, then the
 * process's CPU time is read around the analyses of the batch alone (the machine is shared: wall
 * time counts the others' work; CPU time is read twice per batch, not per file, as each read is a
 * system call).
 *
 *   node out/bench/pageAnalysis.js        PAGE_EVERY=4: every 4th file of the corpus
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusDocument } from '../server/src/service';
import { analyze } from '../server/src/service/boilerplate/analysis';
import { configureLineCaches, LineStore } from '../server/src/service/lruCache';
import { closedVersion } from '../server/src/lsp/convert';
import { cpuMs, listTexts } from './checkFolder';
import { writeCorpus } from './corpusFolder';

/** Files whose documents are made before their analyses are timed together. */
const batch = 200;

/** Analyzes every text once. */
function pass(texts: readonly (readonly [string, string])[], store: LineStore): { cpu: number; ms: number; lines: number; blockLines: number } {
	let cpu = 0, ms = 0, lines = 0, blockLines = 0;
	for (let from = 0; from < texts.length; from += batch) {
		const docs = texts.slice(from, from + batch).map(([uri, text]) => {
			const doc = new CorpusDocument(uri, closedVersion, text);
			// As the service does for a closed file before its rules run (index.ts): its lines' records.
			store.recordsOf(doc);
			return doc;
		});
		const c = cpuMs(), t = performance.now();
		const analyses = docs.map(analyze);
		cpu += cpuMs() - c;
		ms += performance.now() - t;
		docs.forEach((d, i) => {
			lines += d.lines.length;
			for (const b of analyses[i].blocks) { blockLines += b.last - b.first + 1; }
		});
	}
	return { cpu, ms, lines, blockLines };
}

function main(): void {
	const every = Number(process.env.PAGE_EVERY ?? 1);
	const dir = path.join(os.tmpdir(), 'zh-corpus-bench-10000');
	writeCorpus(dir, { files: 10_000, seed: 1 });
	const files = listTexts(dir).filter((_, i) => i % every === 0);
	const texts = files.map((f) => [pathToFileURL(f).href, fs.readFileSync(f, 'utf8')] as const);
	const mb = texts.reduce((n, [, t]) => n + Buffer.byteLength(t), 0) / 1e6;
	// The corpus workers' limits (worker/jobs.ts) and the service's store size (index.ts).
	configureLineCaches({ scale: 0.1, maxKeyLength: 120 });
	const store = new LineStore(50_000);
	const p = pass(texts, store);
	console.log(`page analysis (load ${os.loadavg()[0].toFixed(1)}, node ${process.version}): ${texts.length} files, ${mb.toFixed(1)} MB, ${p.lines} lines, ${p.blockLines} in blocks`);
	console.log(`  CPU ${p.cpu.toFixed(0)} ms (${(p.cpu / texts.length).toFixed(3)} ms/file), wall ${p.ms.toFixed(0)} ms`);
	console.log(JSON.stringify({ name: 'page analysis: bench corpus, one thread, CPU', value: +(p.cpu / 1000).toFixed(2), unit: 's', files: texts.length, mb }));
}

main();
