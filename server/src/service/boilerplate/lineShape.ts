/**
 * The shape of one line, as the page-chrome model sees it: length, share of Han characters,
 * sentence and clause punctuation, function words, digits and dates, separators, brackets and
 * list markers. Computed on the folded line (simplified, ASCII punctuation: normalize.ts), so a
 * traditional page and a simplified one have the same shapes. One pass over the characters, which
 * also folds them.
 */
import { isSpaceUnit } from '../text/chars';
import { foldTable, stringOfUnits } from './normalize';
import { spamMarks } from './patterns';

export interface LineShape {
	/** Non-space characters. */
	readonly length: number;
	readonly han: number;
	readonly latin: number;
	readonly digits: number;
	/** Function words (的 了 是 在 …): prose has many, menus and headlines few. */
	readonly functionWords: number;
	/** 。!? and … inside the line. */
	readonly sentenceMarks: number;
	/** , 、 ; : inside the line. */
	readonly clauseMarks: number;
	readonly endsSentence: boolean;
	/** Ends with a sentence mark or a semicolon (an enumerated point: 一是…；). */
	readonly endsClause: boolean;
	/** Runs of spaces between words (a menu written on one line: `新闻 体育 娱乐`). */
	readonly gaps: number;
	/** | > › » · • / and spaced dashes: the separators of menus, breadcrumbs and link rows. */
	readonly separators: number;
	/** [ ] 【】《》 and the like (page-tool rows `[打印][关闭]`, headline tags `[组图]`). */
	readonly brackets: number;
	/** “ ” 「 」 quotes: prose quotes people. */
	readonly quotes: number;
	/** Starts like a list item: `1.`, `3、`, `•`, `■`, `#12`. */
	readonly listMarker: boolean;
	/** Only digits, dates and punctuation (a counter, a page number, a date). */
	readonly numeric: boolean;
	readonly hasDate: boolean;
	readonly hasTime: boolean;
	/** Ends with … or ... (a teaser cut short) or with a count `(12)`. */
	readonly truncated: boolean;
	readonly counted: boolean;
	readonly url: boolean;
	/** Ends with a colon: a label (`用户名:`, `分享到:`). */
	readonly label: boolean;
	/** Opens with a label of up to six characters and a colon (`地点:`, `记者:`). */
	readonly labelled: boolean;
}

const HAN = 1, FUNC = 2, SENT = 4, CLAUSE = 8, SEP = 16, BRACKET = 32, QUOTE = 64, SPAM = 128;
const functionWords = '的了是在和也都就而与着把被让从对但所这那们我你他她它其之于为以将会能要有没不很更还又才已并及等后时说到地得过给向可如因此即却该由';

/** The class of each (folded) unit: one of HAN, SENT, CLAUSE, SEP, BRACKET, QUOTE, with FUNC and SPAM on Han. */
function classTable(): Uint8Array {
	const t = new Uint8Array(0x10000);
	for (let c = 0x3400; c <= 0x9fff; c++) { t[c] = HAN; }
	for (let c = 0xf900; c <= 0xfaff; c++) { t[c] = HAN; }
	for (const ch of functionWords) { t[ch.charCodeAt(0)] |= FUNC; }
	for (const ch of spamMarks) { t[ch.charCodeAt(0)] |= SPAM; }
	for (const ch of '。!?…') { t[ch.charCodeAt(0)] = SENT; }
	for (const ch of ',、;:') { t[ch.charCodeAt(0)] = CLAUSE; }
	for (const ch of '|>›»·•/<‹«│┃') { t[ch.charCodeAt(0)] = SEP; }
	for (const ch of '[]【】《》〈〉〖〗『』') { t[ch.charCodeAt(0)] = BRACKET; }
	for (const ch of '“”「」‘’"') { t[ch.charCodeAt(0)] = QUOTE; }
	return t;
}

/**
 * What a line's shape counts of a unit, one category each (a unit is counted under one only),
 * in bits 16 to 19 of `unitTable`'s entries.
 */
const enum Category { Other, Han, Sentence, Clause, Separator, Bracket, Quote, Digit, Latin, Space, Dash }
/** Bits of `unitTable`'s entries above the category: a function word (Han), a mark of SEO spam (Han), a space. */
const FUNCTION_BIT = 1 << 20, SPAM_BIT = 1 << 21, SPACE_BIT = 1 << 22;

const unitTables = new WeakMap<Uint16Array, Uint32Array>();

