/**
 * Benchmarks (c): from a one-character `didChange` to the pushed diagnostics for that version
 * of a 1 MB document, over stdio with a real JSON-RPC client. Default settings, no debounce.
 * Then the light bulb on that document: `textDocument/codeAction` for a diagnostic under the
 * cursor, for a client that resolves code actions (VS Code) and one that does not (Neovim).
 * Each row of edits also gives their CPU by kind of thread. The default 41 edits are the first
 * keystrokes after opening, while V8 still compiles the rules' code (its helper threads used
 * 40–50 ms of CPU per edit there, ≈ 15 ms after 100 edits); LATENCY_EDITS=201 adds the median of
 * those after the first 50.
 */
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { debugRequests } from '../server/src/protocol';
import { LspClient } from '../test/lsp/lspClient';
import { buildDocuments, seedTexts } from './corpus';
import { type CpuSplit, ThreadCpu } from './threadCpu';

/** Rows over VS Code's transport (ZH_CORPUS_TRANSPORT=ipc, lspClient.ts) say so; stdio is the default. */
const transport = () => (process.env.ZH_CORPUS_TRANSPORT === 'ipc' ? ' (IPC)' : '');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Minor page faults of a process so far, its threads included (Linux; undefined elsewhere). On the
 * bench machine (a VM) the first touch of a 4 KB page costs ≈ 13 µs (≈ 0.1–0.3 µs on bare
 * metal): memory a keystroke touches fresh — a new flat copy of a 1 MB document's text (≈ 0.7 MB), a
 * collection promoting into new pages — is a visible part of its time here.
 */
function minorFaults(pid: number | undefined): number | undefined {
	try { return Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[7]); } catch { return undefined; }
}

/** The server's CPU by kind of thread (threadCpu.ts; zero where /proc is missing). */
async function cpuSplit(client: LspClient, threads: ThreadCpu): Promise<CpuSplit> {
	const ids = await client.connection.sendRequest(debugRequests.threads) as { workers: number[] };
	return threads.split(ids.workers);
}

/**
 * CPU per edit by kind of thread, this client's too: on the 2-core bench machine their sum over
 * two is a floor under the latency, whichever thread waits on which. (1/100 s ticks: a mean over
 * the edits.) "V8 helpers" is the rest of the server's threads: V8's concurrent marking, parallel
 * scavenges and TurboFan compiles, and libuv's pool.
 */
function describeCpuPerEdit(now: CpuSplit, before: CpuSplit, own: NodeJS.CpuUsage, edits: number): string {
	const ms = (seconds: number) => ((seconds * 1000) / edits).toFixed(1);
	const workers = now.workers.reduce((a, b) => a + b, 0) - before.workers.reduce((a, b) => a + b, 0);
	return `server's thread ${ms(now.server - before.server)}, workers ${ms(workers)}, V8 helpers ${ms(now.other - before.other)}, this client ${ms((own.user + own.system) / 1e6)} ms`;
}

