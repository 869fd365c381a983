/**
 * Hostile input over LSP, replayed as an attacker or a careless user supplied it: patterns with
 * huge counted repetitions, a gazetteer of 30,000 entries, gazetteer and project files nested
 * 100,000 levels deep. For each: no crash, a message that names the input, and every request
 * answered within a second while the input is loaded (the longest wait of a request sent every
 * 100 ms).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Hover } from 'vscode-languageserver-protocol';
import { workspaceSessions } from './workspaceSessions';
import { longestWait } from './latencyProbe';

/**
 * The target is 1 s. On a machine already loaded beyond its cores (other suites, other builds)
 * the operating system alone delays an answer, so the bound grows with the load, at most 3 s;
 * the server's own blocking stays far below it (profiled: under 0.3 s for each case here).
 */
const maxWaitMs = 1000 * Math.min(3, Math.max(1, os.loadavg()[0] / os.cpus().length));
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile input over LSP', function () {
	this.timeout(120000);
	const sessions = workspaceSessions('zh-corpus-hostile-');
	const start = (files: Record<string, string>, settings: Record<string, unknown> = {}) => sessions.start(files, { settings, initializationOptions: { debug: true } });
	afterEach(() => sessions.stopAll());

	it('refuses patterns too slow for a long line, and stays responsive while a document of long lines is checked', async () => {
		const patterns = [
			{ id: 'any-1000', regex: '[\\s\\S]{1000}[^中]' },
			{ id: 'nested-100', regex: '(?:[^a]{10}){100}[a-z]' },
			// Accepted or refused depending on the machine's speed; either way no request waits.
			{ id: 'any-20', regex: '[\\s\\S]{20}[^中]' },
			{ id: 'notice', regex: '^本站声明' },
		];
		const { client, uri } = await start({ 'a.txt': '今天天气很好。\n' }, { boilerplate: { patterns } });
		await client.progressEnded;
		// The first document loads the segmenter's and the tagger's dictionaries (a second or two, once): not what is measured here.
		const warm = client.waitForDiagnostics(uri('a.txt'));
		await client.open(uri('a.txt'), '今天天气很好。\n');
		await warm;
		await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('a.txt') }, position: { line: 0, character: 1 } });
		// Under the size at which documents go to a worker anyway (openDocuments.ts).
		const long = `${'中'.repeat(4999)}\n`.repeat(9) + '本站声明：转载请注明。\n';
		const checked = client.waitForDiagnostics(uri('long.txt'), (p) => p.diagnostics.some((d) => d.code === 'boilerplate.custom'));
		await client.open(uri('long.txt'), long);
		const waits = await longestWait(client, checked);
		assert.ok(waits.longest < maxWaitMs, `longest wait ${waits.longest} ms of ${waits.requests} requests (${waits.all})`);
		const refused = client.messages.filter((m) => m.includes('boilerplate.patterns'));
		assert.ok(!refused.some((m) => m.includes('notice')), refused.join('\n'));
		assert.ok(refused.some((m) => m.includes('any-1000') && m.includes('counted repetition of 1000')), refused.join('\n'));
		assert.ok(refused.some((m) => m.includes('nested-100') && m.includes('instructions')), refused.join('\n'));
	});

	it('loads a gazetteer of 30,000 entries without holding requests, and uses it', async () => {
		const entities = Array.from({ length: 30_000 }, (_, i) => ({ name: `甲乙机构第${i}分部`, type: 'organization', aliases: [`甲乙${i}部`] }));
		entities.push({ name: '华东联合研究所', type: 'organization', aliases: ['华东所'] });
		const { client, uri } = await start({
			'.zh-corpus/entities.json': JSON.stringify({ entities }, null, 1),
			'a.txt': '华东所今天发布报告。\n华东联合研究所的专家说，数据稳定。\n',
		});
		const waits = await longestWait(client, client.namesReady());
		assert.ok(waits.longest < maxWaitMs, `longest wait ${waits.longest} ms of ${waits.requests} requests (${waits.all})`);
		await client.open(uri('a.txt'), fs.readFileSync(new URL(uri('a.txt')), 'utf8'));
		const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('a.txt') }, position: { line: 1, character: 4 } }) as Hover | null;
		assert.match(JSON.stringify(hover?.contents ?? null), /华东联合研究所/, JSON.stringify(hover));
	});

	it('names a deeply nested entities.json and config.json, scans the corpus and keeps checking it', async () => {
		const { client, uri } = await start({
			'.zh-corpus/entities.json': `{"entities": [${nested(100_000)}]}`,
			'.zh-corpus/config.json': `{"zhCorpus.script.target": "traditional", "x": ${nested(100_000)}}`,
			'a.txt': '本站声明：转载请注明出处。\n今天天气很好，大家出门散步。\n',
		});
		const gazetteer = client.waitForDiagnostics(uri('.zh-corpus/entities.json'), (p) => p.diagnostics.length > 0, true);
		const waits = await longestWait(client, client.namesReady());
		assert.ok(waits.longest < maxWaitMs, `longest wait ${waits.longest} ms`);
		assert.match(String((await gazetteer).diagnostics[0].message), /nested more than 32 levels/);
		assert.ok(client.messages.some((m) => /config\.json: Objects and arrays are nested more than 32 levels/.test(m)), client.messages.join('\n'));
		const summary = await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number };
		assert.equal(summary.files, 1);
	});

	it('scans a folder 30 deep under a .gitignore of many ** segments, says which line it does not use, and keeps answering', async () => {
		const deep = Array.from({ length: 30 }, (_, i) => `d${i}`).join('/');
		const { client } = await start({
			'.gitignore': `a/${'**/'.repeat(13)}b\nx/**/c/**/c/**/c/**/c/**/b\n`,
			[`a/${deep}/kept.txt`]: '今天天气很好。\n',
			[`a/${deep}/b/ignored.txt`]: '今天天气很好。\n',
			'a/b/ignored.txt': '今天天气很好。\n',
		});
		const waits = await longestWait(client, client.progressEnded);
		assert.ok(waits.longest < maxWaitMs, `longest wait ${waits.longest} ms (${waits.all})`);
		const summary = await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number };
		assert.equal(summary.files, 1);
		assert.ok(client.messages.some((m) => /\.gitignore, line 2: .x\/\*\*\/c.* is not used: it has more than 3/.test(m)), client.messages.join('\n'));
	});

	it('refuses a rename to a line break or to a megabyte, and commands with malformed arguments, with a message and no exception', async () => {
		const { client, uri } = await start({ 'a.txt': '国家统计局局长康义在发布会上介绍情况。\n康义表示，下一步将继续做好统计工作。\n' });
		await client.namesReady();
		await client.open(uri('a.txt'), fs.readFileSync(new URL(uri('a.txt')), 'utf8'));
		const rename = (newName: string) => client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri('a.txt') }, position: { line: 1, character: 1 }, newName });
		await assert.rejects(rename('康\n义'), /line break, a control or an invisible character \(U\+000A\)/);
		const started = Date.now();
		await assert.rejects(rename('名'.repeat(2 ** 20)), /A new name of 1048576 characters is not a name/);
		assert.ok(Date.now() - started < maxWaitMs, `${Date.now() - started} ms`);
		const edit = await rename('康毅') as { changes: Record<string, unknown[]> };
		assert.equal(edit.changes[uri('a.txt')].length, 2);
		const run = (command: string, args: unknown) => client.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
		await assert.rejects(run('zhCorpus.server.convertToUtf8', [{ path: '/etc/passwd' }]), /zhCorpus.server.convertToUtf8 was not run: the file must be a file URI/);
		await assert.rejects(run('zhCorpus.server.cleanWorkspace', [{ families: 7 }]), /families must be a list/);
		await assert.rejects(run('zhCorpus.convertDocument', [uri('a.txt'), null]), /the target must be one of/);
		assert.doesNotMatch(client.stderr, /TypeError/);
		assert.ok(client.messages.some((m) => m.includes('was not run')));
	});

	it('caps the outline of a document of 30,000 short lines, computed off the server\'s thread, and keeps answering', async () => {
		const { client, uri } = await start({ 'a.txt': '今天天气很好。\n' });
		await client.progressEnded;
		const lines = Array.from({ length: 30_000 }, (_, i) => `第${i}行,内容。`).join('\n');
		await client.open(uri('lines.txt'), lines);
		const ask = (method: string) => client.connection.sendRequest(method, { textDocument: { uri: uri('lines.txt') } });
		const answers = Promise.all([ask('textDocument/documentSymbol'), ask('textDocument/foldingRange'), ask('textDocument/semanticTokens/full')]);
		const waits = await longestWait(client, answers);
		assert.ok(waits.longest < maxWaitMs, `longest wait ${waits.longest} ms (${waits.all})`);
		const [symbols] = await answers as unknown as [{ name: string; range: { start: { line: number }; end: { line: number } } }[]];
		assert.equal(symbols.length, 5001);
		const rest = symbols[5000];
		assert.match(rest.name, /more lines \(the outline stops at 5000 parts\)/);
		assert.equal(rest.range.end.line, 29_999);
	});
});
