import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';

/** The edit of a versioned document change, as this server sends it (plain text edits). */
interface TextDocumentEdit { textDocument: { uri: string; version: number }; edits: TextEdit[] }
import { LspClient, repoRoot } from './lspClient';

const seeds = path.resolve(repoRoot, '..', 'shared', 'corpus', 'seeds');
const fixtures = path.join(repoRoot, 'test', 'fixtures');

/** A scratch workspace: the seeds (when present) and our fixtures, copied into a temp folder. */
function makeWorkspace(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-lsp-'));
	if (fs.existsSync(seeds)) {
		for (const f of fs.readdirSync(seeds)) { fs.copyFileSync(path.join(seeds, f), path.join(dir, f)); }
	}
	fs.mkdirSync(path.join(dir, 'fixtures'));
	for (const f of fs.readdirSync(path.join(fixtures, 'mixed-script'))) {
		fs.copyFileSync(path.join(fixtures, 'mixed-script', f), path.join(dir, 'fixtures', f));
	}
	fs.mkdirSync(path.join(dir, 'node_modules'));
	fs.writeFileSync(path.join(dir, 'node_modules', 'ignored.txt'), '這是一個后');
	return dir;
}

const uriOf = (dir: string, rel: string) => pathToFileURL(path.join(dir, rel)).href;

/** Applies a code action's edit to the client's copy and tells the server (incremental didChange). */
async function applyAction(client: LspClient, doc: TextDocument, action: CodeAction): Promise<TextDocument> {
	const change = action.edit!.documentChanges![0] as unknown as TextDocumentEdit;
	assert.equal(change.textDocument.version, doc.version, 'the edit is for the current version');
	const text = TextDocument.applyEdits(doc, change.edits);
	const next = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, text);
	// Send the edits as incremental changes, last first so that earlier ranges stay valid.
	const sorted = [...change.edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
	await client.connection.sendNotification('textDocument/didChange', {
		textDocument: { uri: doc.uri, version: next.version },
		contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
	});
	return next;
}

