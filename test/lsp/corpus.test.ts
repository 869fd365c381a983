/**
 * The whole corpus over LSP: the first scan's progress, problems of files that are not open,
 * watched-file events (a file created, changed, deleted: its problems and names come and go),
 * files that are not text, .gitignore, the problems' scope, workspace pull diagnostics, the cap
 * per file, and large open documents checked in a worker.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Location, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';
import { repoRoot } from './lspClient';
import { workspaceSessions } from './workspaceSessions';

const fixtures = path.join(repoRoot, 'test', 'fixtures');
const traditional = fs.readFileSync(path.join(fixtures, 'mixed-script', 'tw-leftovers.txt'), 'utf8');
const simplified = fs.readFileSync(path.join(fixtures, 'cleaning', 'c02-width-simplified.txt'), 'utf8');

describe('the whole corpus over LSP', function () {
	this.timeout(60000);
	const sessions = workspaceSessions('zh-corpus-corpus-');
	const start = sessions.start;
	afterEach(() => sessions.stopAll());

	it('reports the scan as work-done progress, indexing then checking, and publishes problems of files that are not open', async () => {
		const { client, uri } = await start({ 'a/tw.txt': traditional, 'b/s.txt': simplified, 'b/clean.txt': '今天天气很好。\n' });
		await client.progressEnded;
		const messages = client.progress.map((p) => (p as { value: { message?: string } }).value.message ?? '');
		assert.ok(messages.some((m) => /^Indexing corpus \d+\/3$/.test(m)), messages.join(' | '));
		assert.ok(messages.some((m) => /^Checking corpus \d+\/3$/.test(m)), messages.join(' | '));
		const tw = client.diagnostics.get(uri('a/tw.txt'));
		assert.ok(tw && tw.diagnostics.some((d) => d.code === 'mixed-script'), 'a closed traditional file has its leftovers listed');
		assert.equal(tw.version, undefined, 'closed files are published without a version');
		assert.ok(client.diagnostics.get(uri('b/s.txt'))?.diagnostics.some((d) => d.code === 'punctuation.width'));
		assert.equal(client.diagnostics.get(uri('b/clean.txt')), undefined, 'a clean file gets nothing');
		const status = await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number; problemsPerRule: Record<string, number>; markdown: string };
		assert.equal(status.files, 3);
		assert.ok(status.problemsPerRule['mixed-script'] > 0);
		assert.match(status.markdown, /# Corpus summary/);
	});

	it('follows watched-file events: a created file gets its problems and names, a changed one new problems, a deleted one loses both', async () => {
		const { dir, client, uri } = await start({ 'a.txt': '国家统计局局长康义在发布会上介绍,今年经济运行总体平稳。\n' });
		await client.namesReady();
		await client.open(uri('a.txt'), fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'));
		const file = path.join(dir, 'new.txt');
		const published = (test: (p: PublishDiagnosticsParams) => boolean) => client.waitForDiagnostics(uri('new.txt'), test);
		// Created: problems listed although the file is not open.
		let next = published((p) => p.diagnostics.some((d) => d.code === 'mixed-script'));
		fs.writeFileSync(file, traditional);
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('new.txt'), type: 1 }] });
		await next;
		// Changed: the problems follow the new text.
		next = published((p) => p.diagnostics.length > 0 && p.diagnostics.every((d) => d.code !== 'mixed-script'));
		fs.writeFileSync(file, '康义表示，下一步将继续做好统计工作，今天天气很好,大家都很高兴。\n');
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('new.txt'), type: 2 }] });
		await next;
		// Its names join the corpus once tagged: references of 康义 reach the new file.
		const references = async () => (await client.connection.sendRequest('workspace/symbol', { query: '康义' }) as SymbolInformation[]).length > 0
			&& (await referencesOf(client, uri('a.txt'))).some((l) => l.uri === uri('new.txt'));
		await eventually(references, 'the new file is among the references');
		// Deleted: its problems are cleared and its mentions are gone.
		next = published((p) => p.diagnostics.length === 0);
		fs.rmSync(file);
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('new.txt'), type: 3 }] });
		await next;
		assert.ok(!(await referencesOf(client, uri('a.txt'))).some((l) => l.uri === uri('new.txt')));
		assert.equal((await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number }).files, 1);
	});

	it('says why a file is not checked (binary, not UTF-8), and skips what .gitignore ignores', async () => {
		const gbk = Buffer.from([0xd5, 0xe2, 0xca, 0xc7, 0xd6, 0xd0, 0xce, 0xc4, 0xa1, 0xa3]);
		const { client, uri } = await start({ 'bin.txt': Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 1]), 'gbk.txt': gbk, 'drafts/x.txt': traditional, '.gitignore': 'drafts/\n', 'ok.txt': traditional });
		await client.progressEnded;
		assert.equal(client.diagnostics.get(uri('bin.txt'))?.diagnostics[0].code, 'file.binary');
		assert.equal(client.diagnostics.get(uri('gbk.txt'))?.diagnostics[0].code, 'file.encoding');
		assert.equal(client.diagnostics.get(uri('drafts/x.txt')), undefined, '.gitignore is respected');
		assert.ok(client.messages.some((m) => /1 \.txt file or folder is left out because a \.gitignore ignores it/.test(m)), 'and the user is told');
		assert.ok(client.diagnostics.get(uri('ok.txt')));
		assert.equal((await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number; skipped: Record<string, number> }).skipped.binary, 1);
	});

	it('lists only open documents with zhCorpus.problems.scope "open"', async () => {
		const { client, uri } = await start({ 'tw.txt': traditional, 'other.txt': traditional }, { settings: { problems: { scope: 'open' } } });
		await client.progressEnded;
		assert.equal(client.diagnostics.get(uri('other.txt')), undefined);
		const opened = client.waitForDiagnostics(uri('tw.txt'), (p) => p.version === 1);
		await client.open(uri('tw.txt'), traditional);
		assert.ok((await opened).diagnostics.length > 0);
	});

	it('answers workspace/diagnostic for clients that pull, and then stops pushing closed files', async () => {
		const { client, uri } = await start({ 'tw.txt': traditional, 'clean.txt': '今天天气很好。\n' }, { pullDiagnostics: true });
		await client.progressEnded;
		const report = await client.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] }) as { items: { uri: string; kind: string; resultId?: string; items?: unknown[] }[] };
		const tw = report.items.find((i) => i.uri === uri('tw.txt'))!;
		assert.equal(tw.kind, 'full');
		assert.ok((tw.items?.length ?? 0) > 0);
		assert.ok(client.diagnostics.get(uri('tw.txt'))?.diagnostics.length === 0, 'the pushed copy was taken back');
	});

	it('marks a file whose problems were cut at zhCorpus.maxProblemsPerFile', async () => {
		const { client, uri } = await start({ 'tw.txt': traditional }, { settings: { maxProblemsPerFile: 2 } });
		await client.progressEnded;
		const opened = client.waitForDiagnostics(uri('tw.txt'), (p) => p.version === 1);
		await client.open(uri('tw.txt'), traditional);
		assert.equal((await opened).diagnostics.length, 2);
		const status = await client.connection.sendRequest('zhCorpus/documentStatus', { uri: uri('tw.txt') }) as { script: string; capped: boolean };
		assert.deepEqual([status.script, status.capped], ['traditional', true]);
	});

	it('checks a large open document in a worker, version by version', async () => {
		const big = Array.from({ length: 4000 }, (_, i) => `第${i}段。${traditional.split('\n').slice(0, 3).join('')}`).join('\n');
		assert.ok(big.length > 200_000);
		const { client, uri } = await start({});
		const opened = client.waitForDiagnostics(uri('big.txt'), (p) => p.version === 1);
		await client.open(uri('big.txt'), big);
		const first = await opened;
		assert.ok(first.diagnostics.length > 0);
		const edited = client.waitForDiagnostics(uri('big.txt'), (p) => p.version === 2);
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('big.txt'), version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '成立后,' }] });
		const second = await edited;
		assert.ok(second.diagnostics.some((d) => d.range.start.line === 0 && d.range.start.character === 2 && d.code === 'mixed-script'), 'the inserted 后 is flagged at its place');
	});
});

async function referencesOf(client: LspClient, uri: string): Promise<Location[]> {
	const text = fs.readFileSync(new URL(uri), 'utf8');
	const line = text.split('\n').findIndex((l) => l.includes('康义'));
	return await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf('康义') + 1 }, context: { includeDeclaration: true } }) as Location[] ?? [];
}

async function eventually(test: () => Promise<boolean>, what: string): Promise<void> {
	for (let i = 0; i < 100; i++) {
		if (await test()) { return; }
		await new Promise((r) => setTimeout(r, 100));
	}
	assert.fail(`never: ${what}`);
}
