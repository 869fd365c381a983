/**
 * A second real LSP client no one here wrote: Emacs 28 with eglot 1.9 (Debian's `emacs-nox` and
 * `elpa-eglot`, installed on first use like Neovim), in batch mode (test/emacs/check.el): opens a
 * traditional file with simplified leftovers, receives the pushed diagnostics through Flymake,
 * applies the preferred quick fix with `eglot-code-actions`, and hovers a name in another file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { debianTool } from '../support/debianTool';
import { repoRoot } from './lspClient';

interface EmacsResult {
	readonly diagnostics: { line: number; code: string; text: string }[];
	readonly actions: string[];
	readonly applied: boolean;
	readonly text?: string;
	readonly hover?: string | null;
	readonly error?: string;
}

describe('Emacs (eglot) as the LSP client', function () {
	this.timeout(600_000);
	before(function () {
		if (!debianTool(`emacs --batch --eval "(require 'eglot)"`, ['emacs-nox', 'elpa-eglot'])) {
			console.log('    Emacs with eglot is not installed and cannot be here (needs root and apt-get): Emacs test skipped');
			this.skip();
		}
	});

	it('shows the server\'s diagnostics, applies the preferred quick fix and hovers a name', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-emacs-'));
		try {
			fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'mixed-script', 'tw-leftovers.txt'), path.join(dir, 'tw-leftovers.txt'));
			for (const f of ['stats-simplified.txt', 'stats-traditional.txt']) { fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'entities', 'corpus', f), path.join(dir, f)); }
			const out = path.join(dir, 'out.json');
			const r = spawnSync('emacs', ['--batch', '-l', path.join(repoRoot, 'test', 'emacs', 'check.el')], {
				env: { ...process.env, ZH_SERVER: path.join(repoRoot, 'dist', 'server.js'), ZH_FILE: path.join(dir, 'tw-leftovers.txt'), ZH_NAMES: path.join(dir, 'stats-traditional.txt'), ZH_NAME: '康義', ZH_OUT: out },
				timeout: 240_000, encoding: 'utf8',
			});
			assert.ok(fs.existsSync(out), `Emacs wrote no result (exit ${r.status}): ${r.stderr.slice(-2000)}`);
			const result = JSON.parse(fs.readFileSync(out, 'utf8')) as EmacsResult;
			assert.equal(result.error, undefined, r.stderr.slice(-2000));
			const leftovers = result.diagnostics.filter((d) => d.code === 'mixed-script');
			assert.ok(leftovers.length >= 5, JSON.stringify(result.diagnostics));
			assert.deepEqual(leftovers[0], { line: 1, code: 'mixed-script', text: '后' });
			assert.ok(result.actions.includes('Replace ‘后’ with ‘後’'), JSON.stringify(result.actions));
			assert.ok(result.applied);
			assert.match(result.text ?? '', /^立法院今天三讀通過修正案，會議結束後，/);
			// The hover's markdown as eglot renders it: the person, in either script, and its type.
			assert.match(result.hover ?? '', /\*\*康[義义]\*\*[^\n]*· person/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
