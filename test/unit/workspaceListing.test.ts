/**
 * The corpus listing on the server's thread (lspWorkspace.ts): a folder's entries are looked at
 * in slices (drive.ts), so that a folder of thousands of files does not hold the thread.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspWorkspace } from '../../server/src/lsp/lspWorkspace';
import { defaultSettings } from '../../server/src/settings';

/** The path module itself (an import's binding cannot be replaced): the listing joins each entry's path with it. */
const nodePath = createRequire(__filename)('node:path') as { join: typeof path.join };

/** Busy for `ms`. */
const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end) { /* work */ } };

describe('the workspace listing', () => {
	let dir: string;
	const files = 1500;
	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-listing-'));
		for (let i = 0; i < files; i++) { fs.writeFileSync(path.join(dir, `${i}.txt`), ''); }
	});
	after(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('looks at a large folder\'s entries in slices, letting other work run between them', async () => {
		const workspace = new LspWorkspace({} as never, async () => defaultSettings);
		workspace.folders = [dir];
		// Each entry made to cost 50 µs (its path joined): 75 ms for the folder, ≈ 160 entries per 8 ms slice.
		let turn = 0, counting = true;
		const countTurns = () => { turn++; if (counting) { setImmediate(countTurns); } };
		setImmediate(countTurns);
		const perTurn = new Map<number, number>();
		const join = nodePath.join;
		nodePath.join = (...parts: string[]) => {
			if (parts[1]?.endsWith('.txt')) { busy(0.05); perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1); }
			return join(...parts);
		};
		let listed: readonly string[];
		try {
			listed = await workspace.listFiles();
		} finally {
			nodePath.join = join;
			counting = false;
		}
		assert.equal(listed.length, files);
		assert.equal([...perTurn.values()].reduce((a, b) => a + b, 0), files);
		// In one turn before (all 1,500).
		assert.ok(Math.max(...perTurn.values()) <= 400, `entries per turn: ${[...perTurn.values()].join(', ')}`);
		assert.ok(perTurn.size >= 4, `${perTurn.size} turns`);
	});
});
