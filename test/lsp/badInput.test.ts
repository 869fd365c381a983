/**
 * Whatever a corpus contains, over LSP: files in legacy encodings (reported once, converted to
 * UTF-8 after a question, the original kept), binary and empty files, files over the size limit,
 * a file the editor decoded wrongly, symlink loops and links to nothing, CRLF and CR line ends,
 * lone surrogates, broken settings and a handler's own exception. Each has a defined outcome and
 * none stops the server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { textStamp } from '../../server/src/service/text/stamp';
import { LspClient, repoRoot } from './lspClient';

const traditional = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'mixed-script', 'tw-leftovers.txt'), 'utf8');
const gb18030 = (s: string) => Buffer.from(new Uint8Array([...s].flatMap((c) => [...gbkOf(c)])));
/** GB18030 bytes of a few characters (Node's TextEncoder only writes UTF-8): from a small table. */
function gbkOf(c: string): number[] {
	const table: Record<string, number[]> = {
		这: [0xd5, 0xe2], 是: [0xca, 0xc7], 中: [0xd6, 0xd0], 文: [0xce, 0xc4], '，': [0xa3, 0xac], '。': [0xa1, 0xa3], 成: [0xb3, 0xc9], 立: [0xc1, 0xa2], 后: [0xba, 0xf3],
		的: [0xb5, 0xc4], 首: [0xca, 0xd7], 届: [0xbd, 0xec], 年: [0xc4, 0xea], 会: [0xbb, 0xe1], 在: [0xd4, 0xda], 北: [0xb1, 0xb1], 京: [0xbe, 0xa9], 举: [0xbe, 0xd9], 行: [0xd0, 0xd0],
		'\n': [0x0a],
	};
	const bytes = table[c];
	if (!bytes) { throw new Error(`no GB18030 bytes for ${c} in the test table`); }
	return bytes;
}
const gbText = '这是中文，成立后的首届年会在北京举行。\n'.repeat(40);
/** Big5 for 這是中文。 repeated. */
const big5 = Buffer.from(Array.from({ length: 60 }, () => [0xb3, 0x6f, 0xac, 0x4f, 0xa4, 0xa4, 0xa4, 0xe5, 0xa1, 0x43, 0x0a]).flat());

