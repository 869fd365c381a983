// Runs every test suite (unit, LSP, editor) and ends with one line:
//   all: N passed, N failed
// A run that executes no test fails. Suites run as child processes so that one crashing
// suite cannot hide the others' counts.
//
//   node test/run-all.mjs [unit] [pins] [lsp] [vscode] [editor] [name…]
// runs only the suites named (pins: tools/check-rule-pins.mjs; editor: VS Code, and the Neovim
// and Emacs tests of out/lsp), and only the test files whose name contains one of the other
// words (e.g. `unit mixedScript`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');

/** Runs one mocha suite over out/<dir>/*.test.js and reads its counts from the JSON summary it prints. */
function runMocha(name, dir, timeout, keep = () => true) {
	const testFiles = (folder) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.test.js') && keep(f)).map((f) => join(folder, f)) : []);
	// Unit tests of one rule each sit in out/unit/rules/.
	const files = [...testFiles(join(root, 'out', dir)), ...testFiles(join(root, 'out', dir, 'rules'))];
	if (files.length === 0) { return { name, passed: 0, failed: 1, note: `no test files in out/${dir}${words.length ? ` named ${words.join(' or ')}` : ''} (run npm run pretest)` }; }
	const result = spawnSync(process.execPath, [mocha, '--reporter', join(root, 'test', 'countingReporter.cjs'), '--timeout', String(timeout), ...files], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	process.stdout.write(result.stdout.replace(/^@@counts .*$/m, ''));
	const line = /^@@counts (\d+) (\d+)$/m.exec(result.stdout);
	if (!line) { return { name, passed: 0, failed: 1, note: `suite crashed (exit ${result.status})` }; }
	return { name, passed: Number(line[1]), failed: Number(line[2]) };
}

/** The editor suite reports its own counts (vscode: N passed, N failed). */
function runEditor() {
	const runner = join(root, 'test', 'vscode', 'run.mjs');
	if (!existsSync(runner)) { return undefined; }
	const result = spawnSync(process.execPath, [runner], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	process.stdout.write(result.stdout);
	const skipped = /^vscode: skipped/m.test(result.stdout);
	const line = /^vscode: (\d+) passed, (\d+) failed/m.exec(result.stdout);
	if (skipped) { return { name: 'vscode', passed: 0, failed: 0, skipped: true }; }
	if (!line) { return { name: 'vscode', passed: 0, failed: 1, note: `editor runner failed (exit ${result.status})` }; }
	return { name: 'vscode', passed: Number(line[1]), failed: Number(line[2]) };
}

/** Every rule fails its own tests when it is dropped from the registry (tools/check-rule-pins.mjs). */
function runRulePins() {
	const result = spawnSync(process.execPath, [join(root, 'tools', 'check-rule-pins.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
	process.stdout.write(result.stdout);
	const line = /^rule pins: (\d+) passed, (\d+) failed/m.exec(result.stdout);
	if (!line) { return { name: 'rule pins', passed: 0, failed: 1, note: `check-rule-pins failed (exit ${result.status})` }; }
	return { name: 'rule pins', passed: Number(line[1]), failed: Number(line[2]) };
}

const args = process.argv.slice(2);
const suiteNames = ['unit', 'pins', 'lsp', 'vscode', 'editor'];
const chosen = args.filter((a) => suiteNames.includes(a));
const words = args.filter((a) => !suiteNames.includes(a));
const wanted = (suite) => chosen.length === 0 || chosen.includes(suite);
const named = (file) => words.length === 0 || words.some((w) => file.includes(w));
const realEditor = (file) => /^(neovim|emacs)\./.test(file);
const suites = [
	wanted('unit') ? runMocha('unit', 'unit', 20000, named) : undefined,
	wanted('pins') && words.length === 0 ? runRulePins() : undefined,
	wanted('lsp') ? runMocha('lsp', 'lsp', 60000, named) : undefined,
	!wanted('lsp') && wanted('editor') ? runMocha('editors', 'lsp', 60000, (f) => realEditor(f) && named(f)) : undefined,
	(wanted('vscode') || wanted('editor')) && (words.length === 0 || chosen.length > 0) ? runEditor() : undefined,
].filter(Boolean);
let passed = 0;
let failed = 0;
for (const s of suites) {
	if (!s.skipped) { console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed${s.note ? ` (${s.note})` : ''}`); }
	passed += s.passed;
	failed += s.failed;
}
if (passed === 0) { failed = Math.max(failed, 1); }
console.log(`all: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
