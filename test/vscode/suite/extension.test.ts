/**
 * Tests in a real VS Code: activation, diagnostics, quick fix, fix-all on save, settings,
 * the corpus language and commands. They wait for events (diagnostics changes, document
 * changes); the timeouts only turn a missing event into a failure.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
const uriOf = (rel: string) => vscode.Uri.file(path.join(folder(), rel));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'zh-corpus');

function waitFor<T>(subscribe: (check: () => void) => vscode.Disposable, test: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
	return new Promise((resolve, reject) => {
		let settled = false;
		const timer = setTimeout(() => { settled = true; sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
		const check = () => {
			if (settled) { return; }
			const value = test();
			if (value !== undefined) { settled = true; clearTimeout(timer); sub.dispose(); resolve(value); }
		};
		const sub = subscribe(check);
		check();
	});
}

function waitForDiagnostics(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
	return waitFor((check) => vscode.languages.onDidChangeDiagnostics((e) => {
		if (e.uris.some((u) => u.toString() === uri.toString())) { check(); }
	}), () => { const d = ours(uri); return test(d) ? d : undefined; }, `${what} of ${path.basename(uri.fsPath)}`);
}

function waitForText(doc: vscode.TextDocument, test: (text: string) => boolean, what: string): Promise<string> {
	return waitFor((check) => vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === doc) { check(); } }),
		() => (test(doc.getText()) ? doc.getText() : undefined), what);
}

async function open(rel: string): Promise<vscode.TextDocument> {
	const doc = await vscode.workspace.openTextDocument(uriOf(rel));
	await vscode.window.showTextDocument(doc);
	return doc;
}

/** Hovers until the text passes `test` (the workspace scan may still be running). */
async function hoverUntil(uri: vscode.Uri, at: vscode.Position, test: (text: string) => boolean, timeoutMs = 30_000): Promise<string> {
	const until = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < until) {
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
		last = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
		if (test(last)) { return last; }
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`hover never passed its test; last: ${last}`);
}

