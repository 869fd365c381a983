/**
 * Writing large files: `zh-corpus fix --dry-run` of one 50 MB file, `zh-corpus fix` of a folder
 * with one 200 MB file and two small ones (every file's outcome named), and Clean Workspace of
 * one 200 MB file over LSP. Time and peak resident memory of each (targets: dry run ≤ 30 s,
 * peak ≤ 1 GB). Files are made from the seeds with noise a fix removes on some lines.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, repoRoot } from '../test/lsp/lspClient';
import { seedTexts } from './corpus';

const cli = path.join(repoRoot, 'dist', 'cli.js');

/** About `mb` MB of numbered prose lines; some with a zero-width space, a stray space, or a share bar after them. */
function writeCorpusFile(file: string, mb: number): void {
	if (fs.existsSync(file) && fs.statSync(file).size >= mb * 1e6) { return; }
	const lines = seedTexts().simplified.flatMap((t) => t.split('\n')).filter((l) => l.trim().length > 8);
	const fd = fs.openSync(file, 'w');
	let bytes = 0;
	let chunk = '';
	for (let n = 0; bytes < mb * 1e6; n++) {
		let line = `${n}：${lines[n % lines.length]}`;
		if (n % 20 === 0) { line = `${line.slice(0, 6)}\u200b${line.slice(6)}`; }
		if (n % 30 === 0) { line = `${line.slice(0, 9)} ${line.slice(9)}`; }
		chunk += `${line}\n${n % 40 === 0 ? '分享到：微信 微博 QQ空间\n' : ''}`;
		if (chunk.length > 1 << 20) { bytes += fs.writeSync(fd, chunk); chunk = ''; }
	}
	fs.writeSync(fd, chunk);
	fs.closeSync(fd);
}

/** Runs the command line under /usr/bin/time: seconds, peak MB, output. */
function timed(args: string[], cwd: string): { s: number; mb: number; stdout: number; stderr: string; status: number | null } {
	const r = spawnSync('/usr/bin/time', ['-f', '@@ %e %M', process.execPath, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 2 ** 30, env: { ...process.env, LANG: 'C' } });
	const m = /@@ ([\d.]+) (\d+)/.exec(r.stderr);
	if (!m) { throw new Error(`no timing: ${r.stderr.slice(-2000)}`); }
	return { s: Number(m[1]), mb: Number(m[2]) / 1024, stdout: r.stdout.length, stderr: r.stderr.replace(/@@.*\n?/, ''), status: r.status };
}