describe('bad input over LSP', function () {
	this.timeout(60000);
	let dir: string;
	let client: LspClient;
	const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
	const codes = (name: string) => client.diagnostics.get(uri(name))?.diagnostics.map((d) => d.code);

	before(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-bad-'));
		const write = (name: string, data: string | Buffer) => { fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true }); fs.writeFileSync(path.join(dir, name), data); };
		write('gbk.txt', gb18030(gbText));
		write('big5.txt', big5);
		write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(traditional, 'utf16le')]));
		write('nul.txt', Buffer.from('這是文字\u0000\u0000\u0000二進制', 'utf8'));
		write('empty.txt', '');
		write('large.txt', traditional.repeat(Math.ceil(1.2 * 2 ** 20 / Buffer.byteLength(traditional))));
		write('crlf.txt', '今天天氣很好。\r\n會議結束后大家回家。\r\n');
		write('cr.txt', '今天天氣很好。\r會議結束后大家回家。\r');
		write('loop/a.txt', traditional);
		fs.symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop', 'again'));
		fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling.txt'));
		client = new LspClient({ workspaceFolder: dir, progress: true, settings: { files: { maxSizeMB: 1 }, rules: { 'no.such-rule': 'error', 'mixed-script': 'loud' } }, initializationOptions: { debug: true } });
		await client.initialize();
		await client.progressEnded;
	});
	after(async () => {
		await client.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('reports a GB18030, a Big5 and a UTF-16 file once each, with the encoding it detected, and checks none of them as garbage', () => {
		const only = (name: string) => client.diagnostics.get(uri(name))!.diagnostics;
		for (const [name, encoding] of [['gbk.txt', 'GB18030'], ['big5.txt', 'Big5'], ['utf16.txt', 'UTF-16LE']]) {
			const d = only(name);
			assert.equal(d.length, 1, `${name}: ${d.map((x) => x.message).join(' | ')}`);
			assert.equal(d[0].code, 'file.encoding');
			assert.equal((d[0].data as { encoding: string }).encoding, encoding);
			assert.match(String(d[0].message), new RegExp(`in ${encoding}, not UTF-8`));
		}
	});

	it('converts a closed GB18030 file to UTF-8 through the quick fix command, keeping the original, and then checks it', async () => {
		const diagnostic = client.diagnostics.get(uri('gbk.txt'))!.diagnostics[0];
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri('gbk.txt') }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }) as CodeAction[];
		assert.equal(actions[0].command?.command, 'zhCorpus.server.convertToUtf8');
		const before = fs.readFileSync(path.join(dir, 'gbk.txt'));
		// The user is asked first; declining changes nothing.
		client.answerMessage = () => null;
		await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.convertToUtf8', arguments: [uri('gbk.txt')] });
		assert.ok(fs.readFileSync(path.join(dir, 'gbk.txt')).equals(before));
		assert.match(client.messageRequests.at(-1)!.message, /from GB18030 to UTF-8\? It begins: ‘这是中文，成立后/);
		client.answerMessage = (p) => p.actions?.[0] ?? null;
		const checked = client.waitForDiagnostics(uri('gbk.txt'), (p) => !p.diagnostics.some((d) => d.code === 'file.encoding'));
		await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.convertToUtf8', arguments: [uri('gbk.txt')] });
		assert.equal(fs.readFileSync(path.join(dir, 'gbk.txt'), 'utf8'), gbText);
		const backups = fs.readdirSync(path.join(dir, '.zh-corpus', 'backup'));
		assert.ok(fs.readFileSync(path.join(dir, '.zh-corpus', 'backup', backups[0], 'files', 'gbk.txt')).equals(before), 'the original bytes are kept');
		await checked;
	});

	it('answers an open document the editor decoded wrongly with the encoding note, and converts it through the editor, not on disk', async () => {
		const bytes = fs.readFileSync(path.join(dir, 'big5.txt'));
		const asUtf8 = bytes.toString('utf8');
		assert.ok(asUtf8.includes('\ufffd'));
		const published = client.waitForDiagnostics(uri('big5.txt'), (p) => p.version === 1);
		await client.open(uri('big5.txt'), asUtf8);
		assert.deepEqual((await published).diagnostics.map((d) => d.code), ['file.encoding']);
		client.answerMessage = (p) => p.actions?.[0] ?? null;
		const edits = client.appliedEdits.length;
		await client.connection.sendRequest('workspace/executeCommand', { command: 'zhCorpus.server.convertToUtf8', arguments: [uri('big5.txt')] });
		const edit = client.appliedEdits[edits] as { edit: { documentChanges: { edits: { newText: string }[] }[] } };
		assert.match(edit.edit.documentChanges[0].edits[0].newText, /^這是中文。\n這是中文。/);
		assert.ok(fs.readFileSync(path.join(dir, 'big5.txt')).equals(bytes), 'the server never writes an open document\'s file');
	});

	it('gives binary, too-large and unreadable files one note each; checks empty files; skips links to nothing and walks symlink loops once', async () => {
		assert.deepEqual(codes('nul.txt'), ['file.binary']);
		assert.deepEqual(codes('large.txt'), ['file.too-large']);
		assert.equal(client.diagnostics.get(uri('empty.txt')), undefined);
		assert.equal(client.diagnostics.get(uri('dangling.txt')), undefined);
		assert.ok(codes('loop/a.txt')?.includes('mixed-script'));
		const summary = await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number; skipped: Record<string, number> };
		assert.equal(summary.skipped.binary, 1);
		assert.equal(summary.skipped['too-large'], 1);
		assert.ok(![...client.diagnostics.keys()].some((u) => u.includes('/again/')), 'the loop was not walked twice');
	});

	it('places problems right after CRLF and CR line breaks', () => {
		for (const name of ['crlf.txt', 'cr.txt']) {
			const d = client.diagnostics.get(uri(name))!.diagnostics.find((x) => x.code === 'mixed-script') as Diagnostic;
			assert.deepEqual(d.range.start, { line: 1, character: 4 }, name);
		}
	});

	it('names broken settings and keeps working with their defaults', () => {
		assert.ok(client.messages.some((m) => m.includes('no.such-rule')), client.messages.join('\n'));
		assert.ok(client.messages.some((m) => m.includes('zhCorpus.rules.mixed-script') && m.includes('"loud"')), client.messages.join('\n'));
	});

	it('survives its own exceptions in handlers: malformed requests get an empty answer and a log line', async () => {
		const logged = client.messages.length;
		const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: uri('crlf.txt') }, range: null, context: null });
		assert.deepEqual(actions, []);
		const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('crlf.txt') }, position: { line: -5, character: 1e9 } });
		assert.equal(hover, null);
		assert.ok(client.messages.slice(logged).some((m) => /zh-corpus: .*(TypeError|Cannot read)/.test(m)), client.messages.slice(logged).join('\n'));
		// Still answering.
		assert.equal((await client.connection.sendRequest('zhCorpus/corpusSummary') as { files: number }).files > 0, true);
	});

	it('survives lone surrogates and random edits, its copy of the text always equal to the client\'s', async () => {
		const name = uri('surrogates.txt');
		let text = '會議結束\ud800后\udc00。\n成立后\ud83d';
		await client.open(name, text);
		let version = 1;
		let seed = 11;
		const rnd = () => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
		for (let i = 0; i < 200; i++) {
			// An LSP position cannot fall between the \r and \n of one line break: move past it.
			const past = (o: number) => (text[o - 1] === '\r' && text[o] === '\n' ? o + 1 : o);
			const start = past(Math.floor(rnd() * (text.length + 1)));
			const end = past(Math.min(text.length, start + Math.floor(rnd() * 3)));
			const insert = ['\ud800', '后', '\r\n', '', '𠮷', '\udfff'][Math.floor(rnd() * 6)];
			const pos = (o: number) => { const before = text.slice(0, o).split(/\r\n|\r|\n/); return { line: before.length - 1, character: before[before.length - 1].length }; };
			await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: name, version: ++version }, contentChanges: [{ range: { start: pos(start), end: pos(end) }, text: insert }] });
			text = text.slice(0, start) + insert + text.slice(end);
		}
		const last = await client.waitForDiagnostics(name, (p) => p.version === version, true);
		assert.equal(last.version, version);
		const hash = await client.connection.sendRequest('zhCorpus/debug/documentHash', { uri: name }) as { version: number; stamp: string };
		assert.equal(hash.version, version);
		assert.equal(hash.stamp, textStamp(text));
	});
});


