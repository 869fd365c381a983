/**
 * A sentinel tree outside every test workspace: files a hostile workspace points at (through
 * `../` paths, absolute paths, symbolic links to files and folders). Created once per test
 * process; after the whole run its every file, link and folder must be as it was (sha256).
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Sentinel {
	/** A folder holding the sentinel tree (`outside/`) and the tests' workspaces. */
	readonly root: string;
	readonly outside: string;
}

/** GBK bytes of 责任编辑 and a line break: a file in a legacy encoding. */
export const gbkBytes = Buffer.from([0xd4, 0xf0, 0xc8, 0xce, 0xb1, 0xe0, 0xbc, 0xad, 0x0a]);
/** Text a clean changes (a zero-width space: unicode.invisible). */
export const dirtyText = '今天天气很好，我们去公园散步。\u200b明天再说。\n';

/** Text with a name to rename (康义). */
export const namesText = '国家统计局局长康义昨日在记者会上表示，物价保持稳定。康义说，就业形势良好。\n';

/** Every entry under `dir`: a file's sha256 and mode, a link's target, a folder. */
export function treeHashes(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string) => {
		for (const name of fs.readdirSync(d).sort()) {
			const full = path.join(d, name);
			const rel = path.relative(dir, full);
			const stat = fs.lstatSync(full);
			if (stat.isSymbolicLink()) { out.set(rel, `link ${fs.readlinkSync(full)}`); } else if (stat.isDirectory()) { out.set(rel, 'dir'); walk(full); } else {
				out.set(rel, `${createHash('sha256').update(fs.readFileSync(full)).digest('hex')} ${(stat.mode & 0o7777).toString(8)} ${stat.uid}`);
			}
		}
	};
	walk(dir);
	return out;
}

const key = Symbol.for('zh-corpus.test.sentinel');
type Holder = { [key]?: { sentinel: Sentinel; hashes: Map<string, string> } };

/** The process's sentinel tree, made on first use; call it at a test file's top level (its root `after` hook checks the tree). */
export function sentinel(): Sentinel {
	const holder = globalThis as Holder;
	if (holder[key]) { return holder[key].sentinel; }
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-sentinel-'));
	// Tests run the command line as an unprivileged user too: it must reach their workspaces.
	fs.chmodSync(root, 0o755);
	const outside = path.join(root, 'outside');
	fs.mkdirSync(path.join(outside, 'dir'), { recursive: true });
	fs.mkdirSync(path.join(outside, 'zh'));
	fs.writeFileSync(path.join(outside, 'victim.txt'), '受害者文件的原始内容，不得被改写。\n');
	fs.writeFileSync(path.join(outside, 'secret.txt'), 'SECRET 机密：工作区之外的文件。\n');
	fs.writeFileSync(path.join(outside, 'dirty.txt'), dirtyText);
	fs.writeFileSync(path.join(outside, 'gbk.txt'), gbkBytes);
	fs.writeFileSync(path.join(outside, 'dir', 'nested.txt'), dirtyText);
	fs.writeFileSync(path.join(outside, 'names.txt'), namesText);
	const sentinel = { root, outside };
	holder[key] = { sentinel, hashes: treeHashes(outside) };
	after('the sentinel tree outside the workspaces is byte-identical after the whole run', () => {
		assert.deepEqual(treeHashes(outside), holder[key]!.hashes);
		fs.rmSync(root, { recursive: true, force: true });
	});
	return sentinel;
}

/** Asserts now that the sentinel tree is unchanged. */
export function assertSentinelUnchanged(): void {
	const held = (globalThis as Holder)[key];
	if (held) { assert.deepEqual(treeHashes(held.sentinel.outside), held.hashes, 'nothing outside the workspace changed'); }
}