/**
 * Per UTF-16 unit: its folded unit (bits 0 to 15: `fold`'s, or the unit itself) and what the
 * shape counts of the folded unit (its `Category` and bits), so the line's one pass reads one
 * table per unit instead of the fold's then the classes' (built once per fold table, 256 KB).
 * The categories are the order in which the shape used to test a unit: a space (as the shape
 * sees one: space, tab, ideographic and no-break space) first, then Han, the punctuation classes,
 * ASCII digits, ASCII letters and the hyphen (a separator between spaces).
 */
export function unitTable(fold: Uint16Array): Uint32Array {
	let table = unitTables.get(fold);
	if (table) { return table; }
	const classes = classTable();
	table = new Uint32Array(0x10000);
	for (let raw = 0; raw < 0x10000; raw++) {
		const c = fold[raw] || raw, k = classes[c];
		const category = c === 32 || c === 9 || c === 0x3000 || c === 0xa0 ? Category.Space : k & HAN ? Category.Han : k === SENT ? Category.Sentence
			: k === CLAUSE ? Category.Clause : k === SEP ? Category.Separator : k === BRACKET ? Category.Bracket : k === QUOTE ? Category.Quote
				: c >= 48 && c <= 57 ? Category.Digit : (c | 32) >= 97 && (c | 32) <= 122 ? Category.Latin : c === 45 ? Category.Dash : Category.Other;
		const han = category === Category.Han;
		table[raw] = c | (category << 16) | (han && k & FUNC ? FUNCTION_BIT : 0) | (han && k & SPAM ? SPAM_BIT : 0) | (category === Category.Space ? SPACE_BIT : 0);
	}
	unitTables.set(fold, table);
	return table;
}

