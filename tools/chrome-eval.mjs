#!/usr/bin/env node
// Leave-one-site-out evaluation of page-chrome detection: bundles tools/chrome/evaluate.ts with
// the core and runs it (see that file). Usage: node tools/chrome-eval.mjs [--in-sample] [--misses]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'chrome-eval-'));
await esbuild.build({ entryPoints: [join(root, 'tools', 'chrome', 'evaluate.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', charset: 'utf8', outfile: join(out, 'evaluate.js'), logLevel: 'warning',
	alias: { 'jsonc-parser': join(root, 'node_modules/jsonc-parser/lib/esm/main.js') } });
const r = spawnSync(process.execPath, [join(out, 'evaluate.js'), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ZH_CORPUS_ROOT: root } });
rmSync(out, { recursive: true, force: true });
process.exit(r.status ?? 1);
