// The editor test runner (part of npm test). Runs out/vscode/index.js in a real VS Code through
// @vscode/test-electron's runTests: desktop VS Code when it can be downloaded, otherwise the
// offline VS Code of offline.mjs (code-server + headless Chromium) through code-shim.mjs, with the
// extension installed from the packaged .vsix. Ends with `vscode: N passed, N failed`, or one
// `vscode: skipped (…)` line on a machine where neither path can work.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { HOME, setup, unsupportedReason } from './setup.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tests = join(root, 'out', 'vscode', 'index.js');
const seeds = join(root, '..', 'shared', 'corpus', 'seeds');

/** A scratch workspace: the seeds (when present) and our fixtures; tests may change its files. */
function makeWorkspace() {
	const dir = mkdtempSync(join(tmpdir(), 'zh-corpus-editor-'));
	if (existsSync(seeds)) { cpSync(seeds, dir, { recursive: true }); }
	const fixtures = join(dir, 'fixtures');
	cpSync(join(root, 'test', 'fixtures', 'mixed-script'), fixtures, { recursive: true });
	mkdirSync(join(fixtures, 'save'));
	cpSync(join(fixtures, 'tw-leftovers.txt'), join(fixtures, 'save', 'tw-leftovers.txt'));
	cpSync(join(fixtures, 'tw-leftovers.txt'), join(fixtures, 'sample.corpus.txt'));
	cpSync(join(root, 'test', 'fixtures', 'boilerplate'), join(fixtures, 'boilerplate'), { recursive: true });
	cpSync(join(root, 'test', 'fixtures', 'entities', 'corpus'), join(fixtures, 'entities'), { recursive: true });
	return dir;
}

async function desktopVSCode() {
	if (process.env.ZH_CORPUS_EDITOR === 'offline') { return undefined; }
	try {
		return await downloadAndUnzipVSCode({ version: 'stable', cachePath: join(HOME, 'desktop') });
	} catch (e) {
		console.log(`[editor] desktop VS Code cannot be downloaded here (${String(e.message ?? e).split('\n')[0]}): using the offline VS Code`);
		return undefined;
	}
}

async function main() {
	if (!existsSync(tests)) { console.log('vscode: 0 passed, 1 failed (out/vscode/index.js is missing: run npm run pretest)'); return 1; }
	const workspace = makeWorkspace();
	const resultFile = join(mkdtempSync(join(tmpdir(), 'zh-corpus-result-')), 'result.json');
	const extensionTestsEnv = { ZH_CORPUS_RESULT_FILE: resultFile, ZH_CORPUS_DEBUG: '1' };
	let code = 0;
	const desktop = await desktopVSCode();
	try {
		if (desktop) {
			await runTests({ vscodeExecutablePath: desktop, extensionDevelopmentPath: root, extensionTestsPath: tests, launchArgs: [workspace, '--disable-extensions'], extensionTestsEnv });
		} else {
			const reason = unsupportedReason();
			if (reason) { console.log(`vscode: skipped (no desktop VS Code download, and ${reason})`); return 0; }
			setup();
			const { packageVsix } = await import('../../tools/package.mjs');
			const { installVsix, makeRunDir } = await import('./offline.mjs');
			const vsix = packageVsix();
			const installed = installVsix(vsix, makeRunDir('install'));
			console.log(`[editor] installed ${vsix.split('/').pop()} into ${installed}; testing that copy`);
			await runTests({ vscodeExecutablePath: join(here, 'code-shim.mjs'), extensionDevelopmentPath: installed, extensionTestsPath: tests, launchArgs: [workspace], extensionTestsEnv });
		}
	} catch (e) {
		console.log(`[editor] ${e.message ?? e}`);
		code = 1;
	}
	if (!existsSync(resultFile)) { console.log('vscode: 0 passed, 1 failed (the extension host wrote no results)'); return 1; }
	const r = JSON.parse(readFileSync(resultFile, 'utf8'));
	for (const t of r.results) {
		console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'pending' ? 'skip' : 'FAIL'} ${t.title}${t.error ? `\n       ${t.error}` : ''}`);
	}
	console.log(`vscode: ${r.passed} passed, ${r.failed} failed`);
	return r.failed > 0 || r.passed === 0 ? 1 : code;
}

main().then((code) => process.exit(code), (e) => { console.error(e); console.log('vscode: 0 passed, 1 failed'); process.exit(1); });
