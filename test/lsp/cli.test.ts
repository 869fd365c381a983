/**
 * The command line (dist/cli.js) as users run it: check in three formats with exit codes by
 * severity, the project file, fix (atomic, keeping encoding, line endings and byte-order mark),
 * --dry-run, and the JSON Lines map step.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './lspClient';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const run = (cwd: string, args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

describe('command line', function () {
	this.timeout(60000);
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-cli-'));
		fs.writeFileSync(path.join(dir, 'tw.txt'), '金鐘視后林心如回家。\r\n这是首屆年會，在台北舉行。\r\n');
		fs.writeFileSync(path.join(dir, 'clean.txt'), '今天天气很好。\n');
		fs.mkdirSync(path.join(dir, 'sub'));
		fs.writeFileSync(path.join(dir, 'sub', 'chrome.txt'), '分享到：微信 微博\n今天天气很好，我们去公园。\n');
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('checks folders and files, as text with file:line:col, and exits 1 when problems reach --fail-on', () => {
		const r = run(dir, ['check', '.']);
		assert.equal(r.status, 1, r.stderr);
		// 視后 (a queen's title) or 後: Information; 这 is simplified only: a Warning.
		assert.match(r.stdout, /^tw\.txt:1:4 info mixed-script /m);
		assert.match(r.stdout, /^tw\.txt:2:1 warning mixed-script /m);
		assert.match(r.stdout, /^sub\/chrome\.txt:1:1 warning boilerplate\.share-widget /m);
		assert.doesNotMatch(r.stdout, /clean\.txt/);
		assert.match(r.stderr, /3 files: 0 errors, \d+ warnings/);
		assert.equal(run(dir, ['check', 'clean.txt']).status, 0);
		assert.equal(run(dir, ['check', '.', '--fail-on', 'error']).status, 0);
		assert.equal(run(dir, ['check', '.', '--format', 'yaml']).status, 2);
	});

	it('writes JSON and SARIF 2.1.0 (columns in UTF-16 code units)', () => {
		const json = JSON.parse(run(dir, ['check', 'tw.txt', '--format', 'json']).stdout) as { line: number; column: number; rule: string }[];
		assert.ok(json.some((r) => r.rule === 'mixed-script' && r.line === 1 && r.column === 4));
		const sarif = JSON.parse(run(dir, ['check', 'tw.txt', '--format', 'sarif']).stdout) as { version: string; runs: { columnKind: string; tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] };
		assert.equal(sarif.version, '2.1.0');
		assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
		const result = sarif.runs[0].results.find((r) => r.ruleId === 'mixed-script')!;
		assert.equal(result.level, 'note');
		assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 1, startColumn: 4, endLine: 1, endColumn: 5 });
		assert.equal(sarif.runs[0].results.filter((r) => r.ruleId === 'mixed-script')[1].level, 'warning');
		assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === 'boilerplate.share-widget'));
	});

	it('takes rules and severities from .zh-corpus/config.json, naming what it does not know', () => {
		fs.mkdirSync(path.join(dir, '.zh-corpus'));
		fs.writeFileSync(path.join(dir, '.zh-corpus', 'config.json'), '{\n // JSON with comments, keys as in settings.json or without the prefix\n "zhCorpus.rules": { "mixed-script": "off", "boilerplate.share-widget": "error" },\n "punctuation.width": "fullwidth",\n "nope": 1\n}');
		const r = run(dir, ['check', '.']);
		assert.doesNotMatch(r.stdout, /mixed-script/);
		assert.match(r.stdout, /error boilerplate\.share-widget/);
		assert.match(r.stderr, /unknown setting "nope"/);
	});

	it('fixes files in place, atomically, keeping CRLF line endings; --dry-run prints a diff and writes nothing', () => {
		const before = fs.readFileSync(path.join(dir, 'tw.txt'), 'utf8');
		const dry = run(dir, ['fix', 'tw.txt', '--dry-run']);
		assert.match(dry.stdout, /^-这是首屆年會，在台北舉行。\r?$/m);
		assert.match(dry.stdout, /^\+這是首屆年會，在台北舉行。\r?$/m);
		assert.equal(fs.readFileSync(path.join(dir, 'tw.txt'), 'utf8'), before);
		const r = run(dir, ['fix', '.']);
		assert.equal(r.status, 0, r.stderr);
		// 后 could be 後 or 后 (a queen): fix-all leaves a choice to the user; 这 has one form.
		assert.equal(fs.readFileSync(path.join(dir, 'tw.txt'), 'utf8'), '金鐘視后林心如回家。\r\n這是首屆年會，在台北舉行。\r\n');
		assert.equal(fs.readFileSync(path.join(dir, 'sub', 'chrome.txt'), 'utf8'), '今天天气很好，我们去公园。\n');
		assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('zh-corpus-tmp')), []);
	});

	it('fixes a GB18030 file and a UTF-8 file with a byte-order mark in their own encoding', () => {
		// 會議結束后 in GB18030 would need a table; a simplified text with a traditional leftover is written back in GB18030.
		const text = '这是中文，会议结束後大家回家。\n';
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const iconv = require(path.join(repoRoot, 'node_modules', 'iconv-lite')) as { encode(s: string, e: string): Buffer; decode(b: Buffer, e: string): string };
		fs.writeFileSync(path.join(dir, 'gb.txt'), iconv.encode(text.repeat(30), 'gb18030'));
		fs.writeFileSync(path.join(dir, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
		assert.equal(run(dir, ['fix', 'gb.txt', 'bom.txt']).status, 0);
		assert.equal(iconv.decode(fs.readFileSync(path.join(dir, 'gb.txt')), 'gb18030'), '这是中文，会议结束后大家回家。\n'.repeat(30));
		const bom = fs.readFileSync(path.join(dir, 'bom.txt'));
		assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
		assert.equal(bom.subarray(3).toString('utf8'), '这是中文，会议结束后大家回家。\n');
	});

	it('cleans JSON Lines records on stdin, with what was removed, and answers a bad record with an error line', () => {
		const input = [
			JSON.stringify({ id: 'a', text: '点击右上角微信好友\n今天天气很好，我们去公园。' }),
			'not json',
			JSON.stringify({ id: 'b', body: 'no text' }),
		].join('\n');
		const r = run(dir, ['fix', '--jsonl', '--removed'], input);
		const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; text?: string; removed?: { rule: string }[]; error?: string });
		assert.equal(lines[0].text, '今天天气很好，我们去公园。');
		assert.equal(lines[0].removed?.[0].rule, 'boilerplate.share-widget');
		assert.match(lines[1].error!, /not JSON/);
		assert.match(lines[2].error!, /no "text"/);
		assert.equal(r.status, 1);
	});
});
