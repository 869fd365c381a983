// Bundles a TypeScript entry of tools/chrome with the core (esbuild, as esbuild.mjs does) and runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function runEntry(name, args) {
	const out = mkdtempSync(join(tmpdir(), 'chrome-'));
	await esbuild.build({
		entryPoints: [join(root, 'tools', 'chrome', `${name}.ts`)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', charset: 'utf8',
		outfile: join(out, `${name}.js`), logLevel: 'warning', alias: { 'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js') },
	});
	const r = spawnSync(process.execPath, [join(out, `${name}.js`), ...args], { stdio: 'inherit', env: { ...process.env, ZH_CORPUS_ROOT: root } });
	rmSync(out, { recursive: true, force: true });
	return r.status ?? 1;
}
