/**
 * unicode.noise — text that is not part of the language: pinyin annotations glued to characters
 * by mirror sites (`發(fā)`), a single character of another script between Han characters
 * (kana, Hangul, Cyrillic, Greek, box drawing: OCR and encoding debris), U+FFFD replacement
 * characters, and mojibake runs (`锟斤拷`, UTF-8 read as Windows-1252: `é”Ÿæ–¤`). Latin words,
 * acronyms and alphanumerics (`GSMA`, `5G`) are never noise, nor are words of other scripts.
 *
 * Only the pinyin fix is safe for fix-all: a replacement character or mojibake marks lost text
 * that deleting does not restore, and a stray character may be meant.
 */
import { analyze, isChromeLine } from '../boilerplate/analysis';
import type { Finding, Rule } from '../types';

const id = 'unicode.noise';

const toneVowels = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const toneCodes = new Set([...`ü${toneVowels}`].map((c) => c.charCodeAt(0)));
const mojibakeLeads = new Set([...'锟烫屯'].map((c) => c.charCodeAt(0)));

/** A code unit that may start noise by itself (the checks of `mayStartNoise`, one table lookup per unit). */
let noiseUnits: Uint8Array | undefined;

function mayStartNoise(c: number): boolean {
	if (c < 0xe3) { return false; }
	if (c <= 0xe9 || c === 0xfffd || (c >= 0x2500 && c <= 0x257f) || mojibakeLeads.has(c)) { return true; }
	// Greek, Coptic, Cyrillic (with their phonetic and extended blocks, Ω, combining Cyrillic).
	if ((c >= 0x370 && c <= 0x52f) || (c >= 0x1c80 && c <= 0x1dbf) || (c >= 0x1f00 && c <= 0x1fff) || c === 0x2126 || (c >= 0x2de0 && c <= 0x2dff) || (c >= 0xa640 && c <= 0xa69f) || c === 0xab65 || c === 0xfe2e || c === 0xfe2f) { return true; }
	// Kana: hiragana, katakana, their extensions, circled and squared katakana, half-width katakana.
	if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0x32d0 && c <= 0x3357) || (c >= 0xff66 && c <= 0xff9f)) { return true; }
	// Hangul: jamo, compatibility jamo, parenthesized and circled Hangul, syllables, half-width.
	if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0x3200 && c <= 0x327e) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xac00 && c <= 0xd7ff) || (c >= 0xffa0 && c <= 0xffdc)) { return true; }
	// Astral planes 1 (kana supplements, Greek numbers; emoji too, which the patterns then reject).
	return c >= 0xd800 && c <= 0xd83f;
}

/**
 * Cheap pre-check, one pass over the code units: every kind of noise needs a `(` before a
 * letter, U+FFFD, a mojibake lead, box drawing, or a kana, Hangul, Cyrillic or Greek character.
 * A superset of what the patterns below match (Greek and Hangul by their blocks).
 */
function maybeNoise(line: string): boolean {
	const units = noiseUnits ??= Uint8Array.from({ length: 0x10000 }, (_, c) => (mayStartNoise(c) ? 1 : 0));
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (c === 0x28 || c === 0xff08) {
			const next = line.charCodeAt(i + 1);
			if ((next >= 0x61 && next <= 0x7a) || toneCodes.has(next)) { return true; }
			continue;
		}
		if (units[c] === 1) { return true; }
	}
	return false;
}
/** `(fā)`, `（zhǎn）`, `(fa1)` right after a Han character: one syllable with a tone. */
const pinyin = new RegExp(`(?<=\\p{Script=Han})[(（]([a-zü${toneVowels}]*[${toneVowels}][a-zü${toneVowels}]*|[a-zü]{1,6}[1-5])[)）]`, 'gu');
const stray = /(?<=\p{Script=Han})[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\u2500-\u257f](?=\p{Script=Han})/gu;
const replacement = /\ufffd+/g;
/** Windows-1252 renderings of UTF-8 continuation bytes (0x80–0xBF). */
const cont = '[\\u0080-\\u00bf\\u20ac\\u201a\\u0192\\u201e\\u2026\\u2020\\u2021\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u2018\\u2019\\u201c\\u201d\\u2022\\u2013\\u2014\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178]';
/** Two or more CJK characters' UTF-8 bytes (lead 0xE3–0xE9) shown as Windows-1252, or the GBK 锟斤拷 family. */
const mojibake = new RegExp(`(?:[\\u00e3-\\u00e9]${cont}${cont}){2,}|(?:锟斤拷|烫烫烫|屯屯屯)+`, 'g');

const none: Noise[] = [];

interface Noise { readonly start: number; readonly end: number; readonly kind: 'pinyin' | 'stray' | 'replacement' | 'mojibake' }

function noiseIn(line: string): Noise[] {
	if (!maybeNoise(line)) { return none; }
	const found: Noise[] = [];
	for (const m of line.matchAll(pinyin)) { found.push({ start: m.index!, end: m.index! + m[0].length, kind: 'pinyin' }); }
	for (const m of line.matchAll(stray)) { found.push({ start: m.index!, end: m.index! + m[0].length, kind: 'stray' }); }
	for (const m of line.matchAll(replacement)) { found.push({ start: m.index!, end: m.index! + m[0].length, kind: 'replacement' }); }
	for (const m of line.matchAll(mojibake)) { found.push({ start: m.index!, end: m.index! + m[0].length, kind: 'mojibake' }); }
	return found;
}

export const unicodeNoise: Rule = {
	id,
	description: 'Noise in the text: pinyin annotations, stray characters of other scripts between Han characters, U+FFFD, mojibake.',
	defaultSeverity: 'warning',
	*check(doc, ctx): Iterable<Finding> {
		const analysis = analyze(doc);
		// Per line text, an edited document's unchanged lines by position: an edit re-scans only the lines it touched.
		const all = ctx.cache<Noise[]>('noise').perLine(doc, noiseIn);
		const lines = doc.lines;
		for (let n = 0; n < lines.length; n++) {
			const line = lines[n];
			if (line.text.length === 0 || isChromeLine(analysis, n)) { continue; }
			const noise = all[n];
			// Indexed, not for-of: in a generator each for-of over a line's (mostly empty) list
			// allocates an iterator and its last result, ≈ 300 KB per check of a 1 MB document.
			for (let k = 0; k < noise.length; k++) {
				const x = noise[k];
				const start = line.start + x.start;
				const end = line.start + x.end;
				const shown = doc.text.slice(start, end);
				yield {
					ruleId: id, start, end, message: ctx.t(`unicode.noise.${x.kind}`, shown.length > 12 ? `${shown.slice(0, 12)}…` : shown),
					fixes: [{ title: ctx.t('fix.stripSpan', shown.length > 12 ? `${shown.slice(0, 12)}…` : shown), edits: [{ start, end, newText: '' }], isPreferred: true, safe: x.kind === 'pinyin' }],
				};
			}
		}
	},
};
