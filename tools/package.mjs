// npm run package: builds the .vsix with @vscode/vsce, which the editor-test setup installs
// (with Node 24) into its cache outside the clone, so that vsce is no dependency of the project.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE24, setup, TOOLS } from '../test/vscode/setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const vsixPath = join(root, `${name}-${version}.vsix`);

export function packageVsix() {
	setup();
	execFileSync(NODE24, [join(TOOLS, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package',
		'--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license', '-o', vsixPath],
	{ cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
	return vsixPath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	packageVsix();
	console.log(`${vsixPath}: ${(statSync(vsixPath).size / 1024).toFixed(0)} KB`);
}
