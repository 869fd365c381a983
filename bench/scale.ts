/**
 * The whole corpus at once, over stdio with a real JSON-RPC client: cold start of the server on
 * the 10,000-file benchmark corpus (about 100 MB) until the work-done progress ends (every file
 * indexed and checked, problems published), peak memory of the server process (workers
 * included), the background tagging for names, then hover and references on the indexed corpus.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { LspClient } from '../test/lsp/lspClient';
import { writeCorpus } from './corpusFolder';
import { type CpuSplit, describeSince, describeSplit, ThreadCpu } from './threadCpu';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

/** Peak resident memory of a process (VmHWM), in MB. */
function peakMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Resident memory of a process now (VmRSS), in MB. */
function residentMb(pid: number): number {
	return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

const loadNow = () => os.loadavg()[0].toFixed(1);

/**
 * Asks for references, timed, with the time this process's thread was busy meanwhile (its event
 * loop's active time): reading and parsing ≈ 1 MB of locations is the client's part of the wait.
 */
async function timedReferences(client: LspClient, uri: string, position: { line: number; character: number }): Promise<{ ms: number; clientMs: number; locations: Location[] }> {
	const loop = performance.eventLoopUtilization();
	const t = performance.now();
	const locations = await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }) as Location[];
	return { ms: performance.now() - t, clientMs: performance.eventLoopUtilization(loop).active, locations };
}

const clientPart = (busy: number[]) => `this client busy ${median(busy).toFixed(1)} ms of it (median)`;

async function main(): Promise<void> {
	const files = Number(process.env.BENCH_FILES ?? 10_000);
	const dir = path.join(os.tmpdir(), `zh-corpus-bench-${files}`);
	const corpus = writeCorpus(dir, { files, seed: 1 });
	const mb = corpus.bytes / 1e6;
	// --expose-gc: the server thread's heap is measured after a collection.
	process.env.ZH_CORPUS_SERVER_NODE_ARGS = [process.env.ZH_CORPUS_SERVER_NODE_ARGS, '--expose-gc'].filter(Boolean).join(' ');
	const client = new LspClient({ workspaceFolder: dir, progress: true, initializationOptions: { debug: true } });
	const start = performance.now();
	const threads = new ThreadCpu(client.process.pid!);
	// SCALE_TRACE=1: the server's resident memory every 2 s (which phase peaks), the CPU each kind of
	// thread used in those 2 s (which phase leaves a core idle), and the workers' replacements.
	// The server thread's heap as it is (no collection): the rest of the resident size is the workers' and what the allocator keeps.
	let lastSplit: CpuSplit | undefined;
	const trace = process.env.SCALE_TRACE ? setInterval(() => {
		const rss = residentMb(client.process.pid!), peak = peakMb(client.process.pid!);
		const memory = client.connection.sendRequest('zhCorpus/debug/memory', { collect: false }) as Promise<{ heapTotal: number; heapUsed: number; external: number }>;
		const ids = client.connection.sendRequest('zhCorpus/debug/threads') as Promise<{ workers: number[] }>;
		void Promise.all([memory, ids]).then(([m, { workers }]) => {
			const split = threads.split(workers);
			const used = lastSplit ? `; CPU since: ${describeSince(split, lastSplit)}` : '';
			lastSplit = split;
			console.error(`${((performance.now() - start) / 1000).toFixed(0)} s: ${rss.toFixed(0)} MB resident, peak ${peak.toFixed(0)} MB; server thread heap ${(m.heapTotal / 2 ** 20).toFixed(0)} MB committed (${(m.heapUsed / 2 ** 20).toFixed(0)} MB in use) + ${(m.external / 2 ** 20).toFixed(0)} MB external${used}`);
		}, () => undefined);
	}, 2000) : undefined;
	const loadBefore = loadNow();
	await client.initialize();
	await client.progressEnded;
	const coldMs = performance.now() - start;
	const ids = await client.connection.sendRequest('zhCorpus/debug/threads') as { workers: number[] };
	const cpu = threads.split(ids.workers);
	const published = [...client.diagnostics.values()].filter((p) => p.diagnostics.length > 0).length;
	const problems = [...client.diagnostics.values()].reduce((n, p) => n + p.diagnostics.length, 0);
	console.log(JSON.stringify({ name: `cold start: ${corpus.files.toLocaleString('en')} files indexed and checked`, mb, ms: coldMs, note: `${published.toLocaleString('en')} files with problems, ${problems.toLocaleString('en')} problems published` }));
	console.log(JSON.stringify({ name: 'cold start: peak memory (server and workers)', value: `${peakMb(client.process.pid!).toFixed(0)} MB` }));
	// On a shared machine the wall time depends on the load, the CPU time does not.
	console.log(JSON.stringify({ name: 'cold start: CPU time by thread', value: `${describeSplit(cpu)} (load ${loadBefore} → ${loadNow()})` }));
	for (const m of client.messages.filter((m) => /zh-corpus: (indexed|checked) /.test(m))) {
		const [, what, seconds] = /zh-corpus: (.+) in ([\d.]+) s/.exec(m)!;
		console.log(JSON.stringify({ name: `cold start, of which: ${what}`, value: `${seconds} s` }));
	}
	// A worker ended or replaced during the scan starts again from nothing (its tables, jieba, V8's compiled code).
	const workerEvents = () => { if (process.env.SCALE_TRACE) { for (const m of client.messages.filter((m) => /corpus worker/.test(m))) { console.error(m); } } };
	if (process.env.BENCH_COLD_ONLY) { clearInterval(trace); workerEvents(); threads.stop(); await client.stop(); return; }
	await client.waitForStatus((s) => !s.indexing && !s.tagging);
	console.log(JSON.stringify({ name: 'names: every file tagged and matched (background, after the cold start)', mb, ms: performance.now() - start }));
	console.log(JSON.stringify({ name: 'after tagging: peak memory', value: `${peakMb(client.process.pid!).toFixed(0)} MB` }));
	// Names found later change entity.variant in other files: they are checked again in the background.
	await client.waitForStatus((s) => !s.indexing && !s.tagging && s.rechecking === 0);
	console.log(JSON.stringify({ name: 'names: files checked again for the names found (background)', mb, ms: performance.now() - start }));
	const idsNow = await client.connection.sendRequest('zhCorpus/debug/threads') as { workers: number[] };
	console.log(JSON.stringify({ name: 'CPU time by thread so far (every worker started)', value: describeSplit(threads.split(idsNow.workers)) }));
	threads.stop();
	// An idle worker collects after a second, and is replaced when it still holds much (workerPool.ts): what is held then.
	console.log(JSON.stringify({ name: 'after the re-checks: peak memory (every moment so far)', value: `${peakMb(client.process.pid!).toFixed(0)} MB` }));
	await new Promise((r) => setTimeout(r, 5000));
	console.log(JSON.stringify({ name: 'memory held once idle (server and workers, resident)', value: `${residentMb(client.process.pid!).toFixed(0)} MB` }));
	clearInterval(trace);
	workerEvents();
	const own = await client.connection.sendRequest('zhCorpus/debug/memory') as { heapUsed: number; external: number; arrayBuffers: number };
	console.log(JSON.stringify({ name: 'of which the server thread\'s heap (after GC)', value: `${(own.heapUsed / 2 ** 20).toFixed(0)} MB heap, ${(own.arrayBuffers / 2 ** 20).toFixed(0)} MB typed arrays` }));

	// Hover and references on the most mentioned person of a file in the middle of the corpus.
	const subs = fs.readdirSync(dir).filter((d) => !d.startsWith('.')).sort();
	const sub = subs[Math.floor(subs.length / 2)];
	const inSub = fs.readdirSync(path.join(dir, sub)).sort();
	const file = path.join(dir, sub, inSub[Math.floor(inSub.length / 2)]);
	const uri = pathToFileURL(file).href;
	const text = fs.readFileSync(file, 'utf8');
	const opened = client.waitForDiagnostics(uri, (p) => p.version === 1);
	await client.open(uri, text);
	await opened;
	const tokens = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }) as { data: number[] };
	// The first person token (type 0): delta-encoded line, character.
	let line = 0, character = 0, best: { line: number; character: number } | undefined;
	for (let i = 0; i < tokens.data.length; i += 5) {
		line += tokens.data[i];
		character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
		if (tokens.data[i + 3] === 0) { best = { line, character: character + 1 }; break; }
	}
	if (!best) { throw new Error('no person in the benchmark file'); }
	const hover: number[] = [];
	const refs: number[] = [];
	const busy: number[] = [];
	let name = '', count = 0;
	for (let i = 0; i < 30; i++) {
		const t = performance.now();
		const h = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: best }) as Hover;
		hover.push(performance.now() - t);
		name = /\*\*(.+?)\*\*/.exec((h.contents as { value: string }).value)?.[1] ?? '';
		const r = await timedReferences(client, uri, best);
		refs.push(r.ms);
		busy.push(r.clientMs);
		count = r.locations.length;
	}
	console.log(JSON.stringify({ name: `hover on ${name}, indexed corpus (over stdio)`, ms: median(hover), p90: p90(hover) }));
	console.log(JSON.stringify({ name: `references of ${name}: ${count.toLocaleString('en')} mentions (over stdio)`, ms: median(refs), p90: p90(refs), client: clientPart(busy) }));
	await referencesAtSize(client, 7_000, 8_000);
	await client.stop();
}

