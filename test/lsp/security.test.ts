/**
 * The workspace boundary through the real server, attacked as a hostile repository would:
 * crafted `.zh-corpus/backup/` runs (unsigned, tampered, malformed, and even signed with this
 * installation's key but climbing out by `../`, an absolute path, a linked folder or a linked
 * backup), `.zh-corpus/` as a link out of the folder, links in the corpus, commands on files
 * outside, Restricted Mode. A sentinel tree outside the workspaces must stay byte-identical.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keyFromStateDir, manifestLine, sha256 } from '../../server/src/files/manifest';
import { LspClient } from './lspClient';
import { assertSentinelUnchanged, dirtyText, gbkBytes, namesText, sentinel } from './sentinel';

const { root, outside } = sentinel();
const stamp = '2999-01-01T00-00-00-000Z';

interface UndoAnswer { restored?: number; changed?: string[]; failed?: { file: string; reason: string }[]; refused?: string }

describe('workspace boundary (security)', function () {
	this.timeout(60000);
	let ws: string;
	let client: LspClient;

	const start = async (initializationOptions: Record<string, unknown> = {}) => {
		client = new LspClient({ workspaceFolder: ws, progress: true, settings: { clean: { previewLimit: 0 } }, initializationOptions });
		await client.initialize();
		await client.progressEnded;
	};
	const command = (name: string, ...args: unknown[]) => client.connection.sendRequest('workspace/executeCommand', { command: name, arguments: args });
	const clean = () => command('zhCorpus.server.cleanWorkspace', { families: ['unicode'], assumeYes: true }) as Promise<{ changedFiles: number; runs?: string[]; refused?: string; skipped?: Record<string, number> } | null>;
	const undo = () => command('zhCorpus.server.undoLastClean') as Promise<UndoAnswer | null>;
	const key = () => keyFromStateDir(process.env.ZH_CORPUS_STATE_DIR!);
	/** A run folder as a repository could ship it: `lines` as the manifest, `files` as its backups. */
	const craftRun = (lines: string[], files: Record<string, string | { link: string }> = {}) => {
		const run = path.join(ws, '.zh-corpus', 'backup', stamp);
		fs.mkdirSync(path.join(run, 'files'), { recursive: true });
		fs.writeFileSync(path.join(run, 'manifest.jsonl'), lines.join(''));
		for (const [rel, content] of Object.entries(files)) {
			const file = path.join(run, 'files', rel);
			fs.mkdirSync(path.dirname(file), { recursive: true });
			if (typeof content === 'string') { fs.writeFileSync(file, content); } else { fs.symlinkSync(content.link, file); }
		}
		return run;
	};
	const victim = () => fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8');

	beforeEach(() => {
		ws = fs.mkdtempSync(path.join(root, 'ws-'));
		fs.writeFileSync(path.join(ws, 'a.txt'), dirtyText);
	});
	afterEach(async () => {
		await client?.stop();
		assertSentinelUnchanged();
	});

	it('Undo refuses a manifest this installation did not sign (a `../` entry a repository ships)', async () => {
		const attack = 'ATTACKER CONTENT written by Undo Last Clean\n';
		craftRun([`${JSON.stringify({ file: '../outside/victim.txt', before: sha256(attack), after: sha256(victim()) })}\n`], { '../outside/victim.txt': attack });
		await start();
		const answer = await undo();
		assert.match(answer?.refused ?? '', /not signed/);
		assert.ok(client.messages.some((m) => m.includes('refused') && m.includes(stamp)), client.messages.join('\n'));
	});

	it('even signed with this installation\'s key, entries that climb out by `../` or an absolute path, and linked backups, are refused whole', async () => {
		const k = await key();
		const attack = 'ATTACKER CONTENT\n';
		const cases: { lines: string[]; files: Record<string, string | { link: string }>; reason: RegExp }[] = [
			{ lines: [manifestLine(k, stamp, { file: '../outside/victim.txt', before: sha256(attack), after: sha256(victim()) })], files: {}, reason: /not a plain path/ },
			{ lines: [manifestLine(k, stamp, { file: path.join(outside, 'victim.txt'), before: sha256(attack), after: sha256(victim()) })], files: {}, reason: /not a plain path/ },
			// A backup "original" that is a link to a secret outside: the secret must not reach the workspace.
			{ lines: [manifestLine(k, stamp, { file: 'a.txt', before: sha256(fs.readFileSync(path.join(outside, 'secret.txt'))), after: sha256(dirtyText) })], files: { 'a.txt': { link: path.join(outside, 'secret.txt') } }, reason: /symbolic link/ },
			// A backup reached through a linked folder.
			{ lines: [manifestLine(k, stamp, { file: 'sub/nested.txt', before: sha256(dirtyText), after: sha256(dirtyText) })], files: { sub: { link: path.join(outside, 'dir') } }, reason: /outside the backup folder/ },
		];
		await start();
		for (const c of cases) {
			const run = craftRun(c.lines, c.files);
			const answer = await undo();
			assert.match(answer?.refused ?? '', c.reason, JSON.stringify(answer));
			assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), dirtyText, 'nothing restored');
			fs.rmSync(run, { recursive: true });
		}
	});

	it('a signed entry through a linked folder is not restored: the file it reaches lies outside', async () => {
		const k = await key();
		fs.symlinkSync(outside, path.join(ws, 'link'));
		const attack = 'ATTACKER CONTENT\n';
		craftRun([manifestLine(k, stamp, { file: 'link/victim.txt', before: sha256(attack), after: sha256(victim()) })], { 'link/victim.txt': attack });
		await start();
		const answer = await undo();
		assert.equal(answer?.restored, 0);
		assert.match(answer?.failed?.[0]?.reason ?? '', /outside the workspace/);
	});

	it('a malformed, tampered or re-written manifest or backup is refused whole with a message; the genuine one is undone', async () => {
		fs.writeFileSync(path.join(ws, 'b.txt'), `第二个文件。${dirtyText}`);
		await start();
		const result = await clean();
		assert.equal(result?.changedFiles, 2);
		const run = result!.runs![0];
		const manifest = path.join(run, 'manifest.jsonl');
		const genuine = fs.readFileSync(manifest, 'utf8');
		const cleaned = fs.readFileSync(path.join(ws, 'a.txt'));
		const attempts: [string, () => void, RegExp][] = [
			['a line that is not an entry', () => fs.appendFileSync(manifest, '{"file": 1}\n'), /line 3: not a manifest entry/],
			['a line that is not JSON', () => fs.appendFileSync(manifest, 'null garbage\n'), /line 3: not JSON/],
			['a changed hash', () => fs.writeFileSync(manifest, genuine.replace(/"after":"[0-9a-f]/, '"after":"x').replace('"after":"x', '"after":"0')), /signature does not match|line 1/],
			['a changed backup', () => fs.appendFileSync(path.join(run, 'files', 'a.txt'), 'extra'), /backup does not hold/],
		];
		for (const [what, tamper, reason] of attempts) {
			const backup = fs.readFileSync(path.join(run, 'files', 'a.txt'));
			tamper();
			const answer = await undo();
			assert.match(answer?.refused ?? '', reason, `${what}: ${JSON.stringify(answer)}`);
			assert.deepEqual(fs.readFileSync(path.join(ws, 'a.txt')), cleaned, `${what}: nothing restored`);
			fs.writeFileSync(manifest, genuine);
			fs.writeFileSync(path.join(run, 'files', 'a.txt'), backup);
		}
		const answer = await undo();
		assert.equal(answer?.restored, 2);
		assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), dirtyText);
	});

	it('`.zh-corpus/` as a link out of the folder: the clean writes no backup or report there and stops; Undo refuses', async () => {
		fs.symlinkSync(path.join(outside, 'zh'), path.join(ws, '.zh-corpus'));
		await start();
		const result = await clean();
		assert.match(result?.refused ?? '', /\.zh-corpus.*symbolic link/);
		assert.equal(result?.changedFiles, 0);
		assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), dirtyText, 'no file cleaned without its backup');
		assert.match((await undo())?.refused ?? '', /symbolic link/);
	});

	it('links in the corpus: a link to a file inside stays a link and its target is cleaned; links out of the folder are not followed', async () => {
		fs.writeFileSync(path.join(ws, 'target.txt'), dirtyText);
		fs.symlinkSync('target.txt', path.join(ws, 'link.txt'));
		fs.symlinkSync(path.join(outside, 'dirty.txt'), path.join(ws, 'out.txt'));
		fs.symlinkSync(path.join(outside, 'dir'), path.join(ws, 'outdir'));
		await start();
		const result = await clean();
		assert.ok(fs.lstatSync(path.join(ws, 'link.txt')).isSymbolicLink(), 'the link is kept');
		assert.equal(fs.readFileSync(path.join(ws, 'target.txt'), 'utf8'), dirtyText.replace('\u200b', ''));
		assert.equal(result?.changedFiles, 2, 'a.txt and target.txt (once, though two names reach it)');
		assert.ok(client.messages.some((m) => m.includes('2 symbolic links lead out of the workspace folders')), client.messages.join('\n'));
	});

	it('the preview of a clean edits a file reached by two names once, and nothing a link leads to outside', async () => {
		fs.writeFileSync(path.join(ws, 'target.txt'), dirtyText);
		fs.symlinkSync('target.txt', path.join(ws, 'link.txt'));
		fs.symlinkSync(path.join(outside, 'dirty.txt'), path.join(ws, 'out.txt'));
		client = new LspClient({ workspaceFolder: ws, progress: true, changeAnnotations: true, settings: {} });
		await client.initialize();
		await client.progressEnded;
		const result = await command('zhCorpus.server.cleanWorkspace', { families: ['unicode'] }) as { mode: string };
		assert.equal(result.mode, 'preview');
		const { edit } = client.appliedEdits[0] as { edit: { documentChanges: { textDocument: { uri: string } }[] } };
		const reals = edit.documentChanges.map((c) => fs.realpathSync(fileURLToPath(c.textDocument.uri)));
		assert.equal(new Set(reals).size, reals.length, `each file once: ${reals.join(', ')}`);
		for (const r of reals) { assert.ok(r.startsWith(fs.realpathSync(ws) + path.sep), r); }
		assert.equal(reals.length, 2);
	});

	it('Restricted Mode: Clean Workspace and Undo Last Clean do nothing and say so', async () => {
		await start({ trusted: false });
		assert.equal(await clean(), null);
		assert.equal(await undo(), null);
		assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), dirtyText);
		assert.ok(client.messages.some((m) => m.includes('Restricted Mode')), client.messages.join('\n'));
	});

	it('Convert to UTF-8 acts only on corpus files inside a workspace folder', async () => {
		fs.symlinkSync(path.join(outside, 'gbk.txt'), path.join(ws, 'gbk-link.txt'));
		fs.writeFileSync(path.join(ws, 'gbk.dat'), gbkBytes);
		await start();
		const convert = (uri: unknown) => command('zhCorpus.server.convertToUtf8', uri, { assumeYes: true }) as Promise<{ converted: boolean; reason?: string }>;
		for (const uri of [pathToFileURL(path.join(outside, 'gbk.txt')).href, pathToFileURL(path.join(ws, 'gbk-link.txt')).href, 'file:///etc/passwd']) {
			const answer = await convert(uri);
			assert.equal(answer.converted, false, uri);
			assert.match(answer.reason ?? '', /outside the workspace/, uri);
		}
		assert.match((await convert(pathToFileURL(path.join(ws, 'gbk.dat')).href)).reason ?? '', /not a corpus file/);
		await assert.rejects(convert(42), /file URI/, 'a malformed argument is refused with a message, not a TypeError');
		assert.deepEqual(fs.readFileSync(path.join(ws, 'gbk.dat')), gbkBytes);
	});

	it('rename never edits a file a link leads to out of the workspace, and a file reached by two names only once', async () => {
		fs.writeFileSync(path.join(ws, 'names.txt'), namesText);
		fs.writeFileSync(path.join(ws, 'more.txt'), namesText);
		fs.symlinkSync('more.txt', path.join(ws, 'also-more.txt'));
		fs.symlinkSync(path.join(outside, 'names.txt'), path.join(ws, 'out-names.txt'));
		fs.symlinkSync(outside, path.join(ws, 'outdir'));
		await start();
		await client.namesReady();
		const uri = pathToFileURL(path.join(ws, 'names.txt')).href;
		await client.open(uri, namesText);
		const edit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: namesText.indexOf('康义') + 1 }, newName: '康毅' }) as { changes: Record<string, unknown[]> } | null;
		const files = Object.keys(edit?.changes ?? {}).map((u) => fileURLToPath(u));
		assert.ok(files.includes(path.join(ws, 'names.txt')), JSON.stringify(files));
		for (const f of files) { assert.ok(fs.realpathSync(f).startsWith(fs.realpathSync(ws) + path.sep), `${f} lies inside the workspace`); }
		assert.equal(files.filter((f) => fs.realpathSync(f) === fs.realpathSync(path.join(ws, 'more.txt'))).length, 1, 'more.txt once');
	});

	it('a .gitignore that links out of the folder is not read, nor a FIFO named .gitignore (which never ends)', async () => {
		// Rules outside that would leave every file out of the corpus: they must not apply.
		const rules = path.join(root, `ignore-${path.basename(ws)}`);
		fs.writeFileSync(rules, '*.txt\n');
		fs.symlinkSync(rules, path.join(ws, '.gitignore'));
		fs.mkdirSync(path.join(ws, 'sub'));
		fs.writeFileSync(path.join(ws, 'sub', 'b.txt'), dirtyText);
		const fifo = spawnSync('mkfifo', [path.join(ws, 'sub', '.gitignore')]);
		await start();
		assert.ok(client.messages.some((m) => m.includes('1 symbolic link leads out of the workspace folders and is not followed')), client.messages.join('\n'));
		for (const file of [path.join(ws, 'a.txt'), ...(fifo.status === 0 ? [path.join(ws, 'sub', 'b.txt')] : [])]) {
			const uri = pathToFileURL(file).href;
			const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
			await client.open(uri, dirtyText);
			assert.ok((await published).diagnostics.some((d) => d.code === 'unicode.invisible'), `${file} is a corpus file`);
		}
		assert.equal((await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number }).files, 2);
	});

	it('a file reached by links and by its own name is indexed once', async () => {
		fs.writeFileSync(path.join(ws, 'target.txt'), `${dirtyText}第二行的内容不一样。\n`);
		fs.symlinkSync('target.txt', path.join(ws, 'link.txt'));
		fs.symlinkSync(path.join(ws, 'target.txt'), path.join(ws, 'link2.txt'));
		fs.writeFileSync(path.join(ws, 'other.txt'), '另一份文件的内容。\n');
		fs.symlinkSync('other.txt', path.join(ws, 'only-link.txt'));
		await start();
		// a.txt, target.txt and other.txt: each once, under its own name.
		assert.equal((await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number }).files, 3);
	});

	it('the project file is not read through a link out of the folder, nor the gazetteer from a FIFO', async () => {
		// A project file outside that would turn a rule off: it must not apply.
		const config = path.join(root, `config-${path.basename(ws)}.json`);
		fs.writeFileSync(config, '{ "zhCorpus.rules": { "unicode.invisible": "off" } }');
		fs.mkdirSync(path.join(ws, '.zh-corpus'));
		fs.symlinkSync(config, path.join(ws, '.zh-corpus', 'config.json'));
		const fifo = spawnSync('mkfifo', [path.join(ws, '.zh-corpus', 'entities.json')]);
		await start();
		const uri = pathToFileURL(path.join(ws, 'a.txt')).href;
		const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, true);
		assert.ok(published.diagnostics.some((d) => d.code === 'unicode.invisible'), 'the linked project file was not read');
		assert.ok(client.messages.some((m) => m.includes('config.json: it is a symbolic link to a place outside')), client.messages.join('\n'));
		if (fifo.status === 0) { assert.ok(client.messages.some((m) => m.includes('entities.json: it is not a regular file')), client.messages.join('\n')); }
	});
});
