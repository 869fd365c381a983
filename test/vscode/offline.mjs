// The offline VS Code: code-server's real VS Code 1.139 (server + workbench) in headless Debian
// Chromium driven by playwright-core. It runs an extension's test module in the real Node
// extension host, exactly as desktop VS Code would, and exits with the host's exit code
// (0 pass, 1 failure, 2 timeout or harness error). Recipe and pitfalls: ../shared/editor-harness.
//
//   node offline.mjs --extension DIR --tests FILE --workspace DIR [--timeout 300] [--result FILE]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import util from 'node:util';
import { CHROMIUM, CODE_SERVER, HOME, NODE24, NODE24_DIR, TOOLS } from './setup.mjs';

/** A fresh user-data and extensions dir with quiet, offline settings. */
export function makeRunDir(kind, settings = {}) {
	fs.mkdirSync(path.join(HOME, 'runs'), { recursive: true });
	const dir = fs.mkdtempSync(path.join(HOME, 'runs', `${kind}-`));
	const userDataDir = path.join(dir, 'user-data');
	const extensionsDir = path.join(dir, 'extensions');
	fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
	fs.mkdirSync(extensionsDir, { recursive: true });
	const quiet = {
		'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false,
		'extensions.autoUpdate': false, 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden',
		'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'workbench.welcomePage.walkthroughs.openOnInstall': false,
		'security.workspace.trust.enabled': false, 'git.enabled': false,
	};
	fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quiet, ...settings }, null, 2));
	return { dir, userDataDir, extensionsDir };
}

function env() {
	// No extension gallery (code-server defaults to open-vsx.org): nothing to look up offline.
	return { ...process.env, PATH: `${NODE24_DIR}/bin:${process.env.PATH}`, EXTENSIONS_GALLERY: '{}' };
}

/** Installs a .vsix with code-server's CLI and returns the installed extension's folder. */
export function installVsix(vsix, run) {
	const out = execFileSync(NODE24, [CODE_SERVER, '--config', '/dev/null', '--user-data-dir', run.userDataDir,
		'--extensions-dir', run.extensionsDir, '--install-extension', vsix, '--force'], { env: env(), encoding: 'utf8' });
	if (!/successfully installed/.test(out)) { throw new Error(`installing ${vsix} failed: ${out}`); }
	const folder = fs.readdirSync(run.extensionsDir).find((f) => f.startsWith('zh-corpus.zh-corpus-'));
	if (!folder) { throw new Error(`no installed extension folder in ${run.extensionsDir}`); }
	return path.join(run.extensionsDir, folder);
}

function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
	});
}

/** Starts code-server on 127.0.0.1; `testMode` lets the built workbench honour the test payload. */
export async function startCodeServer(run, { testMode = false, timeoutMs = 60_000 } = {}) {
	const port = await freePort();
	const logFile = path.join(run.dir, 'code-server.log');
	const log = fs.openSync(logFile, 'w');
	const args = [CODE_SERVER, '--config', '/dev/null', '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
		'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
		'--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir];
	if (testMode) { args.push('--vscode-option', 'enable-smoke-test-driver'); }
	// Its own process group, so that stop() ends the server, its extension host and our language server.
	const proc = spawn(NODE24, args, { detached: true, stdio: ['ignore', log, log], env: env() });
	const server = {
		origin: `http://127.0.0.1:${port}`, logFile,
		remote: (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(p)}`,
		stop() { try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* gone */ } },
	};
	const until = Date.now() + timeoutMs;
	for (;;) {
		if (proc.exitCode !== null) { throw new Error(`code-server exited (${proc.exitCode}); see ${logFile}`); }
		try { if ((await fetch(`${server.origin}/healthz`)).ok) { return server; } } catch { /* not listening yet */ }
		if (Date.now() > until) { server.stop(); throw new Error(`code-server not ready after ${timeoutMs} ms; see ${logFile}`); }
		// Polling a local port for readiness: there is no event to wait for.
		await new Promise((r) => setTimeout(r, 200));
	}
}

export function launchBrowser() {
	const { chromium } = createRequire(path.join(TOOLS, 'noop.js'))('playwright-core');
	return chromium.launch({
		executablePath: CHROMIUM, headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

export function workbenchUrl(server, folder, payload = []) {
	const q = new URLSearchParams({ folder });
	if (payload.length) { q.set('payload', JSON.stringify(payload)); }
	return `${server.origin}/?${q}`;
}

/** Runs a test module in the extension host; resolves with the host's exit code. */
export async function runExtensionTests({ extension, tests, workspace, timeoutSeconds = 300, resultFile, verbose = false }) {
	const run = makeRunDir('test');
	const automationLog = fs.createWriteStream(path.join(run.dir, 'automation.log'));
	let server;
	let browser;
	try {
		server = await startCodeServer(run, { testMode: true });
		browser = await launchBrowser();
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.on('pageerror', (e) => automationLog.write(`[pageerror] ${e.message}\n`));
		let onExit;
		const exited = new Promise((r) => { onExit = r; });
		await page.exposeFunction('codeAutomationLog', (type, args) => {
			const line = util.format(...(Array.isArray(args) ? args : [args]));
			automationLog.write(`[${type}] ${line}\n`);
			if (verbose || /^\s*(✔|✓|\d+\)|[1-9]\d* (passing|failing|pending)|FAIL|Error)/.test(line)) { console.log(`[exthost] ${line}`); }
		});
		await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
		await page.goto(workbenchUrl(server, workspace, [
			['extensionDevelopmentPath', server.remote(extension)],
			['extensionTestsPath', server.remote(tests)],
			['extensionEnvironment', JSON.stringify({ ZH_CORPUS_RESULT_FILE: resultFile ?? '' })],
			['skipWelcome', 'true'], ['skipReleaseNotes', 'true'],
		]));
		const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeoutSeconds * 1000))]);
		if (code === 'timeout') {
			console.error(`[editor] no result from the extension host after ${timeoutSeconds}s (logs in ${run.dir})`);
			await page.screenshot({ path: path.join(run.dir, 'timeout.png') }).catch(() => undefined);
			return 2;
		}
		return code === 0 ? 0 : 1;
	} finally {
		await browser?.close().catch(() => undefined);
		server?.stop();
		automationLog.end();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = {};
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i += 2) { args[argv[i].replace(/^--/, '')] = argv[i + 1]; }
	runExtensionTests({
		extension: path.resolve(args.extension), tests: path.resolve(args.tests), workspace: path.resolve(args.workspace),
		timeoutSeconds: Number(args.timeout ?? 300), resultFile: args.result ?? process.env.ZH_CORPUS_RESULT_FILE,
	}).then((code) => process.exit(code), (e) => { console.error('[editor] error:', e); process.exit(2); });
}
