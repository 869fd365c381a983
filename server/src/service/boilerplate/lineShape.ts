/**
 * The shape of one line, as the page-chrome model sees it: length, share of Han characters,
 * sentence and clause punctuation, function words, digits and dates, separators, brackets and
 * list markers. Computed on the folded line (simplified, ASCII punctuation: normalize.ts), so a
 * traditional page and a simplified one have the same shapes. One pass over the characters.
 */

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

const HAN = 1, FUNC = 2, SENT = 4, CLAUSE = 8, SEP = 16, BRACKET = 32, QUOTE = 64;
const functionWords = '的了是在和也都就而与着把被让从对但所这那们我你他她它其之于为以将会能要有没不很更还又才已并及等后时说到地得过给向可如因此即却该由';
let classes: Uint8Array | undefined;

function classTable(): Uint8Array {
	if (classes) { return classes; }
	const t = new Uint8Array(0x10000);
	for (let c = 0x3400; c <= 0x9fff; c++) { t[c] = HAN; }
	for (let c = 0xf900; c <= 0xfaff; c++) { t[c] = HAN; }
	for (const ch of functionWords) { t[ch.charCodeAt(0)] |= FUNC; }
	for (const ch of '。!?…') { t[ch.charCodeAt(0)] = SENT; }
	for (const ch of ',、;:') { t[ch.charCodeAt(0)] = CLAUSE; }
	for (const ch of '|>›»·•/<‹«│┃') { t[ch.charCodeAt(0)] = SEP; }
	for (const ch of '[]【】《》〈〉〖〗『』') { t[ch.charCodeAt(0)] = BRACKET; }
	for (const ch of '“”「」‘’"') { t[ch.charCodeAt(0)] = QUOTE; }
	return classes = t;
}

const listMarker = /^(\d{1,3}\s*[.、)\]]|\d{1,2}\s+\S|#\d+|[(\[]\d{1,3}[)\]]|[•·▪◆◇■□●○▶►▸▲△▼▽★☆※→\-*]\s*\S)/u;
const numeric = /^[\d\s:.,\-/年月日时分秒()#%+~]+$/u;
const date = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日|\b\d{1,2}[-/]\d{1,2}\b/u;
const time = /\d{1,2}:\d{2}/;
const sentenceEnd = /[。!?…”」』"]$/u;
const truncated = /(…|\.{3}|。。。)\s*[\]》)]?$/u;
const counted = /[(\[]\d+[)\]]$/;
const url = /https?:|www\.|\.(com|cn|net|org|tw|hk)\b|@[\w-]+\./i;

export function lineShape(folded: string): LineShape {
	const t = classTable();
	const text = folded.trim();
	let length = 0, han = 0, latin = 0, digits = 0, func = 0, sentence = 0, clause = 0, gaps = 0, separators = 0, brackets = 0, quotes = 0;
	let space = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0) { space = true; continue; }
		if (space) { gaps++; space = false; }
		length++;
		const k = t[c];
		if (k & HAN) { han++; if (k & FUNC) { func++; } } else if (k === SENT) { sentence++; } else if (k === CLAUSE) { clause++; } else if (k === SEP) { separators++; } else if (k === BRACKET) { brackets++; } else if (k === QUOTE) { quotes++; } else if (c >= 48 && c <= 57) { digits++; } else if ((c | 32) >= 97 && (c | 32) <= 122) { latin++; } else if (c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) { separators++; }
	}
	return {
		length, han, latin, digits, functionWords: func, sentenceMarks: sentence, clauseMarks: clause,
		endsSentence: sentenceEnd.test(text), endsClause: /[。!?…”」』";]$/u.test(text), gaps, separators, brackets, quotes,
		listMarker: listMarker.test(text), numeric: length > 0 && numeric.test(text), hasDate: date.test(text), hasTime: time.test(text),
		truncated: truncated.test(text), counted: counted.test(text), url: url.test(text), label: /:$/.test(text), labelled: /^[^:]{1,6}:/.test(text),
	};
}
