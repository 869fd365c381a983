// Bundles the extension client and the language server into dist/, and (with --tests) the
// test and benchmark entry points into out/. Type-checking is a separate step (npm run typecheck).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	// Without utf8, esbuild escapes every CJK character as \uXXXX and doubles the tables.
	charset: 'utf8',
	sourcemap: production ? false : 'linked',
	minify: production,
	logLevel: 'warning',
	// jsonc-parser's UMD build requires its own files at run time; its ES module build bundles.
	alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

const builds = [
	{ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
	{ ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
	// The corpus workers (worker threads of the server): same core, loaded from the server's folder.
	{ ...common, entryPoints: { worker: 'server/src/worker/corpusWorker.ts' }, outdir: 'dist' },
	// The command line: the same core without an editor.
	{ ...common, entryPoints: { cli: 'server/src/cli/index.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
];

if (tests) {
	const entries = {};
	for (const dir of ['unit', 'unit/rules', 'lsp']) {
		let files = [];
		try { files = readdirSync(join('test', dir)); } catch { continue; }
		for (const f of files) {
			if (f.endsWith('.ts')) { entries[`${dir}/${f.slice(0, -3)}`] = join('test', dir, f); }
		}
	}
	for (const f of existsSync('bench') ? readdirSync('bench') : []) {
		if (f.endsWith('.ts')) { entries[`bench/${f.slice(0, -3)}`] = join('bench', f); }
	}
	// autocorrect-node (a native addon, compared against in bench/compare.ts) and the linter and
	// compiler that test/unit/corePurity.test.ts runs are loaded from node_modules.
	builds.push({ ...common, sourcemap: 'inline', minify: false, entryPoints: entries, outdir: 'out', external: ['vscode', 'mocha', 'autocorrect-node', 'eslint', 'typescript'] });
	// The editor suite runs inside VS Code's extension host: mocha is bundled into it.
	builds.push({
		...common, sourcemap: 'inline', minify: false, entryPoints: { 'vscode/index': 'test/vscode/suite/index.ts' }, outdir: 'out',
		external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' },
	});
}

// jieba-wasm's Node glue reads its .wasm from the bundle's own folder.
const wasm = join('node_modules', 'jieba-wasm', 'pkg', 'nodejs', 'jieba_rs_wasm_bg.wasm');
// The name recognizer's weights (tools/train-ner.mjs), read by the server beside its bundle.
const nameModel = join('server', 'data', 'ner-model.bin');
// The pairs of characters jieba's dictionary words hold (tools/build-join-pairs.mjs), read beside the bundle too.
const joinPairs = join('server', 'data', 'join-pairs.bin');
for (const dir of ['dist', ...(tests ? ['out/unit', 'out/unit/rules', 'out/bench', 'out/lsp'] : [])]) {
	mkdirSync(dir, { recursive: true });
	copyFileSync(wasm, join(dir, 'jieba_rs_wasm_bg.wasm'));
	copyFileSync(nameModel, join(dir, 'ner-model.bin'));
	copyFileSync(joinPairs, join(dir, 'join-pairs.bin'));
}

/** In watch mode: one line per round of builds and per error, read by the "watch" task's problem matcher. */
let building = 0;
const watchLog = {
	name: 'watch-log',
	setup(build) {
		build.onStart(() => { if (building++ === 0) { console.log('[watch] build started'); } });
		build.onEnd((result) => {
			for (const m of [...result.errors, ...result.warnings]) {
				const where = m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}` : 'esbuild.mjs:1:1';
				console.log(`${where}: ${result.errors.includes(m) ? 'error' : 'warning'}: ${m.text}`);
			}
			if (--building === 0) { console.log('[watch] build finished'); }
		});
	},
};

if (watch) {
	const contexts = await Promise.all(builds.map((options) => esbuild.context({ ...options, logLevel: 'silent', plugins: [watchLog] })));
	await Promise.all(contexts.map((context) => context.watch()));
} else {
	await Promise.all(builds.map((options) => esbuild.build(options)));
}
