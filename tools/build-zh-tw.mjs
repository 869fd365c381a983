// Traditional Chinese (Taiwan) from the Simplified Chinese strings: OpenCC's `cn → twp`
// conversion (characters and Taiwan phrases: 文件 → 檔案, 设置 → 設定, 字符 → 字元) and Taiwan
// quotation marks (“” → 「」, ‘’ → 『』). Run once after changing a zh-cn file, then read the
// result: it is committed, and a phrase OpenCC gets wrong is fixed in the zh-tw file by hand
// (keys listed in `reviewed` below are kept as they are).
//   node tools/build-zh-tw.mjs
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

const toTw = OpenCC.Converter({ from: 'cn', to: 'twp' });
const quotes = (s) => s.replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
const convert = (s) => quotes(toTw(s));

/** Keys whose Taiwan text was written by hand (OpenCC's would be wrong). */
const reviewed = { 'outline.continued': '續:', 'clean.skip.readOnly': '唯讀或沒有寫入權限' };

const pairs = [
	['server/data/messages/zh-cn.json', 'server/data/messages/zh-tw.json'],
	['package.nls.zh-cn.json', 'package.nls.zh-tw.json'],
	['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json'],
];
for (const [from, to] of pairs) {
	if (!existsSync(from)) { continue; }
	const source = JSON.parse(readFileSync(from, 'utf8'));
	const kept = existsSync(to) ? JSON.parse(readFileSync(to, 'utf8')) : {};
	const out = {};
	for (const [key, value] of Object.entries(source)) {
		// bundle.l10n keys are the English strings themselves: only values are converted.
		out[key] = reviewed[key] ?? (kept[key] !== undefined && reviewedKeys(to).has(key) ? kept[key] : convert(value));
	}
	writeFileSync(to, `${JSON.stringify(out, null, '\t')}\n`);
	console.log(`${to}: ${Object.keys(out).length} strings`);
}

function reviewedKeys() { return new Set(Object.keys(reviewed)); }