const statusMb = (pid: number, field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const peakMb = (pid: number) => statusMb(pid, 'VmHWM');
/** Resets a process's peak resident memory (Linux: clear_refs 5). */
const resetPeak = (pid: number) => { try { fs.writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* not Linux: the peak includes what came before */ } };

async function main(): Promise<void> {
	const dir = path.join(os.tmpdir(), 'zh-corpus-bench-writes');
	fs.mkdirSync(dir, { recursive: true });
	// WRITES_ONLY=clean (or dry, fix; comma-separated) runs some of the three.
	const only = process.env.WRITES_ONLY?.split(',');
	const big = path.join(dir, 'big-200.txt');
	writeCorpusFile(big, 200);
	if (!only || only.includes('dry')) { dryRun(dir); }
	if (!only || only.includes('fix')) { fixFolder(dir, big); }
	if (!only || only.includes('clean')) { await clean(dir, big); }
}

function dryRun(dir: string): void {
	const mid = path.join(dir, 'mid.txt');
	writeCorpusFile(mid, 50);
	const dry = timed(['fix', '--dry-run', '--quiet', 'mid.txt'], dir);
	console.log(JSON.stringify({ name: 'fix --dry-run, one 50 MB file', mb: 50, ms: dry.s * 1000, note: `peak ${dry.mb.toFixed(0)} MB, ${(dry.stdout / 1e6).toFixed(1)} MB of diff` }));
}

function fixFolder(dir: string, big: string): void {
	const folder = path.join(dir, 'folder');
	fs.mkdirSync(folder, { recursive: true });
	fs.copyFileSync(big, path.join(folder, 'big.txt'));
	for (const name of ['a.txt', 'b.txt']) { fs.writeFileSync(path.join(folder, name), '今天天气很好，我们去公园散步。\u200b明天再说。\n'); }
	const fix = timed(['fix', 'folder'], dir);
	const named = ['big.txt', 'a.txt', 'b.txt'].filter((f) => fix.stderr.includes(`${f}:`));
	console.log(JSON.stringify({ name: 'fix of a folder with one 200 MB file', mb: 200, ms: fix.s * 1000, note: `peak ${fix.mb.toFixed(0)} MB, exit ${fix.status}, files named ${named.length}/3` }));
}

async function clean(dir: string, big: string): Promise<void> {
	const ws = path.join(dir, 'workspace');
	fs.rmSync(ws, { recursive: true, force: true });
	fs.mkdirSync(ws);
	fs.copyFileSync(big, path.join(ws, 'big.txt'));
	const client = new LspClient({ workspaceFolder: ws, progress: true, settings: { clean: { previewLimit: 0 } }, initializationOptions: { debug: true } });
	const opened = performance.now();
	if (process.env.WRITES_TRACE) {
		// The server's log as it comes: when the scan, the tagging and the workers' replacements happen.
		const push = client.messages.push.bind(client.messages);
		client.messages.push = (...m: string[]) => { for (const line of m) { console.error(`${((performance.now() - opened) / 1000).toFixed(0)} s after start: ${line}`); } return push(...m); };
	}
	await client.initialize();
	await client.progressEnded;
	// The server thread's heap (after a collection when the server runs with ZH_CORPUS_SERVER_NODE_ARGS=--expose-gc): the rest of the resident size is the workers'.
	const heap = async () => {
		const m = await client.connection.sendRequest('zhCorpus/debug/memory') as { heapUsed: number; external: number };
		return `server thread heap ${(m.heapUsed / 2 ** 20).toFixed(0)} MB + ${(m.external / 2 ** 20).toFixed(0)} MB external`;
	};
	console.error(`before the clean: ${statusMb(client.process.pid!, 'VmRSS').toFixed(0)} MB resident, ${await heap()}`);
	// The server thread's collections during the clean (each pause also holds its requests).
	type Collections = { major: number; minor: number; pauseMs: number; longestMs: number };
	const collections = async () => ((await client.connection.sendRequest('zhCorpus/debug/memory', { collect: false, window: true })) as { gc: Collections }).gc;
	const gcBefore = await collections();
	const scanPeak = peakMb(client.process.pid!);
	const before = statusMb(client.process.pid!, 'VmRSS');
	resetPeak(client.process.pid!);
	// A request every 50 ms meanwhile (as responsive.ts sends them): the longest it waited for an answer.
	let worst = 0;
	const waits: number[] = [];
	let pinging = true;
	const start = performance.now();
	let traced = start;
	const ping = (async () => {
		while (pinging) {
			const t = performance.now();
			await client.connection.sendRequest('zhCorpus/documentStatus', { uri: 'file:///nowhere.txt' });
			const waited = performance.now() - t;
			worst = Math.max(worst, waited);
			waits.push(waited);
			// Which moment of the clean a long wait falls in (the server's log lines carry the same clock).
			if (process.env.WRITES_TRACE && waited > 50) { console.error(`${((t - opened) / 1000).toFixed(1)} s after start: a request waited ${waited.toFixed(0)} ms`); }
			if (process.env.WRITES_TRACE && t - traced >= 2000) {
				traced = t;
				console.error(`${((t - start) / 1000).toFixed(0)} s: ${statusMb(client.process.pid!, 'VmRSS').toFixed(0)} MB resident (peak ${peakMb(client.process.pid!).toFixed(0)}), ${await heap()}`);
			}
			await new Promise((r) => setTimeout(r, 50));
		}
	})();
	const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.cleanWorkspace', arguments: [{ assumeYes: true }] }) as { changedFiles: number; changes: number };
	const ms = performance.now() - start;
	pinging = false;
	await ping;
	const gcAfter = await collections();
	const sorted = waits.sort((a, b) => a - b);
	const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
	const over = sorted.filter((w) => w > 50).length;
	const gc = `server thread ${gcAfter.major - gcBefore.major} major and ${gcAfter.minor - gcBefore.minor} minor collections, ${((gcAfter.pauseMs - gcBefore.pauseMs) / 1000).toFixed(1)} s of pauses, longest ${gcAfter.longestMs.toFixed(0)} ms`;
	console.log(JSON.stringify({ name: 'Clean Workspace of one 200 MB file', mb: 200, ms, note: `peak ${peakMb(client.process.pid!).toFixed(0)} MB during the clean (${before.toFixed(0)} MB resident before it, ${scanPeak.toFixed(0)} MB during the first scan), ${result.changes} changes, longest wait for a request (one every 50 ms) ${worst.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, ${over} of ${sorted.length} over 50 ms; ${gc}` }));
	// The file's tagging for names runs in the background from the first scan on, during the clean or after it: the peak of the whole run.
	await client.waitForStatus((s) => !s.indexing && !s.tagging && s.rechecking === 0);
	console.log(JSON.stringify({ name: 'Clean Workspace of one 200 MB file, then its tagging for names: peak memory', value: `${peakMb(client.process.pid!).toFixed(0)} MB`, note: `names tagged ${((performance.now() - opened) / 1000).toFixed(0)} s after start` }));
	await client.stop();
}

main().catch((e) => { console.error(e); process.exit(1); });