const listMarker = /^(\d{1,3}\s*[.、)\]]|\d{1,2}\s+\S|#\d+|[(\[]\d{1,3}[)\]]|[•·▪◆◇■□●○▶►▸▲△▼▽★☆※→\-*]\s*\S)/u;
const numeric = /^[\d\s:.,\-/年月日时分秒()#%+~]+$/u;
const date = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|\b\d{1,2}[-/]\d{1,2}\b/u;
const time = /\d{1,2}:\d{2}/;
/** The units a match of `listMarker` or `numeric` opens with: the expressions run only on lines opening so. */
const listMarkerOpenings = '0123456789#([•·▪◆◇■□●○▶►▸▲△▼▽★☆※→-*', numericOpenings = '0123456789:.,-/年月日时分秒()#%+~';
const url = /https?:|www\.|\.(com|cn|net|org|tw|hk)\b|@[\w-]+\./i;

/** A line folded (normalize.ts), the folded line trimmed, and its shape. */
export interface FoldedLine {
	readonly folded: string;
	readonly trimmed: string;
	readonly shape: LineShape;
	/** The line holds one of `spamMarks`: it may hold SEO spam. */
	readonly spamMarked: boolean;
}

/** The shape of a line already folded. */
export function lineShape(folded: string): LineShape {
	return foldedLine(folded, noFold ??= new Uint16Array(0x10000)).shape;
}

let noFold: Uint16Array | undefined;
/** Scratch space of the folded units, grown as needed. */
let units = new Uint16Array(1024);
/** Scratch counts of a line's units other than Han per `Category`, left all 0 between lines. */
const counts = new Int32Array(16);

/**
 * The line folded and its shape in one pass over its units (folding keeps every space a space,
 * so the line's trimmed bounds are the folded line's). Each unit is one read of `unitTable`; Han
 * units (most of a line) and function words are counted without a branch, the rarer categories
 * in `counts`. The questions about the line's end are answered from its last units (a regular
 * expression anchored only at the end tries every start); the date, time and URL expressions
 * run only on lines with the digits or ASCII letters every match of theirs holds (`\d` and `\w`
 * are ASCII). test/unit/lineFacts.test.ts compares all of it with the plain fold and expressions.
 */
export function foldedLine(line: string, fold = foldTable()): FoldedLine {
	const table = unitTable(fold);
	const n = line.length;
	let s = 0, e = n;
	while (s < e && isSpaceUnit(line.charCodeAt(s))) { s++; }
	while (e > s && isSpaceUnit(line.charCodeAt(e - 1))) { e--; }
	if (units.length < n) { units = new Uint16Array(Math.max(n, 2 * units.length)); }
	let changed = 0;
	for (let i = 0; i < s; i++) { const raw = line.charCodeAt(i), c = table[raw] & 0xffff; changed |= c ^ raw; units[i] = c; }
	let han = 0, func = 0, bits = 0, gaps = 0, space = 0, others = 0;
	for (let i = s; i < e; i++) {
		const raw = line.charCodeAt(i), v = table[raw], c = v & 0xffff;
		changed |= c ^ raw;
		units[i] = c;
		const category = (v >>> 16) & 15;
		han += category === Category.Han ? 1 : 0;
		if (category > Category.Han) { counts[category]++; others++; }
		bits |= v;
		func += (v >>> 20) & 1;
		// A gap is a run of spaces before a unit that is not one (the trimmed line opens and closes with none).
		const isSpace = (v >>> 22) & 1;
		gaps += space & (isSpace ^ 1);
		space = isSpace;
	}
	for (let i = e; i < n; i++) { const raw = line.charCodeAt(i), c = table[raw] & 0xffff; changed |= c ^ raw; units[i] = c; }
	let latin = 0, digits = 0, sentence = 0, clause = 0, separators = 0, brackets = 0, quotes = 0, spaces = 0;
	if (others > 0) {
		latin = counts[Category.Latin]; digits = counts[Category.Digit]; sentence = counts[Category.Sentence]; clause = counts[Category.Clause];
		separators = counts[Category.Separator]; brackets = counts[Category.Bracket]; quotes = counts[Category.Quote]; spaces = counts[Category.Space];
		// A hyphen with a space on either side (` - `) separates too.
		if (counts[Category.Dash] > 0) { for (let i = s + 1; i + 1 < e; i++) { if (units[i] === 45 && units[i - 1] === 32 && units[i + 1] === 32) { separators++; } } }
		counts.fill(0);
	}
	const length = e - s - spaces;
	const folded = changed ? stringOfUnits(units, n) : line;
	const text = s === 0 && e === n ? folded : folded.slice(s, e);
	const last = text.length > 0 ? text.charCodeAt(text.length - 1) : -1;
	const endsSentence = last === 0x3002 || last === 0x21 || last === 0x3f || last === 0x2026 || last === 0x201d || last === 0x300d || last === 0x300f || last === 0x22;
	const shape = {
		length, han, latin, digits, functionWords: func, sentenceMarks: sentence, clauseMarks: clause,
		endsSentence, endsClause: endsSentence || last === 0x3b, gaps, separators, brackets, quotes,
		listMarker: opensWith(text, listMarkerOpenings) && listMarker.test(text), numeric: length > 0 && opensWith(text, numericOpenings) && numeric.test(text), hasDate: digits >= 2 && date.test(text), hasTime: digits >= 3 && time.test(text),
		truncated: endsTruncated(text), counted: endsCounted(text), url: (latin > 0 || text.includes('@')) && url.test(text), label: last === 0x3a, labelled: opensLabel(text),
	};
	return { folded, trimmed: text, shape, spamMarked: (bits & SPAM_BIT) !== 0 };
}

/** Whether `text` opens with one of `units` (a cheap test before an expression anchored at the start). */
export function opensWith(text: string, units: string): boolean {
	const c = text.charCodeAt(0);
	for (let i = 0; i < units.length; i++) { if (units.charCodeAt(i) === c) { return true; } }
	return false;
}

/** `/(…|\.{3}|。。。)\s*[\]》)]?$/u`: a teaser cut short, maybe inside its closing bracket. */
function endsTruncated(text: string): boolean {
	let e = text.length;
	const c = text.charCodeAt(e - 1);
	if (c === 0x5d || c === 0x300b || c === 0x29) { e--; }
	while (e > 0 && isSpaceUnit(text.charCodeAt(e - 1))) { e--; }
	const p = text.charCodeAt(e - 1);
	if (p === 0x2026) { return true; }
	return (p === 0x2e || p === 0x3002) && e >= 3 && text.charCodeAt(e - 2) === p && text.charCodeAt(e - 3) === p;
}

/** `/[(\[]\d+[)\]]$/`: a count closing the line, `(12)`. */
function endsCounted(text: string): boolean {
	const c = text.charCodeAt(text.length - 1);
	if (c !== 0x29 && c !== 0x5d) { return false; }
	let i = text.length - 2;
	while (i >= 0 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) { i--; }
	const o = text.charCodeAt(i);
	return i < text.length - 2 && (o === 0x28 || o === 0x5b);
}

/** `/^[^:]{1,6}:/`: a colon among the units 2 to 7. */
function opensLabel(text: string): boolean {
	for (let i = 0; i < 7 && i < text.length; i++) { if (text.charCodeAt(i) === 0x3a) { return i > 0; } }
	return false;
}