export function registerExtensionTests(): void {
	describe('zh-corpus in VS Code', () => {
		const seeds = () => fs.existsSync(path.join(folder(), '000_a7811a11def97c06.txt'));

		it('activates on a corpus file and shows its problems', async () => {
			const doc = await open('fixtures/tw-leftovers.txt');
			assert.equal(doc.languageId, 'plaintext');
			const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.length >= 6);
			assert.ok(vscode.extensions.getExtension('zh-corpus.zh-corpus')!.isActive);
			assert.ok(diagnostics.every((d) => d.code === 'mixed-script'));
		});

		it('runs from a package that holds the server, its workers, the command line and the translations', () => {
			const root = vscode.extensions.getExtension('zh-corpus.zh-corpus')!.extensionPath;
			for (const file of ['dist/extension.js', 'dist/server.js', 'dist/worker.js', 'dist/cli.js', 'dist/jieba_rs_wasm_bg.wasm', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json', 'l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json']) {
				assert.ok(fs.existsSync(path.join(root, file)), `${file} is in the package`);
			}
		});

		it('diagnoses seed 000: its 16 simplified leftovers at Information or above', async function () {
			if (!seeds()) { this.skip(); }
			const doc = await open('000_a7811a11def97c06.txt');
			const shown = (d: vscode.Diagnostic[]) => d.filter((x) => x.severity !== vscode.DiagnosticSeverity.Hint && x.code === 'mixed-script');
			const diagnostics = await waitForDiagnostics(doc.uri, (d) => shown(d).length === 16, '16 diagnostics');
			assert.ok(diagnostics.some((d) => doc.getText(d.range) === '后'));
		});

		it('applies the preferred quick fix through the code action provider: 成立后 → 成立後', async function () {
			if (!seeds()) { this.skip(); }
			const doc = await open('000_a7811a11def97c06.txt');
			const diagnostics = await waitForDiagnostics(doc.uri, (d) => d.some((x) => doc.getText(x.range) === '后'));
			const target = diagnostics.find((d) => doc.getText(new vscode.Range(d.range.start.translate(0, -2), d.range.end)) === '成立后')!;
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
			const preferred = actions.find((a) => a.isPreferred)!;
			assert.ok(preferred, `no preferred action among ${actions.map((a) => a.title).join(', ')}`);
			assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
			assert.ok(doc.getText().includes('成立後的首屆年會'));
			await waitForDiagnostics(doc.uri, (d) => !d.some((x) => x.range.isEqual(target.range) && doc.getText(x.range) === '後'), 're-check');
		});

		it('cleans a file on save with source.fixAll.zhCorpus', async () => {
			await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { 'source.fixAll.zhCorpus': 'always' }, vscode.ConfigurationTarget.Workspace);
			try {
				const doc = await open('fixtures/save/tw-leftovers.txt');
				await waitForDiagnostics(doc.uri, (d) => d.length >= 6);
				// The editor of this document (not whichever is active: a slow window may still show
				// the last test's), and the edit made, so that the save has something to save.
				const editor = await vscode.window.showTextDocument(doc);
				assert.ok(await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), '\n')), 'the edit was applied');
				assert.ok(doc.isDirty, 'the document is dirty before the save');
				assert.ok(await doc.save(), 'the save went through');
				const expected = fs.readFileSync(path.join(folder(), 'fixtures', 'tw-leftovers.fixed.txt'), 'utf8') + '\n';
				assert.equal(doc.getText(), expected);
				assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), expected);
			} finally {
				await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
			}
		});

		it('re-checks when zhCorpus.rules changes', async () => {
			const doc = await open('fixtures/tw-leftovers.txt');
			await waitForDiagnostics(doc.uri, (d) => d.length > 0);
			const config = vscode.workspace.getConfiguration('zhCorpus');
			await config.update('rules', { 'mixed-script': 'off' }, vscode.ConfigurationTarget.Workspace);
			try {
				await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics with the rule off');
				await config.update('rules', { 'mixed-script': 'error' }, vscode.ConfigurationTarget.Workspace);
				await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error), 'errors');
			} finally {
				await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
			}
		});

		it('gives *.corpus.txt files the zh-corpus language and checks them', async () => {
			const doc = await open('fixtures/sample.corpus.txt');
			assert.equal(doc.languageId, 'zh-corpus');
			await waitForDiagnostics(doc.uri, (d) => d.length > 0);
		});

		it('converts a document with "Convert Document to Traditional Chinese (Taiwan)"', async () => {
			const doc = await open('fixtures/simplified-with-traditional.txt');
			await vscode.commands.executeCommand('zhCorpus.convertToTraditionalTw');
			await waitForText(doc, (t) => t.startsWith('這是一個簡單的例子'), 'the converted text');
			await vscode.commands.executeCommand('workbench.action.files.revert');
		});

		it('"Treat this folder\'s .txt files as Chinese corpus" adds a files.associations entry', async () => {
			await vscode.commands.executeCommand('zhCorpus.treatFolderAsCorpus');
			const associations = vscode.workspace.getConfiguration('files').inspect<Record<string, string>>('associations')!.workspaceValue;
			assert.equal(associations?.['*.txt'], 'zh-corpus');
			await vscode.workspace.getConfiguration('files').update('associations', undefined, vscode.ConfigurationTarget.Workspace);
		});

		it('gives the Outline the article, its paragraphs and the page chrome', async function () {
			if (!seeds()) { this.skip(); }
			const doc = await open('002_2630afb79726026e.txt');
			// Diagnostics mean the server has the document; then ask for its symbols.
			await waitForDiagnostics(doc.uri, (d) => d.length > 0);
			const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
			const article = symbols.find((s) => s.range.start.line === 9);
			assert.equal(article?.name, '2023年世界互联网大会乌镇峰会今日闭幕');
			assert.ok(article!.children.length >= 9);
			assert.ok(symbols.some((s) => s.kind === vscode.SymbolKind.Null && s.range.start.line === 0), 'the share widgets above the title');
		});

		// Cleaning changes the scratch workspace: these run last.
		it('lists problems of corpus files that are not open, and "Show Corpus Summary" opens the summary', async () => {
			const closed = uriOf('fixtures/boilerplate/01-portal-news.txt');
			const diagnostics = await waitForDiagnostics(closed, (d) => d.some((x) => String(x.code).startsWith('boilerplate.')), 'problems of a file that is not open');
			assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the file was never opened');
			assert.ok(diagnostics.length > 0);
			await vscode.commands.executeCommand('zhCorpus.showSummary');
			const summary = await waitFor((check) => vscode.workspace.onDidOpenTextDocument(check),
				() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'zh-corpus-summary'), 'the summary document');
			assert.match(summary.getText(), /# Corpus summary[\s\S]*\| Files \| \d+/);
			assert.match(summary.getText(), /boilerplate\./);
		});

		it('starts the server again when it crashes, and problems come back', async () => {
			const doc = await open('fixtures/tw-leftovers.txt');
			await waitForDiagnostics(doc.uri, (d) => d.length > 0);
			await vscode.commands.executeCommand('zhCorpus.debug.crashServer');
			// The restarted server checks the open document again.
			const editor = vscode.window.activeTextEditor!;
			await waitFor((check) => vscode.languages.onDidChangeDiagnostics(check), () => (ours(doc.uri).length === 0 ? true : undefined), 'the crashed server\'s problems cleared').catch(() => undefined);
			await editor.edit((b) => b.insert(new vscode.Position(0, 0), '成立后'));
			await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.range.start.line === 0 && x.range.start.character === 2), 'a problem from the restarted server');
			await vscode.commands.executeCommand('undo');
		});

		it('hovers a name with its type, role and mentions in both scripts; references and next mention reach the other file', async () => {
			const doc = await open('fixtures/entities/stats-simplified.txt');
			const at = new vscode.Position(0, doc.lineAt(0).text.indexOf('康义') + 1);
			// The first scan must have found the name in both files: wait until the hover counts both.
			const hoverText = await hoverUntil(doc.uri, at, (text) => /in 2 files/.test(text));
			assert.match(hoverText, /康义.*person/);
			assert.match(hoverText, /国家统计局局长/);
			const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at);
			assert.deepEqual(refs.map((r) => path.basename(r.uri.fsPath)).sort(), ['stats-simplified.txt', 'stats-simplified.txt', 'stats-traditional.txt']);
			const editor = vscode.window.activeTextEditor!;
			editor.selection = new vscode.Selection(at, at);
			await vscode.commands.executeCommand('zhCorpus.nextMention');
			await vscode.commands.executeCommand('zhCorpus.nextMention');
			const now = vscode.window.activeTextEditor!;
			assert.equal(path.basename(now.document.uri.fsPath), 'stats-traditional.txt');
			assert.equal(now.document.getText(now.selection), '康義');
		});

				it('"Clean Workspace…" opens the refactor preview; discarding it changes nothing', async () => {
			const uri = uriOf('fixtures/boilerplate/15-news-tail.txt');
			const before = fs.readFileSync(uri.fsPath, 'utf8');
			const cleaning = vscode.commands.executeCommand('zhCorpus.cleanWorkspace', { families: ['boilerplate'] });
			let done = false;
			void cleaning.then(() => { done = true; }, () => { done = true; });
			// The preview waits for the user: without a preview VS Code would apply at once.
			for (let i = 0; !done && i < 100; i++) {
				await new Promise((r) => setTimeout(r, 200));
				await vscode.commands.executeCommand('refactorPreview.discard').then(undefined, () => undefined);
			}
			const result = await cleaning as { mode: string; applied: boolean; changedFiles: number };
			assert.equal(result.mode, 'preview');
			assert.ok(result.changedFiles >= 12, `${result.changedFiles} files`);
			assert.equal(result.applied, false, 'discarded in the preview');
			assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), before);
		});

		it('"Clean Workspace…" below the preview limit applies one edit to the editors when told not to ask', async () => {
			const uri = uriOf('fixtures/boilerplate/15-news-tail.txt');
			const result = await vscode.commands.executeCommand('zhCorpus.cleanWorkspace', { families: ['boilerplate'], assumeYes: true }) as { mode: string; applied: boolean };
			assert.equal(result.mode, 'preview');
			assert.ok(result.applied);
			const text = (await vscode.workspace.openTextDocument(uri)).getText();
			assert.ok(text.includes('家长代表表示') && text.includes('来源：城市晚报'), 'body and source line kept');
			assert.ok(!text.includes('加载更多') && !text.includes('责编'), 'the tail is gone');
			await vscode.commands.executeCommand('workbench.action.files.saveAll');
		});

		it('"Clean Workspace…" above the preview limit writes files with a backup, and "Undo Last Clean" restores them', async () => {
			const rel = 'fixtures/boilerplate/batch.txt';
			const original = '市政府今天召开新闻发布会，介绍今年重点工作的进展情况和下一步安排。\n责任编辑：张三\n返回顶部\n';
			fs.writeFileSync(path.join(folder(), rel), original);
			// Opened, so the server knows it without waiting for the file watcher.
			await waitForDiagnostics((await open(rel)).uri, (d) => d.length >= 2);
			const config = vscode.workspace.getConfiguration('zhCorpus');
			await config.update('clean.previewLimit', 0, vscode.ConfigurationTarget.Workspace);
			try {
				const result = await vscode.commands.executeCommand('zhCorpus.cleanWorkspace', { families: ['boilerplate'], assumeYes: true }) as { mode: string; runs: string[] };
				assert.equal(result.mode, 'batch');
				assert.equal(fs.readFileSync(path.join(folder(), rel), 'utf8'), '市政府今天召开新闻发布会，介绍今年重点工作的进展情况和下一步安排。\n');
				assert.equal(fs.readFileSync(path.join(result.runs[0], 'files', rel), 'utf8'), original);
				await vscode.commands.executeCommand('zhCorpus.undoLastClean');
				assert.equal(fs.readFileSync(path.join(folder(), rel), 'utf8'), original);
			} finally {
				await config.update('clean.previewLimit', undefined, vscode.ConfigurationTarget.Workspace);
			}
		});
	});
}
