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
/** Cheap pre-check: every kind of noise needs one of these characters. */
const maybeNoise = new RegExp(`[(（][a-zü${toneVowels}]|[\\ufffd\\u00e3-\\u00e9锟烫屯\\u2500-\\u257f\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\p{Script=Cyrillic}\\p{Script=Greek}]`, 'u');
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
	if (!maybeNoise.test(line)) { return none; }
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
		for (const [n, line] of doc.lines.entries()) {
			if (line.text.length === 0 || isChromeLine(analysis, n)) { continue; }
			// Not cached per line: the pre-check rejects almost every line, and a cache of line texts costs more in GC.
			for (const x of noiseIn(line.text)) {
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
