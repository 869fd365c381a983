#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) on a
// machine that cannot download VS Code: runTests spawns it with VS Code's own flags
//   --extensionTestsPath=T --extensionDevelopmentPath=D … WORKSPACE
// and this shim runs them in the offline VS Code (offline.mjs); the exit code goes back.
import { runExtensionTests } from './offline.mjs';

let extension;
let tests;
let workspace;
for (const a of process.argv.slice(2)) {
	const m = /^--([^=]+)=(.*)$/.exec(a);
	if (m?.[1] === 'extensionDevelopmentPath') { extension ??= m[2]; }
	else if (m?.[1] === 'extensionTestsPath') { tests = m[2]; }
	else if (!a.startsWith('-')) { workspace ??= a; }
}
if (!extension || !tests) {
	console.error('code-shim: needs --extensionDevelopmentPath= and --extensionTestsPath=');
	process.exit(2);
}
runExtensionTests({ extension, tests, workspace: workspace ?? extension, resultFile: process.env.ZH_CORPUS_RESULT_FILE })
	.then((code) => process.exit(code), (e) => { console.error('[editor] error:', e); process.exit(2); });
