/**
 * What a workspace or a careless user supplies that once hung or crashed the reader: patterns
 * with huge counted repetitions, gazetteers of tens of thousands of entries, files nested
 * thousands of levels deep. Each is refused with a message naming the limit, or read in linear
 * time; nothing throws.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sanitize } from '../../server/src/settings';
import { messagesFor } from '../../server/src/service/messages';
import { checkUserPattern, isRefusal, userPatternLimits } from '../../server/src/service/boilerplate/userPatterns';
import { parseBoundedJsonc } from '../../server/src/service/text/boundedJson';
import { gazetteerLimits, parseGazetteer } from '../../server/src/service/entities/gazetteer';
import { readConfigFile } from '../../server/src/files/projectConfig';
import { commandArgumentsProblem } from '../../server/src/lsp/commandArguments';
import { newNameProblem } from '../../server/src/service/entities/newName';
import { boundedIgnore, collapseGlobstars } from '../../server/src/files/gitignoreRules';
import { largeOutline } from '../../server/src/largeOutline';
import { CorpusDocument, defaultLintOptions, LanguageService } from '../../server/src/service';
import { linePositions } from '../../server/src/service/text/linePositions';
import { WorkerPool } from '../../server/src/corpus/workerPool';

const t = messagesFor('en');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('user patterns are priced before any line meets them', () => {
	const patternsOf = (regex: string) => {
		const warnings: string[] = [];
		const s = sanitize({ boilerplate: { patterns: [{ id: 'p', regex }] } }, t, (m) => warnings.push(m));
		return { kept: s.customPatterns.length, warnings };
	};
	it('refuses the counted repetitions that held the server for minutes, naming the limit', () => {
		for (const regex of ['[\\s\\S]{1000}[^中]', '(?:[^a]{10}){100}[a-z]']) {
			const start = Date.now();
			const { kept, warnings } = patternsOf(regex);
			assert.equal(kept, 0, regex);
			assert.equal(warnings.length, 1);
			assert.match(warnings[0], /counted repetition of 1000|compiles to \d+ instructions/);
			assert.ok(Date.now() - start < 500, `judging ${regex} took ${Date.now() - start} ms`);
		}
	});
	it('refuses a pattern whose test match on a worst-case line exceeds the per-line budget', () => {
		const { kept, warnings } = patternsOf('[\\s\\S]{150}[^中]');
		assert.equal(kept, 0);
		assert.match(warnings[0], /test line of 5000 characters took \d+ ms/);
	});
	it('refuses an overlong source and keeps ordinary patterns with their measured cost', () => {
		assert.match(patternsOf('x'.repeat(userPatternLimits.maxSourceLength + 1)).warnings[0], /characters long/);
		const s = sanitize({ boilerplate: { patterns: [{ id: 'a', regex: '^本站' }, { id: 'b', regex: '(版权|未经).{0,30}(转载|使用)' }] } }, t, () => assert.fail());
		assert.deepEqual(s.customPatterns.map((p) => p.id), ['a', 'b']);
		for (const p of s.customPatterns) { assert.ok(p.msPerChar !== undefined && p.msPerChar * userPatternLimits.maxLineLength <= userPatternLimits.lineBudgetMs, `${p.id}: ${p.msPerChar}`); }
	});
	it('judges each source once (settings are read per document)', () => {
		const v = checkUserPattern('[\\s\\S]{120}[^中]');
		assert.equal(checkUserPattern('[\\s\\S]{120}[^中]'), v);
		assert.ok(isRefusal(v) || v.msPerChar >= 0);
	});
});

describe('bounded JSON of workspace files', () => {
	it('refuses nesting deeper than the limit without recursion, whatever the depth', () => {
		for (const depth of [40, 100_000]) {
			const r = parseBoundedJsonc(`{"a": ${nested(depth)}}`, { maxChars: 2 ** 20, maxDepth: 32, maxValues: 10 ** 6 });
			assert.ok('refused' in r && r.refused.message === 'json.tooDeep', JSON.stringify(r).slice(0, 200));
		}
	});
	it('refuses too many values and too many characters', () => {
		const many = parseBoundedJsonc(`[${'1,'.repeat(1000)}1]`, { maxChars: 2 ** 20, maxDepth: 32, maxValues: 100 });
		assert.ok('refused' in many && many.refused.message === 'json.tooMany');
		const large = parseBoundedJsonc('[1]'.padEnd(200), { maxChars: 100, maxDepth: 32, maxValues: 100 });
		assert.ok('refused' in large && large.refused.message === 'json.tooLarge');
	});
});

describe('gazetteers within limits', () => {
	const entries = (n: number) => JSON.stringify({ entities: Array.from({ length: n }, (_, i) => ({ name: `某某机构${i}`, type: 'organization', aliases: [`别名${i}`] })) }, null, 1);
	it('reads 30,000 entries in linear time, each with the position of its name', () => {
		const text = entries(30_000);
		const start = Date.now();
		const g = parseGazetteer('file:///w/.zh-corpus/entities.json', text);
		const ms = Date.now() - start;
		assert.equal(g.entries.length, 30_000);
		assert.ok(ms < 5000, `${ms} ms`);
		const last = g.entries[29_999];
		assert.equal(text.slice(last.offset, last.offset + last.name.length), last.name);
		assert.equal(text.split('\n')[last.line].slice(last.character, last.character + last.name.length), last.name);
	});
	it('says why a deeply nested file is not used, and that names found in the text still show', () => {
		const g = parseGazetteer('u', `{"entities": [${nested(100_000)}]}`, t);
		assert.equal(g.entries.length, 0);
		assert.match(g.problems[0].message, /nested more than 32 levels.*names found in the text are still shown/);
	});
	it('lists at most a hundred problems of a file of broken entries', () => {
		const g = parseGazetteer('u', JSON.stringify({ entities: Array.from({ length: 5000 }, () => ({ name: 'x' })) }), t);
		assert.equal(g.problems.length, gazetteerLimits.maxProblems + 1);
		assert.match(g.problems.at(-1)!.message, /4900 more problems/);
	});
});

describe('project files within limits', () => {
	let dir: string;
	before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-config-')); });
	after(() => fs.rmSync(dir, { recursive: true, force: true }));
	it('names a deeply nested config.json instead of silently resetting every setting', async () => {
		const file = path.join(dir, 'config.json');
		fs.writeFileSync(file, `{"zhCorpus.script.target": "traditional", "x": ${nested(50_000)}}`);
		const c = (await readConfigFile(file, t))!;
		assert.equal(c.problems.length, 1);
		assert.match(c.problems[0], /config\.json: Objects and arrays are nested more than 32 levels.*not used/);
	});
	it('still reads an ordinary one', async () => {
		const file = path.join(dir, 'ok.json');
		fs.writeFileSync(file, '// comment\n{"zhCorpus.script.target": "traditional", "rules": {"mixed-script": "error"},}');
		const c = (await readConfigFile(file, t))!;
		assert.deepEqual(c.problems, []);
		assert.deepEqual(c.section, { script: { target: 'traditional' }, rules: { 'mixed-script': 'error' } });
	});
});

describe('command arguments checked against their schema', () => {
	it('lets well-formed arguments through', () => {
		assert.equal(commandArgumentsProblem('zhCorpus.convertDocument', ['file:///w/a.txt', 'traditional-tw'], t), undefined);
		assert.equal(commandArgumentsProblem('zhCorpus.server.cleanWorkspace', [{ families: ['boilerplate'], assumeYes: true }], t), undefined);
		assert.equal(commandArgumentsProblem('zhCorpus.server.cleanWorkspace', [], t), undefined);
		assert.equal(commandArgumentsProblem('zhCorpus.server.undoLastClean', undefined, t), undefined);
		assert.equal(commandArgumentsProblem('zhCorpus.server.convertToUtf8', ['file:///w/a.txt', { assumeYes: false }], t), undefined);
	});
	it('names what is wrong with malformed ones', () => {
		const cases: [string, unknown, RegExp][] = [
			['zhCorpus.convertDocument', [42, 'traditional'], /the document must be a file URI, not 42/],
			['zhCorpus.convertDocument', ['file:///w/a.txt', 'klingon'], /the target must be one of/],
			['zhCorpus.convertDocument', 'file:///w/a.txt', /the arguments must be a list/],
			['zhCorpus.server.cleanWorkspace', [{ families: 'boilerplate' }], /options\.families must be a list/],
			['zhCorpus.server.cleanWorkspace', ['yes'], /options must be an object/],
			['zhCorpus.server.convertToUtf8', [{ path: '/etc/passwd' }], /the file must be a file URI/],
			['zhCorpus.server.convertToUtf8', ['file:///w/a.txt', { assumeYes: 'yes' }], /assumeYes must be true or false/],
			['zhCorpus.nope', [], /there is no command "zhCorpus.nope"/],
		];
		for (const [command, args, expected] of cases) { assert.match(commandArgumentsProblem(command, args, t) ?? '', expected, `${command} ${JSON.stringify(args)}`); }
	});
});

describe('new names for a rename', () => {
	it('accepts names in both scripts, with a middle dot or Latin letters', () => {
		for (const name of ['盛来运', '國家統計局', '阿卜杜拉·阿卜杜勒', 'Apple公司', ' 康义 ']) { assert.equal(newNameProblem(name), undefined, name); }
	});
	it('refuses empty names, line breaks, control and invisible characters, and megabyte names', () => {
		assert.equal(newNameProblem('  ')?.message, 'rename.empty');
		assert.equal(newNameProblem('康\n义')?.message, 'rename.badCharacter');
		assert.deepEqual(newNameProblem('康\u200b义')?.args, ['U+200B']);
		assert.equal(newNameProblem('康\u2028义')?.message, 'rename.badCharacter');
		assert.equal(newNameProblem('\ud800义')?.message, 'rename.badCharacter');
		assert.deepEqual(newNameProblem('名'.repeat(2 ** 20))?.args, [2 ** 20, 64]);
	});
});

describe('.gitignore lines within a matching bound', () => {
	const deep = `a/${Array.from({ length: 30 }, (_, i) => `d${i}`).join('/')}/file.txt`;
	it('collapses consecutive ** segments, which match the same paths, and matches a 30-deep path at once', () => {
		const { rules, refused } = boundedIgnore(`a/${'**/'.repeat(13)}b\n`);
		assert.deepEqual(refused, []);
		const start = Date.now();
		assert.equal(rules.ignores(deep), false);
		assert.equal(rules.ignores('a/x/y/b'), true);
		assert.equal(rules.ignores('a/b'), true);
		assert.ok(Date.now() - start < 200, `${Date.now() - start} ms`);
		assert.equal(collapseGlobstars('**/**/x/**/**'), '**/x/**');
	});
	it('refuses a line with more ** than the bound, naming its line, and keeps the others', () => {
		const { rules, refused } = boundedIgnore(`# data\n*.bak\na/**/c/**/c/**/c/**/b\n`);
		assert.deepEqual(refused.map((r) => [r.line, r.globstars]), [[3, 4]]);
		assert.equal(rules.ignores('x.bak'), true);
	});
});

