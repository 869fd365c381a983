import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const grammar = path.join(root, 'syntaxes', 'zh-corpus.tmLanguage.json');

function runGrammarTest(file: string) {
	return spawnSync(process.execPath, [cli, '-g', grammar, file], { encoding: 'utf8' });
}

describe('TextMate grammar', () => {
	const dir = path.join(root, 'test', 'grammar');
	for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.test.txt'))) {
		it(`scopes ${name} as its assertions say`, () => {
			const r = runGrammarTest(path.join(dir, name));
			assert.equal(r.status, 0, r.stdout + r.stderr);
		});
	}
	it('fails on a wrong assertion (the grammar test can fail)', () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zh-grammar-')), 'wrong.test.txt');
		fs.writeFileSync(file, '// SYNTAX TEST "text.zh-corpus" "wrong"\n普通段落\n// <-- string.quoted.double.zh-corpus\n');
		assert.notEqual(runGrammarTest(file).status, 0);
	});
});
