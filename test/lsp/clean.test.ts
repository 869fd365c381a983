/**
 * "Clean workspace…" and "Undo last clean" through the real server: the previewed edit
 * annotated per rule, the batch with backups, review report and atomic writes, the
 * confirmation, and undo that restores only files nobody changed since.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnnotatedTextEdit, ChangeAnnotation } from 'vscode-languageserver-protocol';
import { LspClient, repoRoot } from './lspClient';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'boilerplate');
/** Not UTF-8 (GBK bytes of 责任编辑): a clean must skip it and leave every byte. */
const gbkBytes = Buffer.from([0xd4, 0xf0, 0xc8, 0xce, 0xb1, 0xe0, 0xbc, 0xad, 0x0a]);

interface CleanResult { mode: string; files: number; changedFiles: number; changes: number; applied: boolean; runs?: string[]; skipped?: Record<string, number> }
interface ApplyParams { edit: { documentChanges: { textDocument: { uri: string; version: number | null }; edits: AnnotatedTextEdit[] }[]; changeAnnotations?: Record<string, ChangeAnnotation> } }

function makeWorkspace(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-clean-'));
	fs.mkdirSync(path.join(dir, 'news'));
	for (const f of fs.readdirSync(fixtures).filter((f) => f.endsWith('.txt'))) {
		fs.copyFileSync(path.join(fixtures, f), path.join(dir, 'news', f));
	}
	fs.writeFileSync(path.join(dir, 'gbk.txt'), gbkBytes);
	return dir;
}

const snapshot = (dir: string) => new Map(fs.readdirSync(path.join(dir, 'news')).map((f) => [f, fs.readFileSync(path.join(dir, 'news', f))]));

describe('clean workspace', function () {
	this.timeout(30000);
	let dir: string;
	let client: LspClient;

	const start = async (settings: Record<string, unknown>, changeAnnotations = true) => {
		client = new LspClient({ workspaceFolder: dir, progress: true, changeAnnotations, settings });
		await client.initialize();
		await client.progressEnded;
	};
	const clean = (args: Record<string, unknown>) => client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.cleanWorkspace', arguments: [args] }) as Promise<CleanResult>;

	beforeEach(() => { dir = makeWorkspace(); });
	afterEach(async () => {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('sends one edit annotated per rule with needsConfirmation (refactor preview) when few files change', async () => {
		await start({});
		const before = snapshot(dir);
		const result = await clean({ families: ['boilerplate'] });
		assert.equal(result.mode, 'preview');
		assert.equal(result.applied, true);
		assert.equal(result.skipped?.notUtf8, 1, 'the GBK file is skipped');
		const { edit } = client.appliedEdits[0] as ApplyParams;
		assert.equal(edit.documentChanges.length, result.changedFiles);
		assert.ok(result.changedFiles >= 12, `${result.changedFiles} files change`);
		const annotations = edit.changeAnnotations!;
		for (const change of edit.documentChanges) {
			assert.equal(change.textDocument.version, null, 'closed files are not versioned');
			for (const e of change.edits) {
				assert.ok(annotations[e.annotationId].needsConfirmation, 'every edit needs confirmation');
				assert.match(e.annotationId, /^boilerplate\./, 'only the chosen family');
			}
		}
		assert.ok(!Object.keys(annotations).includes('boilerplate.source'), 'source lines only when zhCorpus.fixAll.rules adds them');
		assert.deepEqual(snapshot(dir), before, 'the server wrote nothing itself');
	});

	it('asks first when the client cannot preview, and does nothing when the user cancels', async () => {
		await start({}, false);
		const before = snapshot(dir);
		client.answerMessage = (p) => p.actions!.find((a) => a.title === 'Cancel')!;
		const result = await clean({ families: ['boilerplate'] });
		assert.equal(result.mode, 'cancelled');
		assert.equal(client.messageRequests.length, 1);
		assert.match(client.messageRequests[0].message, /boilerplate\.[a-z-]+ \d+/, 'the question counts per rule');
		assert.equal(client.appliedEdits.length, 0);
		assert.deepEqual(snapshot(dir), before);
	});

	it('above the preview limit: confirms, writes a batch with backups and a report, and undo restores it', async () => {
		await start({ clean: { previewLimit: 3 } });
		const before = snapshot(dir);
		// An open document with unsaved edits is never written under the editor.
		const dirtyUri = pathToFileURL(path.join(dir, 'news', '01-portal-news.txt')).href;
		await client.open(dirtyUri, `${before.get('01-portal-news.txt')!.toString('utf8')}未保存的修改\n`);
		client.answerMessage = (p) => p.actions![0];
		const result = await clean({ families: ['boilerplate'] });
		assert.equal(client.messageRequests.length, 1, 'one confirmation');
		assert.equal(result.mode, 'batch');
		assert.equal(result.skipped?.unsaved, 1);
		assert.equal(result.skipped?.notUtf8, 1, 'the GBK file is named as skipped');
		assert.deepEqual(fs.readFileSync(path.join(dir, 'news', '01-portal-news.txt')), before.get('01-portal-news.txt'));
		assert.deepEqual(fs.readFileSync(path.join(dir, 'gbk.txt')), gbkBytes, 'the GBK file keeps every byte');

		const run = result.runs![0];
		assert.ok(run.startsWith(path.join(dir, '.zh-corpus', 'backup')), run);
		const after = snapshot(dir);
		const changed = [...after].filter(([f, bytes]) => !bytes.equals(before.get(f)!)).map(([f]) => f);
		assert.equal(changed.length, result.changedFiles);
		for (const f of changed) {
			assert.deepEqual(fs.readFileSync(path.join(run, 'files', 'news', f)), before.get(f), `backup of ${f}`);
		}
		const rows = fs.readFileSync(path.join(run, 'report.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; line: number; column: number; rule: string; removed: string });
		assert.equal(rows.length, result.changes);
		for (const row of rows) {
			const original = before.get(row.file.replace('news/', ''))!.toString('utf8');
			const lines = original.split('\n');
			assert.ok(lines.slice(row.line - 1).join('\n').slice(row.column - 1).startsWith(row.removed), `${row.file}:${row.line} ${row.rule} removed ‘${row.removed.slice(0, 30)}’`);
			assert.match(row.rule, /^boilerplate\./);
		}
		// No temp file is left behind by the atomic writes.
		assert.deepEqual(fs.readdirSync(path.join(dir, 'news')).filter((f) => f.includes('zh-corpus-tmp')), []);

		// Backups are not corpus files: a watched-file event for one does not index it.
		const { files } = await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number };
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(run, 'files', 'news', changed[0])).href, type: 1 }] });
		assert.equal((await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number }).files, files);

		// A file edited after the clean is not restored; the others are, byte for byte.
		fs.appendFileSync(path.join(dir, 'news', changed[0]), '後來加的一行\n');
		const undo = await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.undoLastClean', arguments: [] }) as { restored: number; changed: string[] };
		assert.equal(undo.restored, changed.length - 1);
		assert.deepEqual(undo.changed, [`news/${changed[0]}`]);
		for (const f of changed.slice(1)) { assert.deepEqual(fs.readFileSync(path.join(dir, 'news', f)), before.get(f), `${f} restored`); }
		const again = await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.undoLastClean', arguments: [] });
		assert.equal(again, null, 'a clean is undone once');
	});
});