describe('the outline of a large document', () => {
	const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined } });
	const lines = (n: number, eol = '\n') => Array.from({ length: n }, (_, i) => `第${i}行,内容。`).join(eol) + eol;
	it('analyses the first characters and gives the rest one node reaching the last line', () => {
		for (const eol of ['\n', '\r\n', '\r']) {
			const text = lines(3000, eol) + '最后一行';
			const { symbols } = largeOutline(service, 'file:///big.txt', 1, text, defaultLintOptions, 10_000);
			const rest = symbols.at(-1)!;
			assert.match(rest.name, /more lines \(the outline of a large document covers its first 10,000 characters\)/);
			assert.deepEqual(rest.range.end, { line: 3000, character: 4 }, JSON.stringify(eol));
			assert.equal(symbols[rest.range.start.line - 1]?.range.start.line, rest.range.start.line - 1);
		}
	});
	it('stops at 5,000 parts and replaces the cap node by one reaching the end', () => {
		const { symbols } = largeOutline(service, 'file:///big.txt', 1, lines(12_000), defaultLintOptions, 100_000);
		assert.equal(symbols.length, 5001);
		assert.deepEqual(symbols[5000].range, { start: { line: 5000, character: 0 }, end: { line: 12_000, character: 0 } });
	});
});

