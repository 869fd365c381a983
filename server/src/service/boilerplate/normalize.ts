/**
 * Folds a line to one form for pattern matching: traditional characters to simplified and
 * full-width punctuation to ASCII, so one pattern written in simplified with ASCII punctuation
 * matches 責任編輯： and 责任编辑: alike. Length-preserving (one UTF-16 unit for one), so match
 * offsets are offsets in the original line.
 */
import { traditionalToSimplified } from '../script/tables';

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
	const t = new Uint16Array(traditionalToSimplified());
	for (const [from, to] of Object.entries(fullWidth)) { t[from.charCodeAt(0)] = to.charCodeAt(0); }
	// Full-width digits and Latin letters.
	for (let c = 0xff10; c <= 0xff19; c++) { t[c] = c - 0xff10 + 0x30; }
	for (let c = 0xff21; c <= 0xff3a; c++) { t[c] = c - 0xff21 + 0x41; }
	for (let c = 0xff41; c <= 0xff5a; c++) { t[c] = c - 0xff41 + 0x61; }
	return cachedTable = t;
}

/** Scratch space of `normalizeLine`, grown as needed. */
let units = new Uint16Array(1024);

export function normalizeLine(line: string): string {
	const t = table();
	let i = 0;
	while (i < line.length && t[line.charCodeAt(i)] === 0) { i++; }
	if (i === line.length) { return line; }
	// The folded units in a buffer, made a string in pieces of 4,096: concatenating a piece per
	// folded unit built a rope of thousands of pieces for a traditional text, flattened later.
	if (units.length < line.length) { units = new Uint16Array(Math.max(line.length, 2 * units.length)); }
	for (let k = 0; k < line.length; k++) {
		const c = line.charCodeAt(k);
		units[k] = t[c] || c;
	}
	return stringOfUnits(units, line.length);
}

/** The first `length` units of `units` as a string, made in pieces of 4,096. */
export function stringOfUnits(units: Uint16Array, length: number): string {
	let out = '';
	for (let k = 0; k < length; k += 4096) { out += String.fromCharCode.apply(null, units.subarray(k, Math.min(k + 4096, length)) as unknown as number[]); }
	return out;
}