describe('language server over stdio', function () {
	this.timeout(30000);
	let dir: string;
	let client: LspClient;

	beforeEach(async () => {
		dir = makeWorkspace();
		client = new LspClient({ workspaceFolder: dir, progress: true });
		await client.initialize();
	});
	afterEach(async () => {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function open(rel: string): Promise<{ doc: TextDocument; diagnostics: Diagnostic[] }> {
		const uri = uriOf(dir, rel);
		const text = fs.readFileSync(path.join(dir, rel), 'utf8');
		const waiting = client.waitForDiagnostics(uri, (p) => p.version === 1);
		await client.open(uri, text);
		const pushed = await waiting;
		assert.equal(pushed.version, 1);
		return { doc: TextDocument.create(uri, 'plaintext', 1, text), diagnostics: pushed.diagnostics };
	}

	it('pushes versioned diagnostics with source, code and data', async () => {
		const { diagnostics } = await open('fixtures/tw-leftovers.txt');
		assert.ok(diagnostics.length >= 6);
		for (const d of diagnostics) {
			assert.equal(d.source, 'zh-corpus');
			assert.equal(d.code, 'mixed-script');
			assert.equal((d.data as { version: number }).version, 1);
		}
	});

	it('diagnoses the seeds: 16 leftovers in 000 at Information or above, nothing in 001–004', async function () {
		if (!fs.existsSync(seeds)) { this.skip(); }
		for (const name of fs.readdirSync(seeds)) {
			const { diagnostics } = await open(name);
			const shown = diagnostics.filter((d) => d.severity !== 4 && d.code === 'mixed-script');
			assert.equal(shown.length, name.startsWith('000') ? 16 : 0, `${name}: ${shown.map((d) => d.message).join('\n')}`);
		}
	});

	it('links a repeated paragraph to its first occurrence, and a passage shared with another file to that file', async function () {
		if (!fs.existsSync(seeds)) { this.skip(); }
		await client.progressEnded;
		const { diagnostics: d000 } = await open('000_a7811a11def97c06.txt');
		const repeat = d000.find((d) => d.code === 'duplicate.paragraph')!;
		assert.equal(repeat.range.start.line, 6);
		assert.equal(repeat.relatedInformation?.[0].location.uri, uriOf(dir, '000_a7811a11def97c06.txt'));
		assert.equal(repeat.relatedInformation?.[0].location.range.start.line, 5);
		const { diagnostics: d003 } = await open('003_f9c6bcfd28a4ce26.txt');
		const overlap = d003.find((d) => d.code === 'duplicate.document')!;
		assert.ok(overlap, 'overlap with 004 reported');
		assert.equal(overlap.relatedInformation?.[0].location.uri, uriOf(dir, '004_ad0cf75c0c0e55fb.txt'));
	});

	it('answers documentSymbol with a hierarchical outline and foldingRange to match', async function () {
		if (!fs.existsSync(seeds)) { this.skip(); }
		const { doc } = await open('002_2630afb79726026e.txt');
		const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: doc.uri } }) as { name: string; range: { start: { line: number } }; children?: unknown[] }[];
		const article = symbols.find((s) => s.range.start.line === 9)!;
		assert.equal(article.name, '2023年世界互联网大会乌镇峰会今日闭幕');
		assert.ok((article.children?.length ?? 0) >= 9, 'source line and paragraphs');
		const folds = await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: doc.uri } }) as { startLine: number; endLine: number }[];
		assert.ok(folds.some((f) => f.startLine === 9 && f.endLine === 29), JSON.stringify(folds));
	});

	it('applies a quick fix (成立后 → 成立後) and re-checks the new version', async function () {
		if (!fs.existsSync(seeds)) { this.skip(); }
		const { doc, diagnostics } = await open('000_a7811a11def97c06.txt');
		const diag = diagnostics.find((d) => doc.getText(d.range) === '后' && doc.getText({ start: { line: d.range.start.line, character: d.range.start.character - 2 }, end: d.range.end }) === '成立后')!;
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: diag.range, context: { diagnostics: [diag] } }) as CodeAction[];
		const preferred = actions.find((a) => a.isPreferred)!;
		assert.equal(preferred.kind, 'quickfix');
		const waiting = client.waitForDiagnostics(doc.uri, (p) => p.version === 2);
		const next = await applyAction(client, doc, preferred);
		assert.ok(next.getText().includes('成立後的首屆年會'));
		const after = await waiting;
		assert.equal(after.diagnostics.filter((d) => d.severity !== 4 && d.code === 'mixed-script').length, 15);
	});

	it('recomputes the fix of a stale diagnostic for the current version', async () => {
		const { doc, diagnostics } = await open('fixtures/tw-leftovers.txt');
		const diag = diagnostics.find((d) => doc.getText(d.range) === '经')!;
		const waiting = client.waitForDiagnostics(doc.uri, (p) => p.version === 2);
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '新' }] });
		await waiting;
		// The old diagnostic still says version 1 and offsets of version 1.
		const moved = { ...diag, range: { start: { ...diag.range.start }, end: { ...diag.range.end } } };
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: moved.range, context: { diagnostics: [moved] } }) as CodeAction[];
		const edit = (actions.find((a) => a.isPreferred)!.edit!.documentChanges![0] as unknown as TextDocumentEdit);
		assert.equal(edit.textDocument.version, 2);
		assert.equal(edit.edits[0].newText, '經');
		assert.deepEqual(edit.edits[0].range, diag.range, 'line 2 did not move, so the recomputed range is the same');
	});

	it('runs source.fixAll.zhCorpus as one edit list that gives the expected text', async () => {
		const { doc } = await open('fixtures/tw-leftovers.txt');
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.zhCorpus'] } }) as CodeAction[];
		assert.equal(actions.length, 1);
		assert.equal(actions[0].kind, 'source.fixAll.zhCorpus');
		const next = await applyAction(client, doc, actions[0]);
		assert.equal(next.getText(), fs.readFileSync(path.join(fixtures, 'mixed-script', 'tw-leftovers.fixed.txt'), 'utf8'));
	});

	it('offers "fix all mixed-script problems in this file"', async () => {
		const { doc, diagnostics } = await open('fixtures/tw-leftovers.txt');
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: diagnostics[1].range, context: { diagnostics: [diagnostics[1]] } }) as CodeAction[];
		const all = actions.find((a) => /Fix all mixed-script/.test(a.title))!;
		assert.ok(((all.edit!.documentChanges![0] as unknown as TextDocumentEdit).edits.length) >= 4);
	});

	it('re-checks open documents when a setting changes', async () => {
		const { doc } = await open('fixtures/tw-leftovers.txt');
		client.settings = { rules: { 'mixed-script': 'off' } };
		const cleared = client.waitForDiagnostics(doc.uri, (p) => p.diagnostics.length === 0);
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		await cleared;
		client.settings = { rules: { 'mixed-script': 'error' } };
		const raised = client.waitForDiagnostics(doc.uri, (p) => p.diagnostics.length > 0);
		await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
		assert.ok((await raised).diagnostics.some((d) => d.severity === 1));
	});

	it('says which setting is invalid and keeps working with the default', async () => {
		client.settings = { script: { target: 'klingon' } };
		const { diagnostics } = await open('fixtures/tw-leftovers.txt');
		assert.ok(diagnostics.length > 0, `${diagnostics.length} diagnostics; ${client.stderr}`);
		assert.ok(client.messages.some((m) => m.includes('zhCorpus.script.target')), client.messages.join('\n'));
	});

	it('converts a document with the convert command', async () => {
		const { doc } = await open('fixtures/simplified-with-traditional.txt');
		await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.convertDocument', arguments: [doc.uri, 'traditional-tw'] });
		const edit = client.appliedEdits[0] as { edit: { documentChanges: TextDocumentEdit[] } };
		const text = TextDocument.applyEdits(doc, edit.edit.documentChanges[0].edits);
		assert.ok(text.startsWith('這是一個簡單的例子'), text);
	});

	it('ignores files outside zhCorpus.files.include and open non-corpus documents', async () => {
		const uri = uriOf(dir, 'notes.md');
		fs.writeFileSync(path.join(dir, 'notes.md'), '會議結束后');
		await client.open(uri, '會議結束后', 1, 'markdown');
		const other = uriOf(dir, 'fixtures/tw-leftovers.txt');
		const waiting = client.waitForDiagnostics(other, (p) => p.version === 1);
		await client.open(other, fs.readFileSync(path.join(dir, 'fixtures/tw-leftovers.txt'), 'utf8'));
		await waiting;
		assert.equal(client.diagnostics.has(uri), false);
	});

	it('indexes the workspace with progress and updates one file on watched-file events', async () => {
		const summary = async () => client.connection.sendRequest('zhCorpus/corpusSummary') as Promise<{ files: number; traditionalFiles: number }>;
		const expected = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).length + fs.readdirSync(path.join(dir, 'fixtures')).length;
		// Progress ends when the first scan is done; wait for its `end`.
		await client.progressEnded;
		assert.ok(client.progress.some((p) => (p as { value: { kind: string } }).value.kind === 'begin'));
		assert.equal((await summary()).files, expected, 'after the scan');
		const added = path.join(dir, 'new.txt');
		fs.writeFileSync(added, '這是新的繁體文件，內容很短。');
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 1 }] });
		assert.equal((await summary()).files, expected + 1);
		fs.rmSync(added);
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).href, type: 3 }] });
		assert.equal((await summary()).files, expected);
	});
});

