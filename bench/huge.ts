/**
 * Pathological files, over stdio: one file of 100 MB on a single line and one of 5 million short
 * lines, in one workspace. Measures how long until each has its problems, the longest the server
 * took to answer a request meanwhile (a request every 50 ms: it must never block for a second),
 * peak memory, and the notice that says the file was checked in parts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/lsp/lspClient';
import { seedTexts } from './corpus';

function peakMb(pid: number): number {
	return Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

function writeFiles(dir: string): void {
	if (fs.existsSync(path.join(dir, '.done'))) { return; }
	fs.mkdirSync(dir, { recursive: true });
	const body = seedTexts().simplified.join('').replace(/\s+/g, '');
	const line = fs.openSync(path.join(dir, 'one-line.txt'), 'w');
	let bytes = 0;
	while (bytes < 100e6) { bytes += fs.writeSync(line, body); }
	fs.closeSync(line);
	const lines = fs.openSync(path.join(dir, 'short-lines.txt'), 'w');
	const chunk: string[] = [];
	for (let i = 0; i < 5_000_000; i++) {
		chunk.push(`第${i}行,内容。`);
		if (chunk.length === 100_000) { fs.writeSync(lines, chunk.join('\n') + '\n'); chunk.length = 0; }
	}
	fs.closeSync(lines);
	fs.writeFileSync(path.join(dir, '.done'), '');
}

async function main(): Promise<void> {
	const dir = path.join(os.tmpdir(), 'zh-corpus-bench-huge');
	writeFiles(dir);
	const client = new LspClient({ workspaceFolder: dir, progress: true });
	const start = performance.now();
	let worst = 0;
	let pinging = true;
	const ping = (async () => {
		while (pinging) {
			const t = performance.now();
			await client.connection.sendRequest('zhCorpus/documentStatus', { uri: 'file:///nowhere.txt' });
			worst = Math.max(worst, performance.now() - t);
			await new Promise((r) => setTimeout(r, 50));
		}
	})();
	await client.initialize();
	const stuck = setTimeout(() => { console.error(`still waiting after 5 min; server said:\n${client.messages.join('\n')}\n${client.stderr}`); process.exit(1); }, 300_000);
	const done: Record<string, number> = {};
	await Promise.all(['one-line.txt', 'short-lines.txt'].map(async (name) => {
		const uri = pathToFileURL(path.join(dir, name)).href;
		const p = await client.waitForDiagnostics(uri, () => true, true);
		done[name] = performance.now() - start;
		const notice = p.diagnostics.find((d) => d.code === 'file.large');
		console.log(JSON.stringify({ name: `${name}: problems published`, ms: done[name], note: `${p.diagnostics.length} problems; ${notice ? `notice: ${String(notice.message).slice(0, 60)}…` : 'no notice'}` }));
	}));
	await client.progressEnded;
	clearTimeout(stuck);
	pinging = false;
	await ping;
	console.log(JSON.stringify({ name: 'huge files: longest wait for a request meanwhile', value: `${worst.toFixed(0)} ms` }));
	console.log(JSON.stringify({ name: 'huge files: peak memory', value: `${peakMb(client.process.pid!).toFixed(0)} MB` }));
	await client.stop();
}

main().catch((e) => { console.error(e); process.exit(1); });