async function measure(script: 'simplified' | 'traditional', megabytes: number, edits: number): Promise<void> {
	const text = buildDocuments(seedTexts()[script], megabytes, megabytes * 1e6)[0];
	// `debug`: the workers' thread ids (for the CPU by thread); nothing else changes.
	const client = new LspClient({ initializationOptions: { debug: true } });
	await client.initialize();
	const uri = `file:///bench/${script}-${megabytes}.txt`;
	let waiting = client.waitForDiagnostics(uri);
	const openStart = performance.now();
	await client.open(uri, text);
	const first = await waiting;
	const openMs = performance.now() - openStart;
	const times: number[] = [];
	const line = Math.floor(text.split('\n').length / 2);
	const windowStart = process.hrtime.bigint() / 1000n;
	const faultsBefore = minorFaults(client.process.pid);
	const threads = new ThreadCpu(client.process.pid!, 1000);
	const cpuBefore = await cpuSplit(client, threads);
	const ownBefore = process.cpuUsage();
	for (let v = 2; v < edits + 2; v++) {
		waiting = client.waitForDiagnostics(uri, (p) => p.version === v);
		const start = performance.now();
		// Alternately insert and delete one character in the middle of the document.
		const change = v % 2 === 0
			? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '后' }
			: { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
		await waiting;
		times.push(performance.now() - start);
	}
	// LATENCY_TRACE=1: the edits' window on the monotonic clock (μs), to find in --cpu-prof profiles of the server and its workers.
	if (process.env.LATENCY_TRACE) { console.error(`edits ${script} ${megabytes}: ${windowStart}-${process.hrtime.bigint() / 1000n}; ms ${times.slice(0, 12).map((t) => t.toFixed(0)).join(" ")}`); }
	const cpu = describeCpuPerEdit(await cpuSplit(client, threads), cpuBefore, process.cpuUsage(ownBefore), edits);
	threads.stop();
	const faults = faultsBefore === undefined ? undefined : (minorFaults(client.process.pid)! - faultsBefore) / edits;
	// The server's thread runs the core on a small document: its first edits run before V8 has
	// optimised the rules' code (≈ 40 edits at 3–8 ms, then ≈ 1 ms). With more than 100 edits, the
	// median of those after the first 50 is given too.
	const firstEdit = times[0];
	const later = times.length > 100 ? [...times.slice(50)].sort((a, b) => a - b) : undefined;
	times.sort((a, b) => a - b);
	const size = megabytes >= 1 ? `${megabytes} MB` : `${megabytes * 1000} KB`;
	console.log(JSON.stringify({
		name: `didChange → diagnostics, ${size} ${script}${transport()}`,
		ms: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], firstEditMs: Math.round(firstEdit), openMs, diagnostics: first.diagnostics.length,
		...(faults === undefined ? {} : { pageFaultsPerEdit: Math.round(faults) }), cpuPerEdit: cpu,
		...(later ? { afterFirst50: `median ${later[later.length >> 1].toFixed(1)} ms, p90 ${later[Math.floor(later.length * 0.9)].toFixed(1)} ms` } : {}),
	}));
	await client.stop();
	if (megabytes >= 1) {
		await lightBulb(text, script, size, true);
		await lightBulb(text, script, size, false);
	}
}

/**
 * The code actions of the first diagnostic that has a quick fix (asked in order, untimed: sent
 * diagnostics do not carry their fixes), asked 21 times (median), and what resolving its fix-all costs.
 */
async function lightBulb(text: string, script: string, size: string, resolves: boolean): Promise<void> {
	const client = new LspClient({ resolveCodeActions: resolves });
	await client.initialize();
	const uri = `file:///bench/${script}-bulb.txt`;
	const waiting = client.waitForDiagnostics(uri);
	await client.open(uri, text);
	const { diagnostics } = await waiting;
	const ask = (d: Diagnostic) => client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<CodeAction[]>;
	let target: Diagnostic | undefined;
	for (const d of diagnostics) {
		if ((await ask(d)).some((a) => a.kind === 'quickfix' && a.edit)) { target = d; break; }
	}
	target ??= diagnostics[0];
	if (!target) { await client.stop(); return; }
	const times: number[] = [];
	let actions: CodeAction[] = [];
	for (let i = 0; i < 21; i++) {
		const start = performance.now();
		actions = await ask(target);
		times.push(performance.now() - start);
	}
	const lazy = actions.find((a) => !a.edit && a.data !== undefined);
	let resolveMs: number | undefined;
	if (lazy) {
		const start = performance.now();
		await client.connection.sendRequest('codeAction/resolve', lazy);
		resolveMs = performance.now() - start;
	}
	console.log(JSON.stringify({
		name: `light bulb, ${size} ${script}, ${resolves ? 'client resolves' : 'client without resolve'}${transport()}`,
		ms: median(times), p90: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)],
		...(resolveMs !== undefined ? { value: `median ${median(times).toFixed(1)} ms (${actions.length} actions; resolving “${lazy!.title}”: ${resolveMs.toFixed(0)} ms)` } : {}),
	}));
	await client.stop();
}

(async () => {
	const edits = Number(process.env.LATENCY_EDITS ?? 41);
	// LATENCY_SMALL=1: the 10 KB document only.
	if (!process.env.LATENCY_SMALL) {
		await measure('traditional', 1, edits);
		if (process.env.LATENCY_TRACE) { return; }
		await measure('simplified', 1, edits);
		if (!process.env.ZH_CORPUS_TRANSPORT) {
			// The same keystrokes as VS Code sends them (the rows above: stdio, as other editors do).
			process.env.ZH_CORPUS_TRANSPORT = 'ipc';
			await measure('traditional', 1, edits);
			delete process.env.ZH_CORPUS_TRANSPORT;
		}
	}
	await measure('traditional', 0.01, Number(process.env.LATENCY_EDITS ?? 201));
})().catch((e) => { console.error(e); process.exit(1); });