describe('pull diagnostics', function () {
	this.timeout(30000);
	it('answers textDocument/diagnostic and stops pushing a pulled document', async () => {
		const client = new LspClient({ pullDiagnostics: true });
		try {
			await client.initialize();
			const uri = pathToFileURL(path.join(fixtures, 'mixed-script', 'tw-leftovers.txt')).href;
			const pushed = client.waitForDiagnostics(uri);
			await client.open(uri, fs.readFileSync(path.join(fixtures, 'mixed-script', 'tw-leftovers.txt'), 'utf8'));
			assert.ok((await pushed).diagnostics.length > 0, 'pushed first, before any pull');
			const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
			const report = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { kind: string; items: Diagnostic[] };
			assert.equal(report.kind, 'full');
			assert.ok(report.items.length >= 6);
			await cleared;
		} finally {
			await client.stop();
		}
	});
});

describe('lazy code actions', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspClient | undefined;
	beforeEach(() => { dir = makeWorkspace(); });
	afterEach(async () => {
		await client?.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function start(resolveCodeActions: boolean, rel: string, text?: string) {
		client = new LspClient({ workspaceFolder: dir, resolveCodeActions });
		await client.initialize();
		const uri = uriOf(dir, rel);
		const content = text ?? fs.readFileSync(path.join(dir, rel), 'utf8');
		const waiting = client.waitForDiagnostics(uri, (p) => p.version === 1);
		await client.open(uri, content);
		const { diagnostics } = await waiting;
		return { c: client, doc: TextDocument.create(uri, 'plaintext', 1, content), diagnostics };
	}
	const ask = (c: LspClient, uri: string, diagnostic: Diagnostic | undefined, only?: string[]) => c.connection.sendRequest('textDocument/codeAction', {
		textDocument: { uri }, range: diagnostic?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
		context: { diagnostics: diagnostic ? [diagnostic] : [], ...(only ? { only } : {}) },
	}) as Promise<CodeAction[]>;

	it('lists fix-all without its edit for a client that resolves, and resolves it to the same edit as an eager list', async () => {
		const { c, doc, diagnostics } = await start(true, 'fixtures/tw-leftovers.txt');
		const listed = await ask(c, doc.uri, diagnostics[1]);
		const quick = listed.find((a) => a.isPreferred)!;
		assert.ok(quick.edit, 'a single fix carries its edit');
		const lazy = listed.find((a) => /Fix all mixed-script/.test(a.title))!;
		assert.equal(lazy.edit, undefined);
		const resolved = await c.connection.sendRequest('codeAction/resolve', lazy) as CodeAction;
		const source = (await ask(c, doc.uri, undefined, ['source.fixAll.zhCorpus']))[0];
		assert.equal(source.edit, undefined);
		const all = await c.connection.sendRequest('codeAction/resolve', source) as CodeAction;
		const fixed = TextDocument.applyEdits(doc, (all.edit!.documentChanges![0] as unknown as TextDocumentEdit).edits);
		assert.equal(fixed, fs.readFileSync(path.join(fixtures, 'mixed-script', 'tw-leftovers.fixed.txt'), 'utf8'));
		await c.stop();
		const eager = await start(false, 'fixtures/tw-leftovers.txt');
		const eagerAll = (await ask(eager.c, doc.uri, eager.diagnostics[1])).find((a) => /Fix all mixed-script/.test(a.title))!;
		assert.deepEqual(resolved.edit, eagerAll.edit);
	});

	it('gives a client without resolve a command for a large document, which applies the fix-all', async () => {
		const base = fs.readFileSync(path.join(dir, 'fixtures', 'tw-leftovers.txt'), 'utf8');
		// Over the size up to which fix-all is computed into the list (each copy numbered: no repeated paragraphs).
		const text = Array.from({ length: Math.ceil(30_000 / base.length) }, (_, i) => base.replace(/\n/g, `${i}\n`)).join('\n');
		const { c, doc, diagnostics } = await start(false, 'fixtures/large.txt', text);
		const target = diagnostics.find((d) => d.code === 'mixed-script')!;
		const listed = await ask(c, doc.uri, target);
		const all = listed.find((a) => /Fix all mixed-script/.test(a.title))!;
		assert.equal(all.edit, undefined);
		assert.equal(all.command?.command, 'zhCorpus.server.fixAll');
		await c.connection.sendRequest('workspace/executeCommand', { command: all.command.command, arguments: all.command.arguments });
		const applied = c.appliedEdits[0] as { edit: { documentChanges: TextDocumentEdit[] } };
		const edits = applied.edit.documentChanges[0].edits;
		assert.equal(applied.edit.documentChanges[0].textDocument.version, 1);
		const fixed = fs.readFileSync(path.join(dir, 'fixtures', 'tw-leftovers.fixed.txt'), 'utf8');
		const expected = Array.from({ length: Math.ceil(30_000 / base.length) }, (_, i) => fixed.replace(/\n/g, `${i}\n`)).join('\n');
		assert.equal(TextDocument.applyEdits(doc, edits), expected);
	});
});
