/**
 * Extension-host test entry (extensionTestsPath): VS Code loads this module with the extension
 * under test and calls run(). Mocha is bundled in; results also go to ZH_CORPUS_RESULT_FILE so
 * that the runner can print `vscode: N passed, N failed`.
 */
import Mocha from 'mocha';
import { writeFileSync } from 'node:fs';
import { registerExtensionTests } from './extension.test';

type Result = { title: string; state: 'passed' | 'failed' | 'pending'; error?: string };

export function run(): Promise<void> {
	const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
	// The tests are bundled into this file: expose describe/it, then define them.
	mocha.suite.emit('pre-require', globalThis, 'bundled', mocha);
	registerExtensionTests();
	const results: Result[] = [];
	return new Promise((resolve, reject) => {
		const runner = mocha.run((failures) => {
			const passed = results.filter((r) => r.state === 'passed').length;
			const failed = results.filter((r) => r.state === 'failed').length;
			const out = process.env.ZH_CORPUS_RESULT_FILE;
			if (out) { writeFileSync(out, JSON.stringify({ passed, failed, results }, null, 1) + '\n'); }
			if (failures > 0) { reject(new Error(`${failures} test(s) failed`)); } else { resolve(); }
		});
		runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed' }));
		runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
		runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.message ?? err) }));
	});
}