/**
 * References of the name whose mentions are closest to the middle of [least, most] (the issue's
 * size: the most mentioned person above has more than twice as many), asked from its first mention.
 */
async function referencesAtSize(client: LspClient, least: number, most: number): Promise<void> {
	const rows: { id: number; name: string; mentions: number }[] = [];
	for (const type of ['person', 'organization', 'place', 'work', 'event']) {
		rows.push(...await client.connection.sendRequest('zhCorpus/entities', { type, limit: 100_000 }) as { id: number; name: string; mentions: number }[]);
	}
	const fits = rows.filter((r) => r.mentions >= least && r.mentions <= most).sort((a, b) => Math.abs(a.mentions - (least + most) / 2) - Math.abs(b.mentions - (least + most) / 2));
	if (fits.length === 0) { console.log(JSON.stringify({ name: `references of a name with ${least.toLocaleString('en')}–${most.toLocaleString('en')} mentions`, value: 'none in this corpus' })); return; }
	const { locations } = await client.connection.sendRequest('zhCorpus/entityMentions', { uri: '', id: fits[0].id }) as { locations: Location[] };
	const at = locations[0];
	const opened = client.waitForDiagnostics(at.uri, (p) => p.version === 1);
	await client.open(at.uri, fs.readFileSync(new URL(at.uri), 'utf8'));
	await opened;
	const refs: number[] = [];
	const busy: number[] = [];
	let count = 0;
	for (let i = 0; i < 30; i++) {
		const r = await timedReferences(client, at.uri, at.range.start);
		refs.push(r.ms);
		busy.push(r.clientMs);
		count = r.locations.length;
	}
	console.log(JSON.stringify({ name: `references of ${fits[0].name}: ${count.toLocaleString('en')} mentions (over stdio)`, ms: median(refs), p90: p90(refs), client: clientPart(busy) }));
}

main().catch((e) => { console.error(e); process.exit(1); });
