/**
 * Writes that never lose or corrupt a byte: compare-and-swap (a file appended to while a clean
 * runs keeps every appended line), read-only and other users' files (as root, and as an
 * unprivileged user through setpriv), links kept as links, Big5-HKSCS written back byte for
 * byte or not at all, large files read and cleaned part after part.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { encodeEdited } from '../../server/src/files/encodings';
import { keepLateAppends, readSnapshot, readStamp, WriteRefused, writeIfUnchanged } from '../../server/src/files/safeWrite';
import { partStarts } from '../../server/src/service/parts';
import { NotUtf8, StreamedText } from '../../server/src/files/streamedText';
import { sha256 } from '../../server/src/files/manifest';
import { LspClient, repoRoot } from './lspClient';
import { assertSentinelUnchanged, dirtyText, sentinel } from './sentinel';

const { root, outside } = sentinel();
const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (cwd: string, args: string[], asUser?: number) => spawnSync(asUser === undefined ? process.execPath : 'setpriv',
	asUser === undefined ? [cli, ...args] : [`--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', process.execPath, cli, ...args],
	{ cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
const nobody = 65534;
/** Whether this process can run the command line as an unprivileged user (root with setpriv, the bundle readable by all). */
const canDropPrivileges = process.getuid?.() === 0 && spawnSync('setpriv', [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(cli)})`]).status === 0;

/** Big5 bytes: traditional lines (enough for detection), a line with a stray space to fix, and Hong Kong (HKSCS) characters on a line no rule touches. */
function big5File(hkscs: Buffer): { bytes: Buffer; fixed: Buffer } {
	const head = iconv.encode('這是一份繁體中文的新聞稿，內容關於香港的交通與天氣。\n市民應留意最新消息，政府將於明天公佈詳細安排。\n', 'big5');
	const spaced = Buffer.concat([iconv.encode('今天天氣', 'big5'), Buffer.from(' '), iconv.encode('很好，大家出門散步。\n', 'big5')]);
	const tail = Buffer.concat([iconv.encode('香港字：', 'big5'), hkscs, iconv.encode('。\n', 'big5')]);
	return { bytes: Buffer.concat([head, spaced, tail]), fixed: Buffer.concat([head, Buffer.from(spaced.toString('latin1').replace(' ', ''), 'latin1'), tail]) };
}

describe('writes that lose nothing', function () {
	this.timeout(120000);
	let ws: string;
	let client: LspClient | undefined;

	beforeEach(() => { ws = fs.mkdtempSync(path.join(root, 'ws-')); });
	afterEach(async () => {
		await client?.stop();
		client = undefined;
		assertSentinelUnchanged();
	});

	it('a write is refused when the file changed after it was read, and the change is kept', async () => {
		const file = path.join(ws, 'a.txt');
		fs.writeFileSync(file, dirtyText);
		const snap = await readSnapshot(file);
		fs.appendFileSync(file, '後來加的一行\n');
		await assert.rejects(writeIfUnchanged(snap, Buffer.from('cleaned')), (e: unknown) => e instanceof WriteRefused && e.reason === 'changed');
		assert.equal(fs.readFileSync(file, 'utf8'), `${dirtyText}後來加的一行\n`);
		assert.deepEqual(fs.readdirSync(ws), ['a.txt'], 'no temporary file left');
	});

	it('a line appended in the moment between the last check and the rename is kept; another change then is not overwritten', async () => {
		const file = path.join(ws, 'a.txt');
		// Writers that opened the file before the rename write into the old file: as a scraper appending in that moment.
		const race = async (late: (fd: number) => void) => {
			fs.writeFileSync(file, '原来的一行\n');
			const snap = await readStamp(file);
			const original = await fs.promises.open(file, 'r');
			const writer = fs.openSync(file, 'r+');
			fs.writeFileSync(`${file}.new`, '清理后的一行\n');
			fs.renameSync(`${file}.new`, file);
			late(writer);
			fs.closeSync(writer);
			try { await keepLateAppends(original, snap); } finally { await original.close(); }
		};
		await race((fd) => fs.writeSync(fd, '追加的一行\n', fs.fstatSync(fd).size));
		assert.equal(fs.readFileSync(file, 'utf8'), '清理后的一行\n追加的一行\n');
		await assert.rejects(race((fd) => fs.writeSync(fd, '改', 0)), (e: unknown) => e instanceof WriteRefused && e.reason === 'changed');
		assert.equal(fs.readFileSync(file, 'utf8'), '改来的一行\n', 'the file as the other writer left it, not the cleaned text');
		assert.deepEqual(fs.readdirSync(ws), ['a.txt'], 'no temporary file left');
	});

	it('Clean Workspace loses no line appended while it runs (compare-and-swap)', async () => {
		const body = dirtyText.repeat(3000);
		for (let i = 0; i < 30; i++) { fs.writeFileSync(path.join(ws, `f${i}.txt`), body); }
		client = new LspClient({ workspaceFolder: ws, progress: true, settings: { clean: { previewLimit: 0 } } });
		await client.initialize();
		await client.progressEnded;
		const log = path.join(root, `appended-${path.basename(ws)}.jsonl`);
		const stop = path.join(root, `stop-${path.basename(ws)}`);
		// Appends a numbered line to a random file every 2 ms, logging each, until told to stop.
		const appender = spawn(process.execPath, ['-e', `
			const fs = require('fs'); let n = 0;
			const tick = () => {
				if (fs.existsSync(${JSON.stringify(stop)})) { process.exit(0); }
				const f = 'f' + Math.floor(Math.random() * 30) + '.txt', line = '追加的第' + (n++) + '行。';
				fs.appendFileSync(${JSON.stringify(ws)} + '/' + f, line + '\\n');
				fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ f, line }) + '\\n');
				setTimeout(tick, 2);
			};
			tick();`]);
		const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.cleanWorkspace', arguments: [{ families: ['unicode'], assumeYes: true }] }) as { changedFiles: number; skipped?: Record<string, number> };
		fs.writeFileSync(stop, '');
		await new Promise((resolve) => appender.on('exit', resolve));
		const appended = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { f: string; line: string });
		assert.ok(appended.length > 20, `${appended.length} lines appended during the clean`);
		for (const { f, line } of appended) {
			assert.ok(fs.readFileSync(path.join(ws, f), 'utf8').includes(`${line}\n`), `${f} keeps ‘${line}’ (result ${JSON.stringify(result)})`);
		}
		assert.ok(result.changedFiles + (result.skipped?.changed ?? 0) === 30, JSON.stringify(result));
	});

	it('read-only files are not written; another user\'s file keeps its owner and mode (as root)', async function () {
		if (process.getuid?.() !== 0) { this.skip(); }
		fs.writeFileSync(path.join(ws, 'ro.txt'), dirtyText, { mode: 0o444 });
		fs.writeFileSync(path.join(ws, 'theirs.txt'), dirtyText, { mode: 0o640 });
		fs.chownSync(path.join(ws, 'theirs.txt'), nobody, nobody);
		client = new LspClient({ workspaceFolder: ws, progress: true, settings: { clean: { previewLimit: 0 } } });
		await client.initialize();
		await client.progressEnded;
		const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.cleanWorkspace', arguments: [{ families: ['unicode'], assumeYes: true }] }) as { changedFiles: number; skipped?: Record<string, number> };
		assert.equal(result.skipped?.readOnly, 1, JSON.stringify(result));
		assert.equal(fs.readFileSync(path.join(ws, 'ro.txt'), 'utf8'), dirtyText);
		assert.equal(fs.statSync(path.join(ws, 'ro.txt')).mode & 0o777, 0o444);
		const theirs = fs.statSync(path.join(ws, 'theirs.txt'));
		assert.equal(fs.readFileSync(path.join(ws, 'theirs.txt'), 'utf8'), dirtyText.replace('\u200b', ''));
		assert.deepEqual([theirs.uid, theirs.gid, theirs.mode & 0o777], [nobody, nobody, 0o640]);
	});

	it('a file with several names (hard links) is not replaced by a clean or fix, which would separate them: skipped and named', async () => {
		fs.writeFileSync(path.join(ws, 'a.txt'), dirtyText);
		fs.linkSync(path.join(ws, 'a.txt'), path.join(ws, 'b.txt'));
		fs.writeFileSync(path.join(ws, 'c.txt'), dirtyText);
		const outsideName = path.join(root, `hard-${path.basename(ws)}.txt`);
		fs.writeFileSync(path.join(ws, 'd.txt'), dirtyText);
		fs.linkSync(path.join(ws, 'd.txt'), outsideName);
		const names = () => ['a.txt', 'b.txt', 'd.txt'].map((f) => fs.statSync(path.join(ws, f))).map((s) => `${s.ino}/${s.nlink}`);
		const before = names();
		client = new LspClient({ workspaceFolder: ws, progress: true, settings: { clean: { previewLimit: 0 } } });
		await client.initialize();
		await client.progressEnded;
		const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.cleanWorkspace', arguments: [{ families: ['unicode'], assumeYes: true }] }) as { changedFiles: number; skipped?: Record<string, number>; skippedFiles?: { file: string; reason: string }[] };
		assert.equal(result.changedFiles, 1, JSON.stringify(result));
		assert.equal(result.skipped?.hardLink, 3, 'a.txt, b.txt (two names of one file) and d.txt');
		assert.deepEqual(names(), before, 'every name still reaches the same file');
		for (const f of ['a.txt', 'b.txt', 'd.txt']) { assert.equal(fs.readFileSync(path.join(ws, f), 'utf8'), dirtyText); }
		assert.equal(fs.readFileSync(path.join(ws, 'c.txt'), 'utf8'), dirtyText.replace('\u200b', ''));
		assert.ok(client.messages.some((m) => m.includes('hard links')), client.messages.join('\n'));
		const r = run(ws, ['fix', '.', '--families', 'unicode']);
		assert.equal(r.status, 1, r.stderr);
		assert.match(r.stderr, /d\.txt: not written: it has 2 names \(hard links\)/);
		assert.deepEqual(names(), before);
		assert.equal(fs.readFileSync(outsideName, 'utf8'), dirtyText, 'the name outside the workspace keeps reaching the same, unchanged file');
	});

	it('as an unprivileged user, fix refuses files it may not write or does not own, and says so', function () {
		if (!canDropPrivileges) {
			console.log('      (untested here: needs root and setpriv to run the command line as an unprivileged user)');
			this.skip();
		}
		// A folder the user owns (it could rename over anything in it) holding root's files.
		fs.chownSync(ws, nobody, nobody);
		fs.writeFileSync(path.join(ws, 'roots.txt'), dirtyText, { mode: 0o644 });
		fs.writeFileSync(path.join(ws, 'shared.txt'), dirtyText, { mode: 0o666 });
		fs.chmodSync(path.join(ws, 'shared.txt'), 0o666);
		fs.writeFileSync(path.join(ws, 'mine.txt'), dirtyText);
		fs.chownSync(path.join(ws, 'mine.txt'), nobody, nobody);
		const r = run(ws, ['fix', '.', '--families', 'unicode'], nobody);
		assert.equal(r.status, 1, r.stderr);
		assert.match(r.stderr, /roots\.txt: not written: no permission/);
		assert.match(r.stderr, /shared\.txt: not written: it belongs to user 0/);
		for (const f of ['roots.txt', 'shared.txt']) {
			assert.equal(fs.readFileSync(path.join(ws, f), 'utf8'), dirtyText);
			assert.equal(fs.statSync(path.join(ws, f)).uid, 0, `${f} keeps its owner`);
		}
		assert.equal(fs.readFileSync(path.join(ws, 'mine.txt'), 'utf8'), dirtyText.replace('\u200b', ''));
	});

	it('fix writes through a link to a file inside, keeps the link, and never follows one out of the folder', () => {
		fs.writeFileSync(path.join(ws, 'target.txt'), dirtyText);
		fs.symlinkSync('target.txt', path.join(ws, 'link.txt'));
		fs.symlinkSync(path.join(outside, 'dirty.txt'), path.join(ws, 'out.txt'));
		fs.symlinkSync(path.join(outside, 'dir'), path.join(ws, 'outdir'));
		const r = run(ws, ['fix', '.', '--families', 'unicode']);
		assert.equal(r.status, 0, r.stderr);
		assert.match(r.stderr, /2 symbolic links lead out of the workspace folders and are not followed/);
		assert.ok(fs.lstatSync(path.join(ws, 'link.txt')).isSymbolicLink());
		assert.equal(fs.readFileSync(path.join(ws, 'target.txt'), 'utf8'), dirtyText.replace('\u200b', ''));
	});

	it('Big5 with Hong Kong (HKSCS) characters is written back byte for byte where no rule changed it', () => {
		const hkscs = Buffer.from('884088628740fefec879', 'hex');
		const { bytes, fixed } = big5File(hkscs);
		fs.writeFileSync(path.join(ws, 'hk.txt'), bytes);
		const r = run(ws, ['fix', 'hk.txt', '--families', 'spacing']);
		assert.equal(r.status, 0, r.stderr);
		assert.deepEqual(fs.readFileSync(path.join(ws, 'hk.txt')), fixed);
	});

	it('a Big5 file whose unchanged text would not be written back as the same bytes is not written, and the character is named', () => {
		// 8e 69 is a second Big5-HKSCS code of 箸 (canonically ba e6): encoding the text again would change it.
		const { bytes } = big5File(Buffer.from('8e69', 'hex'));
		fs.writeFileSync(path.join(ws, 'dup.txt'), bytes);
		const r = run(ws, ['fix', 'dup.txt', '--families', 'spacing']);
		assert.equal(r.status, 1);
		assert.match(r.stderr, /dup\.txt: not written: .*箸.*U\+7BB8.*8e 69/);
		assert.deepEqual(fs.readFileSync(path.join(ws, 'dup.txt')), bytes);
	});

	it('inserted text a legacy encoding cannot represent is refused, naming the characters', () => {
		const original = iconv.encode('中文測試', 'big5hkscs');
		const text = '中文測試';
		const out = encodeEdited(original, 0, text, [{ start: 2, end: 2, newText: '😀' }], 'Big5');
		assert.ok('refused' in out && /U\+1F600/.test(out.refused), JSON.stringify(out));
		const ok = encodeEdited(original, 0, text, [{ start: 2, end: 2, newText: '，' }], 'Big5');
		assert.ok('bytes' in ok);
		assert.deepEqual(Buffer.concat(ok.bytes), iconv.encode('中文，測試', 'big5hkscs'));
	});

	it('a large file read in parts gives the text, hash and byte-order mark of the whole; bad UTF-8 across a chunk is refused', async () => {
		const file = path.join(ws, 'big.txt');
		// Three-byte characters and four-byte ones, so chunks of 1 MiB cut inside characters.
		const text = '中文内容，第一行。\n'.repeat(70000) + '😀'.repeat(300000) + '\n末行';
		const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
		fs.writeFileSync(file, bytes);
		const source = await StreamedText.open(file);
		const copied: Buffer[] = [];
		const parts: string[] = [];
		for await (const part of source.parts(async (chunk) => { copied.push(Buffer.from(chunk)); })) { parts.push(part); }
		await source.close();
		const starts = partStarts(text);
		assert.ok(starts.length > 1, `${starts.length} parts`);
		assert.deepEqual(parts.map((p) => p.length), starts.map((s, i) => (starts[i + 1] ?? text.length) - s));
		assert.equal(parts.join(''), text);
		assert.ok(source.bom);
		assert.equal(source.stamp.hash, sha256(bytes));
		assert.ok(Buffer.concat(copied).equals(bytes), 'every byte read is handed on, in order');
		// A lone continuation byte just past the first 1 MiB chunk.
		const bad = Buffer.from(bytes);
		bad[(1 << 20) + 1] = 0x80;
		bad[(1 << 20) + 2] = 0x80;
		bad[(1 << 20)] = 0x80;
		fs.writeFileSync(file, bad);
		const broken = await StreamedText.open(file);
		let read = 0;
		await assert.rejects((async () => { for await (const part of broken.parts()) { read += part.length; } })(), NotUtf8);
		assert.ok(read < text.length, 'refused before the end');
		await broken.close();
	});

	it('Clean Workspace writes a large file part after part: the same bytes, report and undo as a file cleaned whole; an append meanwhile is kept', async () => {
		// About 1.3 M characters over two parts (a part is about a million), a byte-order mark kept.
		const body = `\ufeff${dirtyText.repeat(60000)}`;
		const clean = async (streamAbove: string | undefined, appendDuring = false) => {
			const dir = fs.mkdtempSync(path.join(root, 'ws-'));
			fs.writeFileSync(path.join(dir, 'big.txt'), body);
			fs.writeFileSync(path.join(dir, 'small.txt'), dirtyText);
			if (streamAbove) { process.env.ZH_CORPUS_STREAM_ABOVE_BYTES = streamAbove; } else { delete process.env.ZH_CORPUS_STREAM_ABOVE_BYTES; }
			const c = new LspClient({ workspaceFolder: dir, progress: true, settings: { clean: { previewLimit: 0 } } });
			delete process.env.ZH_CORPUS_STREAM_ABOVE_BYTES;
			try {
				await c.initialize();
				await c.progressEnded;
				const command = (name: string, args: unknown[] = []) => c.connection.sendRequest('workspace/executeCommand', { command: name, arguments: args });
				const running = command('zhCorpus.server.cleanWorkspace', [{ families: ['unicode'], assumeYes: true }]) as Promise<{ changedFiles: number; changes: number; runs: string[]; skipped?: Record<string, number> }>;
				if (appendDuring) {
					// Once the batch has begun writing the large file's backup.
					const backup = path.join(dir, '.zh-corpus', 'backup');
					while (!fs.existsSync(backup) || !fs.readdirSync(backup).some((r) => fs.existsSync(path.join(backup, r, 'files', 'big.txt')))) { await new Promise((r) => setTimeout(r, 5)); }
					fs.appendFileSync(path.join(dir, 'big.txt'), '后来追加的一行\n');
				}
				const result = await running;
				const after = fs.readFileSync(path.join(dir, 'big.txt'));
				const report = result.runs.length ? fs.readFileSync(path.join(result.runs[0], 'report.jsonl'), 'utf8') : '';
				const backup = appendDuring ? undefined : fs.readFileSync(path.join(result.runs[0], 'files', 'big.txt'));
				const undo = appendDuring ? undefined : await command('zhCorpus.server.undoLastClean') as { restored: number };
				const runFiles = [...fs.readdirSync(result.runs[0]), ...fs.readdirSync(path.join(result.runs[0], 'files'))].sort();
				return { result, after, report, backup, undo, runFiles, restored: fs.readFileSync(path.join(dir, 'big.txt')), left: fs.readdirSync(dir) };
			} finally {
				await c.stop();
			}
		};
		const whole = await clean(undefined);
		const streamed = await clean(String(1 << 20));
		assert.equal(streamed.result.changes, whole.result.changes);
		assert.ok(whole.result.changes >= 60001, JSON.stringify(whole.result));
		assert.ok(streamed.after.equals(whole.after), 'the same bytes as a clean of the whole text');
		assert.ok(streamed.after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'the byte-order mark is kept');
		assert.equal(streamed.report, whole.report, 'the same review report, lines and columns of the whole file');
		assert.ok(streamed.backup?.equals(Buffer.from(body, 'utf8')), 'the backup holds the original bytes');
		assert.equal(streamed.undo?.restored, 2);
		assert.ok(streamed.restored.equals(Buffer.from(body, 'utf8')), 'undo restores the original bytes');
		assert.deepEqual(streamed.left.sort(), ['.zh-corpus', 'big.txt', 'small.txt'], 'no temporary file left');
		// A line appended while the large file is read: the file is not replaced, the line is kept, nothing is left behind.
		const raced = await clean(String(1 << 20), true);
		assert.equal(raced.result.skipped?.changed, 1, JSON.stringify(raced.result));
		assert.ok(raced.after.equals(Buffer.from(`${body}后来追加的一行\n`, 'utf8')), 'the file as the appender left it');
		assert.deepEqual(raced.report.split('\n').filter((l) => l.includes('"file":"big.txt"')), ['{"file":"big.txt","skipped":"changed"}'], 'no review rows of a file not written');
		assert.deepEqual(raced.left.sort(), ['.zh-corpus', 'big.txt', 'small.txt'], 'no temporary file left');
		assert.deepEqual(raced.runFiles, ['files', 'manifest.jsonl', 'report.jsonl', 'small.txt'], 'no backup of the file not written, no side file');
	});
});