describe('line positions from a table of line starts', () => {
	it('agree with the document\'s own lines for every offset, whatever the line ends', () => {
		const pieces = ['中文', '\n', '\r\n', '\r', 'ab', '', '𠮷'];
		let seed = 11;
		for (let round = 0; round < 50; round++) {
			let text = '';
			for (let i = 0; i < 40; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; text += pieces[seed % pieces.length]; }
			const doc = new CorpusDocument('u', 1, text);
			const table = linePositions(text);
			for (let offset = 0; offset <= text.length; offset++) { assert.deepEqual(table.positionAt(offset), doc.positionAt(offset), `${JSON.stringify(text)} at ${offset}`); }
		}
	});
});

describe('names sent to the workers', () => {
	it('takes more names than a call takes arguments (a gazetteer of 200,000 entries)', () => {
		const pool = new WorkerPool('/nonexistent/worker.js', 0, () => undefined, () => { throw new Error('no job runs here'); });
		const rows = Array.from({ length: 200_000 }, (_, id) => ({ id, keys: [`名${id}`], type: 'organization' as const, gazetteer: true, spreads: true }));
		assert.doesNotThrow(() => pool.control({ kind: 'names', reset: true, rows }));
		assert.doesNotThrow(() => pool.control({ kind: 'names', reset: false, rows }));
	});
});
