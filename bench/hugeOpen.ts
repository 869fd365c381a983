/**
 * Huge documents opened in the editor (issue 21: an open file of 5 million short lines killed
 * the server at 4.7 GB when the editor asked for its outline). Opens one 50 MB document of short
 * lines and one of long Chinese lines, one after the other, asking at once for what VS Code
 * asks on open (outline, folding, semantic tokens) while a request is sent every 100 ms. Reports
 * the longest wait, the time until the outline and the problems, the outline's size and the
 * server's peak resident memory (workers included).
 *   node out/bench/hugeOpen.js [MB]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/lsp/lspClient';
import { longestWait } from '../test/lsp/latencyProbe';

const mb = Number(process.argv[2] ?? 50);

function peakMb(pid: number): number {
	return Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

function rssMb(pid: number): number {
	return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

function texts(): Record<string, string> {
	const short: string[] = [];
	for (let i = 0, bytes = 0; bytes < mb * 1e6; i++) { const l = `第${i}行,内容。`; short.push(l); bytes += Buffer.byteLength(l) + 1; }
	const sentence = '国家统计局今天发布数据，前三季度经济运行总体平稳，就业形势保持稳定。';
	const long = `${sentence.repeat(40)}\n`;
	return { 'short-lines.txt': `${short.join('\n')}\n`, 'long-lines.txt': long.repeat(Math.ceil(mb * 1e6 / Buffer.byteLength(long))) };
}

async function main(): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-bench-open-'));
	fs.writeFileSync(path.join(dir, 'a.txt'), '今天天气很好。\n');
	const client = new LspClient({ workspaceFolder: dir, progress: true, initializationOptions: { debug: true } });
	await client.initialize();
	await client.progressEnded;
	for (const [name, text] of Object.entries(texts()).filter(([n]) => !process.env.HUGE_OPEN_ONLY || n.startsWith(process.env.HUGE_OPEN_ONLY))) {
		const uri = pathToFileURL(path.join(dir, name)).href;
		const start = performance.now();
		const problems = client.waitForDiagnostics(uri).then(() => performance.now() - start);
		await client.open(uri, text);
		const ask = (method: string) => client.connection.sendRequest(method, { textDocument: { uri } }).then((r) => ({ ms: performance.now() - start, bytes: JSON.stringify(r).length, items: Array.isArray(r) ? r.length : 0 }));
		// HUGE_OPEN_ASK=none: only the problems (to see what the outline requests cost).
		const none = Promise.resolve({ ms: 0, bytes: 0, items: 0 });
		const asked = process.env.HUGE_OPEN_ASK !== 'none';
		const answers = Promise.all([asked ? ask('textDocument/documentSymbol') : none, asked ? ask('textDocument/foldingRange') : none, asked ? ask('textDocument/semanticTokens/full') : none, problems]);
		// HUGE_OPEN_TRACE=1: the server's resident memory every second, to see which phase peaks.
		const trace = process.env.HUGE_OPEN_TRACE ? setInterval(() => {
			const rss = rssMb(client.process.pid!);
			void (client.connection.sendRequest('zhCorpus/debug/memory') as Promise<{ heapUsed: number }>).then((m) => console.error(`${((performance.now() - start) / 1000).toFixed(0)} s: ${rss.toFixed(0)} MB, server thread heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB`));
		}, 1000) : undefined;
		// The document is indexed and tagged for names (in workers) after its first check: probe on meanwhile.
		const settle = Number(process.env.HUGE_OPEN_SETTLE ?? 60) * 1000;
		const waits = await longestWait(client, answers.then(() => new Promise((r) => setTimeout(r, settle))));
		clearInterval(trace);
		const [symbols, folding, tokens, problemsMs] = await answers;
		const size = `${(Buffer.byteLength(text) / 1e6).toFixed(0)} MB, ${text.split('\n').length.toLocaleString('en')} lines`;
		console.log(JSON.stringify({ name: `open ${name}: outline`, size, ms: symbols.ms, note: `${symbols.items} symbols, ${(symbols.bytes / 1e6).toFixed(2)} MB; ${folding.items} folding ranges; semantic tokens ${(tokens.ms / 1000).toFixed(1)} s` }));
		console.log(JSON.stringify({ name: `open ${name}: problems`, size, ms: problemsMs }));
		console.log(JSON.stringify({ name: `open ${name}: longest wait for a request`, size, value: `${waits.longest} ms` }));
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
	}
	console.log(JSON.stringify({ name: 'open huge documents: peak memory', value: `${peakMb(client.process.pid!).toFixed(0)} MB` }));
	await client.stop();
	fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
