/**
 * Folds a line to one form for pattern matching: traditional characters to simplified and
 * full-width punctuation to ASCII, so one pattern written in simplified with ASCII punctuation
 * matches 責任編輯： and 责任编辑: alike. Length-preserving (one UTF-16 unit for one), so match
 * offsets are offsets in the original line.
 */
import { scriptTables } from '../script/tables';

const fullWidth: Record<string, string> = {
	'，': ',', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')', '［': '[', '］': ']',
	'【': '[', '】': ']', '〔': '[', '〕': ']', '｜': '|', '＞': '>', '＜': '<', '／': '/', '　': ' ', '＠': '@',
	'－': '-', '＿': '_', '～': '~', '．': '.', '％': '%', '＋': '+', '＃': '#', '＆': '&', '＝': '=',
};
let cachedTable: Uint16Array | undefined;

/** UTF-16 unit → its folded unit, 0 where it stays as it is. */
export function foldTable(): Uint16Array { return table(); }

function table(): Uint16Array {
	if (cachedTable) { return cachedTable; }
	const t = new Uint16Array(scriptTables().t2s);
	for (const [from, to] of Object.entries(fullWidth)) { t[from.charCodeAt(0)] = to.charCodeAt(0); }
	// Full-width digits and Latin letters.
	for (let c = 0xff10; c <= 0xff19; c++) { t[c] = c - 0xff10 + 0x30; }
	for (let c = 0xff21; c <= 0xff3a; c++) { t[c] = c - 0xff21 + 0x41; }
	for (let c = 0xff41; c <= 0xff5a; c++) { t[c] = c - 0xff41 + 0x61; }
	return cachedTable = t;
}

export function normalizeLine(line: string): string {
	const t = table();
	let out = '';
	let from = 0;
	for (let i = 0; i < line.length; i++) {
		const to = t[line.charCodeAt(i)];
		if (to !== 0) {
			out += line.slice(from, i) + String.fromCharCode(to);
			from = i + 1;
		}
	}
	return from === 0 ? line : out + line.slice(from);
}
