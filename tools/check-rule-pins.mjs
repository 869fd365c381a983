// Checks that every rule is pinned by its own tests: for each rule of the registry, the rule's
// test file (test/unit/rules/<ruleFile>.test.ts, the one with describeRule('<id>', …)) runs with
// that one rule removed from the registry, and must fail. Part of npm test (test/run-all.mjs);
// also `node tools/check-rule-pins.mjs [ruleId…]` after `npm run build:tests`.
//
// The rule is removed in a bundle of its own (out/rule-pins/): an esbuild plugin appends to
// rules/index.ts a few lines that drop the rule ZH_CORPUS_DROP_RULE names from the registry, so
// the source and the product never carry a switch for it.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testsDir = join(root, 'test', 'unit', 'rules');
const outDir = join(root, 'out', 'rule-pins');
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');

const dropRule = {
	name: 'drop-rule',
	setup(build) {
		build.onLoad({ filter: /[\\/]service[\\/]rules[\\/]index\.ts$/ }, (args) => ({
			loader: 'ts',
			contents: `${readFileSync(args.path, 'utf8')}
{
	const dropped = globalThis.process?.env?.ZH_CORPUS_DROP_RULE;
	if (dropped) {
		const kept = allRules.filter((r) => r.id !== dropped);
		if (kept.length === allRules.length) { throw new Error('no rule ' + dropped + ' in the registry'); }
		allRules.splice(0, allRules.length, ...kept);
		ruleIds.delete(dropped);
	}
}
`,
		}));
	},
};

/** The rule test files and the rule ids each pins. */
function pinnedBy() {
	const files = readdirSync(testsDir).filter((f) => f.endsWith('.test.ts') && f !== 'registry.test.ts');
	const owner = new Map();
	for (const f of files) {
		for (const m of readFileSync(join(testsDir, f), 'utf8').matchAll(/describeRule\('([^']+)'/g)) { owner.set(m[1], f.replace(/\.ts$/, '.js')); }
	}
	return { files, owner };
}

/** Runs mocha on one bundled test file; resolves to its counts (undefined when it crashed). */
function run(file, dropped) {
	const env = { ...process.env, ZH_CORPUS_DROP_RULE: dropped ?? '' };
	const child = spawn(process.execPath, [mocha, '--reporter', join(root, 'test', 'countingReporter.cjs'), '--timeout', '60000', join(outDir, file)], { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] });
	let out = '';
	child.stdout.setEncoding('utf8').on('data', (chunk) => { out += chunk; });
	return new Promise((resolve) => child.on('close', () => {
		const m = /^@@counts (\d+) (\d+)$/m.exec(out);
		resolve(m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined);
	}));
}

/** Maps over items with at most `limit` at a time (the machine's cores), in order. */
async function mapLimited(items, limit, fn) {
	const results = new Array(items.length);
	let next = 0;
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) { const i = next++; results[i] = await fn(items[i]); }
	}));
	return results;
}

async function main() {
	const { files, owner } = pinnedBy();
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });
	await esbuild.build({
		entryPoints: Object.fromEntries(files.map((f) => [f.replace(/\.ts$/, ''), join(testsDir, f)])), outdir: outDir,
		bundle: true, platform: 'node', target: 'node20', format: 'cjs', charset: 'utf8', logLevel: 'warning', external: ['mocha'],
		alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' }, plugins: [dropRule],
	});
	copyFileSync(join(root, 'node_modules', 'jieba-wasm', 'pkg', 'nodejs', 'jieba_rs_wasm_bg.wasm'), join(outDir, 'jieba_rs_wasm_bg.wasm'));

	const ids = JSON.parse(registryIds());
	const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ids;
	const parallel = Math.max(1, availableParallelism());
	// Each test file passes with every rule registered (once per file), then fails without each of its rules.
	const testedFiles = [...new Set(wanted.map((id) => owner.get(id)).filter(Boolean))];
	const whole = new Map((await mapLimited(testedFiles, parallel, (f) => run(f))).map((counts, i) => [testedFiles[i], counts]));
	const verdicts = await mapLimited(wanted, parallel, async (id) => {
		const file = owner.get(id);
		if (!ids.includes(id)) { return `FAIL ${id}: not in the registry`; }
		if (!file) { return `FAIL ${id}: no describeRule('${id}', …) in test/unit/rules/`; }
		const all = whole.get(file);
		if (!all || all.failed > 0) { return `FAIL ${id}: ${file} does not pass with every rule registered`; }
		const without = await run(file, id);
		if (!without) { return `FAIL ${id}: ${file} crashed without the rule`; }
		if (without.failed === 0) { return `FAIL ${id}: every test of ${file} still passes without it`; }
		return `ok   ${id}: ${without.failed} of ${without.passed + without.failed} tests of ${file} fail without it`;
	});
	for (const v of verdicts) { console.log(`  ${v}`); }
	const passed = verdicts.filter((v) => v.startsWith('ok')).length;
	const failed = verdicts.length - passed;
	console.log(`rule pins: ${passed} passed, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

/** Rule ids of the registry, from a small bundle of rules/index.ts. */
function registryIds() {
	const result = esbuild.buildSync({
		stdin: { contents: "import { allRules } from './server/src/service/rules'; console.log(JSON.stringify(allRules.map((r) => r.id)));", resolveDir: root, loader: 'ts' },
		bundle: true, platform: 'node', format: 'cjs', write: false, charset: 'utf8', logLevel: 'warning',
		alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
	});
	const r = spawnSync(process.execPath, ['-'], { input: result.outputFiles[0].text, cwd: outDir, encoding: 'utf8' });
	if (r.status !== 0) { throw new Error(`cannot list the registry: ${r.stderr}`); }
	return r.stdout;
}

main().then((code) => process.exit(code), (e) => { console.error(e); console.log('rule pins: 0 passed, 1 failed'); process.exit(1); });