describe('untrusted folders over LSP', function () {
	this.timeout(60000);
	for (const trusted of [false, true]) {
		it(trusted ? 'runs the workspace\'s patterns and gazetteer once the folder is trusted' : 'ignores the workspace\'s patterns and gazetteer in Restricted Mode, and says so in the status', async () => {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-trust-'));
			fs.mkdirSync(path.join(dir, '.zh-corpus'));
			fs.writeFileSync(path.join(dir, '.zh-corpus', 'entities.json'), '{ "entities": [ { "name": "本站口号", "type": "organization" }, { "name": 1 } ] }');
			fs.writeFileSync(path.join(dir, 'a.txt'), '本站口号：天天向上\n今天天气很好。\n');
			const client = new LspClient({ workspaceFolder: dir, progress: true, initializationOptions: { trusted }, settings: { boilerplate: { patterns: [{ id: 'slogan', regex: '^本站口号' }] } } });
			try {
				await client.initialize();
				await client.namesReady();
				const codes = client.diagnostics.get(pathToFileURL(path.join(dir, 'a.txt')).href)?.diagnostics.map((d) => d.code) ?? [];
				assert.equal(codes.includes('boilerplate.custom'), trusted, JSON.stringify(codes));
				const gazetteerProblems = client.diagnostics.get(pathToFileURL(path.join(dir, '.zh-corpus', 'entities.json')).href)?.diagnostics.length ?? 0;
				assert.equal(gazetteerProblems > 0, trusted, 'the gazetteer is read only when trusted');
				assert.equal(client.status?.restricted, !trusted);
			} finally {
				await client.stop();
				fs.rmSync(dir, { recursive: true, force: true });
			}
		});
	}
});
