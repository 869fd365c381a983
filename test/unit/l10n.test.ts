/**
 * Three languages: every server message, every string of package.json and every string of the
 * client exists in English, Simplified and Traditional Chinese, with the same placeholders; the
 * Traditional files are what tools/build-zh-tw.mjs makes of the Simplified ones.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { grouped, messageIds, messagesFor, placeholderIndexes } from '../../server/src/service/messages';
import { localeOf } from '../../server/src/cli/locale';

const root = path.resolve(__dirname, '..', '..');
const read = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as Record<string, string>;
const placeholders = (s: string) => placeholderIndexes(s).join(' ');

describe('three languages', () => {
	it('has every server message in English, Simplified and Traditional Chinese, with the same placeholders', () => {
		const en = messagesFor('en');
		for (const locale of ['zh-cn', 'zh-tw']) {
			const catalogue = read(`server/data/messages/${locale}.json`);
			assert.deepEqual(Object.keys(catalogue).sort(), [...messageIds].sort(), `${locale} has exactly the message ids`);
			for (const id of messageIds) { assert.equal(placeholders(catalogue[id]), placeholders(en(id)), `${locale} ${id}`); }
		}
		assert.match(messagesFor('zh-CN')('fix.deleteLine'), /删除这一行/);
		assert.match(messagesFor('zh-TW')('fix.deleteLine'), /刪除這一行/);
		assert.match(messagesFor('zh-HK')('fix.deleteLine'), /刪除這一行/);
		assert.match(messagesFor('fr')('fix.deleteLine'), /Delete this line/);
	});

	it('fills placeholders with the arguments as written, and leaves one without an argument as it is', () => {
		const en = messagesFor('en');
		assert.equal(en('fix.replace', '{1}$&', '后'), 'Replace ‘{1}$&’ with ‘后’');
		assert.equal(en('fix.replace', '後'), 'Replace ‘後’ with ‘{1}’');
		assert.equal(en('fix.deleteLine', 'x'), en('fix.deleteLine'));
	});

	it('writes English counts of one in the singular, grouped numbers included, and Chinese counts as they are', () => {
		const en = messagesFor('en');
		assert.equal(en('cli.summary', 1, 0, 2, 1, '1,024'), '1 file: 0 errors, 2 warnings, 1 info, 1,024 hints');
		assert.equal(en('cli.summary', '1,000', 1, '1', 3, 11), '1,000 files: 1 error, 1 warning, 3 infos, 11 hints');
		assert.equal(en('cli.notFixed', 1), '1 file was not written (named above)');
		assert.equal(en('cli.notFixed', 2), '2 files were not written (named above)');
		// A plural without its argument stays as written, as a plain placeholder does.
		assert.match(en('cli.fixedFile'), /^fixed \(\{0, plural, one \{# edit\} other \{# edits\}\}\)$/);
		assert.equal(messagesFor('zh-CN')('cli.notFixed', 1), read('server/data/messages/zh-cn.json')['cli.notFixed'].replace('{0}', '1'));
	});

	it('has no brace in an English message outside a placeholder it fills', () => {
		const en = messagesFor('en');
		for (const id of messageIds) {
			const args = Array.from({ length: 8 }, (_, i) => `a${i}`);
			assert.doesNotMatch(en(id, ...args), /[{}]/, id);
		}
	});

	it('has every string of package.json in package.nls.json and both Chinese files', () => {
		const keys = [...fs.readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
		assert.ok(keys.length > 40);
		const en = read('package.nls.json');
		assert.deepEqual(Object.keys(en).sort(), [...new Set(keys)].sort());
		for (const locale of ['zh-cn', 'zh-tw']) {
			const nls = read(`package.nls.${locale}.json`);
			assert.deepEqual(Object.keys(nls).sort(), Object.keys(en).sort(), locale);
			// The product's name is the same in every language.
			for (const k of keys.filter((x) => x !== 'configuration.title')) { assert.notEqual(nls[k], en[k], `${locale} ${k} is translated`); }
		}
	});

	it('has every client string (vscode.l10n.t) in both Chinese bundles, with the same placeholders', () => {
		const used = new Set<string>();
		for (const f of fs.readdirSync(path.join(root, 'client', 'src'))) {
			for (const m of fs.readFileSync(path.join(root, 'client', 'src', f), 'utf8').matchAll(/vscode\.l10n\.t\('((?:[^'\\]|\\.)*)'/g)) { used.add(m[1]); }
		}
		for (const locale of ['zh-cn', 'zh-tw']) {
			const bundle = read(`l10n/bundle.l10n.${locale}.json`);
			assert.deepEqual(Object.keys(bundle).sort(), [...used].sort(), locale);
			for (const k of used) { assert.equal(placeholders(bundle[k]), placeholders(k), `${locale}: ${k}`); }
		}
	});

	it('has Traditional files that are the Simplified ones converted with Taiwan phrases and quotes', () => {
		const tw = read('server/data/messages/zh-tw.json');
		assert.equal(tw['summary.files'], '檔案');
		assert.equal(tw['mixedScript.toTraditional'], '「{0}」是繁體文本中的簡體字：應寫作「{1}」。');
		assert.equal(read('package.nls.zh-tw.json')['command.showSummary'], '顯示語料概況');
	});

	it('picks the command line language from --lang or LANG', () => {
		assert.equal(localeOf(undefined, { LANG: 'zh_TW.UTF-8' }), 'zh-tw');
		assert.equal(localeOf(undefined, { LANG: 'zh_CN.UTF-8' }), 'zh-cn');
		assert.equal(localeOf(undefined, { LC_ALL: 'zh_HK.UTF-8', LANG: 'en_US.UTF-8' }), 'zh-tw');
		assert.equal(localeOf('zh-cn', { LANG: 'C' }), 'zh-cn');
		assert.equal(localeOf(undefined, { LANG: 'C.UTF-8' }), 'en');
	});
});

describe('numbers in messages', () => {
	it('groups an integer\'s digits as toLocaleString(\'en\') does', () => {
		const values = [0, 1, -1, 999, 1000, -1000, 12345, 999999, 1000000, 123456789, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1.5];
		for (let i = 0, x = 7; i < 2000; i++) { x = (x * 48271) % 2147483647; values.push(x % 10 ** (1 + (i % 12)), -x); }
		for (const n of values) { assert.equal(grouped(n), n.toLocaleString('en'), String(n)); }
	});
});
