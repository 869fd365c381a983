// The core's purity checks can fail: the lint rule rejects imports that leave server/src/service/
// and tsconfig.core.json rejects Node globals. Each is shown a probe file it must refuse and one it
// must accept, so that a loosened config is noticed.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');

async function restrictedImports(file: string, code: string): Promise<string[]> {
	const eslint = new ESLint({ cwd: root });
	const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => code.split('\n')[m.line - 1]);
}

/** Type errors of one probe file compiled with the core's tsconfig (the file exists only in memory). */
function coreTypeErrors(code: string): string[] {
	const configPath = path.join(root, 'tsconfig.core.json');
	const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
	const probe = path.join(root, 'server', 'src', 'service', 'purityProbe.ts');
	const host = ts.createCompilerHost(config.options);
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (name, version, ...rest) => name === probe ? ts.createSourceFile(name, code, version) : getSourceFile(name, version, ...rest);
	host.fileExists = ((exists) => (name: string) => name === probe || exists(name))(host.fileExists.bind(host));
	const program = ts.createProgram([probe], config.options, host);
	return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('core purity', function () {
	this.timeout(60000);
	it('lint refuses bare Node modules, server modules and unlisted libraries inside the core', async () => {
		const refused = [
			"import { Worker } from 'worker_threads';",
			"import { createHash } from 'crypto';",
			"import * as fs from 'node:fs';",
			"import { TextDocument } from 'vscode-languageserver-textdocument';",
			"import { toDiagnostic } from '../convert';",
			"import type { CorpusStatus } from '../protocol';",
			"import { readText } from './../fileReader';",
			"import tsconfig from '../../../tsconfig.json';",
		];
		const allowed = ["import { ruleIds } from './rules';", "import places from '../../data/places.json';", "import pkg from '../../../package.json';", "import { RE2JS } from 're2js';"];
		const code = [...refused, ...allowed].join('\n');
		assert.deepEqual(await restrictedImports('server/src/service/purityProbe.ts', code), refused);
	});
	it('lint counts folders: a rule file may reach the core but not the server', async () => {
		const code = "import { Rule } from '../types';\nimport { convert } from '../../convert';\nimport data from '../../../data/script.json';";
		assert.deepEqual(await restrictedImports('server/src/service/rules/purityProbe.ts', code), ["import { convert } from '../../convert';"]);
	});
	it('the core type-checks without Node globals', () => {
		assert.deepEqual(coreTypeErrors('export const n: number = [1, 2].length;'), []);
		const errors = coreTypeErrors('export const a = process.env.HOME;\nexport const b = Buffer.from("x");\nexport const c = __dirname;');
		for (const name of ['process', 'Buffer', '__dirname']) {
			assert.ok(errors.some((e) => e.includes(`'${name}'`)), `${name} should be unknown in the core: ${errors.join('; ')}`);
		}
	});
});
