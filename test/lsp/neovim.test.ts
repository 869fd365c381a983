/**
 * A real LSP client no one here wrote: Neovim 0.7 (Debian's `neovim`, installed on first use when
 * it is missing and the run may use apt), headless, opens a traditional file with leftovers,
 * receives the server's pushed diagnostics, asks for code actions with `buf_request_sync` and
 * applies the preferred quick fix with `apply_workspace_edit(…, 'utf-16')` (test/neovim/check.lua).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { debianTool } from '../support/debianTool';
import { repoRoot } from './lspClient';

describe('Neovim as the LSP client', function () {
	this.timeout(180_000);
	before(function () {
		if (!debianTool('command -v nvim', ['neovim'])) { console.log('    Neovim is not installed and cannot be here (needs root and apt-get): Neovim test skipped'); this.skip(); }
	});

	it('shows the server\'s diagnostics and applies a quick fix through code actions', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-nvim-'));
		try {
			const file = path.join(dir, 'tw-leftovers.txt');
			fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'mixed-script', 'tw-leftovers.txt'), file);
			const out = path.join(dir, 'out.json');
			const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${path.join(repoRoot, 'test', 'neovim', 'check.lua')}`], {
				env: { ...process.env, ZH_SERVER: path.join(repoRoot, 'dist', 'server.js'), ZH_FILE: file, ZH_OUT: out }, timeout: 120_000, encoding: 'utf8',
			});
			assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${r.status}): ${r.stderr}`);
			const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { diagnostics: { code: string }[]; actions: { title: string; preferred: boolean }[]; applied: boolean; text: string; error?: string };
			assert.equal(result.error, undefined);
			assert.ok(result.diagnostics.filter((d) => d.code === 'mixed-script').length >= 5, JSON.stringify(result.diagnostics));
			assert.ok(result.actions.some((a) => a.preferred && a.title === 'Replace ‘后’ with ‘後’'), JSON.stringify(result.actions));
			assert.ok(result.applied);
			assert.match(result.text, /^立法院今天三讀通過修正案，會議結束後，/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
