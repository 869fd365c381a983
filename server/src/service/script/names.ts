/**
 * Spans of a line that are spelled as their owner spells them, so the mixed-script rule does not
 * "fix" them toward the other script's common word: people (范振宗, 余光中, a Taiwan name quoted
 * on a simplified page), places (留侯里), organizations, titles of works (《聯合報》), and a page's
 * link to its other-script version (简体 | 繁體).
 *
 * `NameFinder` is the seam: the service passes the one built here (the entity recognizer's
 * rules over jieba's tags, plus title + surname shapes that need no tagger), and a better
 * recognizer can replace it through `ServiceInit.nameFinder`.
 */
import { normalizeLine } from '../boilerplate/normalize';
import { personTitles, surnameLength } from '../entities/lexicon';
import { recognizeLine } from '../entities/recognize';
import { isHanWord, tokenize } from '../entities/tokens';
import type { Tagger } from '../types';

export type NameSpanKind = 'person' | 'place' | 'organization' | 'work' | 'event' | 'switch';

export interface NameSpan {
	readonly start: number;
	readonly end: number;
	readonly kind: NameSpanKind;
	/** Found by its shape alone (a title before a surname), with no tagger or recognizer behind it: a word may look the same (黨員幹部). */
	readonly shape?: true;
}

/**
 * The name spans of one line. `reading` is the same line in simplified script, unit for unit
 * (what jieba and the recognizer read); spans are offsets of both. Script switches are found
 * apart (`scriptSwitches`), without a tagger.
 */
export type NameFinder = (line: string, reading: string) => readonly NameSpan[];

/** Titles Taiwan and Hong Kong news writes before names that the recognizer's list (mainland news) lacks. */
const regionalTitles = new Set(['里长', '邻长', '议员', '立委', '市议员', '县议员', '主委', '署长', '主播', '总干事', '馆长', '团长', '社长', '科长', '课长', '股长', '组长', '督察', '警司', '总警司', '司长', '局长', '处长', '主席', '球员', '前锋', '中场', '后卫', '门将', '外援', '港脚']);
const titleLengths = [4, 3, 2];
/** 1 for the first unit of a title: a sentence is looked up only where one starts (three strings per unit otherwise). */
const titleStarts = new Uint8Array(0x10000);
for (const title of [...personTitles, ...regionalTitles]) { titleStarts[title.charCodeAt(0)] = 1; }

/** `里长范振宗`, `记者余思娴`: a title, then a surname and one or two more characters. */
function titledNames(reading: string): NameSpan[] {
	const spans: NameSpan[] = [];
	for (let i = 0; i < reading.length; i++) {
		if (titleStarts[reading.charCodeAt(i)] === 0) { continue; }
		for (const n of titleLengths) {
			const title = reading.slice(i, i + n);
			if (title.length < n || !(personTitles.has(title) || regionalTitles.has(title))) { continue; }
			let p = i + n;
			if (reading[p] === ' ' || reading[p] === '\u3000') { p++; }
			const sur = surnameLength(reading.slice(p, p + 2));
			const given = sur > 0 ? han(reading, p + sur, 2) : 0;
			if (given > 0) { spans.push({ start: p, end: p + sur + given, kind: 'person', shape: true }); }
			break;
		}
	}
	return spans;
}

function han(text: string, at: number, max: number): number {
	let n = 0;
	while (n < max && /[\u3400-\u9fff]/.test(text[at + n] ?? '')) { n++; }
	return n;
}

/**
 * 简体 | 繁體, [简体版] [繁體版]: the words of a script switch, standing alone (a line of menu items,
 * brackets or separators around them), in either script.
 */
const switchWord = /(?<![\u3400-\u9fff])(?:[简簡]体|[简簡]體|[繁正][体體]|[简簡]|繁)(?:中文)?(?:版|字版)?(?![\u3400-\u9fff])/g;

export function scriptSwitches(line: string): NameSpan[] {
	const spans: NameSpan[] = [];
	for (const m of line.matchAll(switchWord)) { spans.push({ start: m.index, end: m.index + m[0].length, kind: 'switch' }); }
	// A lone 简/繁 is a switch only beside its partner.
	const lone = spans.filter((s) => s.end - s.start === 1);
	return lone.length === 1 && spans.length === 1 ? [] : spans;
}

/** jieba's tags of unknown words and names (郭台铭/nr, 范淑贞则/x, 郁/nr + 文华/nz). */
const nameTags = new Set(['nr', 'nrfg', 'nrt', 'x']);
const givenTags = new Set(['nr', 'nrfg', 'nz', 'n', 'x', 'ng']);
/** Characters that end a clause word rather than a name (范淑贞则, 张勇在). */
const clauseEnders = new Set([...'在和与及的了是为将也则等说称向对从被把让给就都还又再并而于以']);

/** People as jieba's tags show them: a name word starting with a surname, or a surname word and a given-name word. */
function taggedNames(folded: string, tagger: Tagger): NameSpan[] {
	const spans: NameSpan[] = [];
	const tokens = tokenize(folded, tagger);
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (!isHanWord(t.w) || surnameLength(t.w) === 0) { continue; }
		if (t.w.length >= 2 && t.w.length <= 4 && nameTags.has(t.tag)) {
			const end = t.w.length >= 3 && clauseEnders.has(t.w[t.w.length - 1]) ? t.end - 1 : t.end;
			spans.push({ start: t.start, end, kind: 'person' });
		} else if (t.w.length === 1 && t.tag === 'nr') {
			const next = tokens[i + 1];
			if (next && next.w.length <= 2 && isHanWord(next.w) && givenTags.has(next.tag)) { spans.push({ start: t.start, end: next.end, kind: 'person' }); }
		}
	}
	return spans;
}

/** The finder the service uses: the recognizer and jieba's name words (with a tagger), and the title shapes. */
export function nameFinder(tagger?: Tagger): NameFinder {
	return (_line, reading) => {
		const spans = titledNames(reading);
		if (tagger) {
			// The recognizer reads text folded as discovery folds it (script and punctuation, unit for unit).
			const folded = normalizeLine(reading);
			for (const c of recognizeLine(folded, tagger)) { spans.push({ start: c.start, end: c.end, kind: c.type }); }
			spans.push(...taggedNames(folded, tagger));
		}
		return spans;
	};
}

/**
 * Traditional characters that are no surname while their simplified form is one that traditional
 * text writes the same (范 範, 余 餘, 郁 鬱, 游 遊, 姜 薑, 岳 嶽, 胡 鬍, 谷 穀, 周 週): a converter writes them
 * for a surname, never a person (週 after a title is also 週三: a person span must confirm it).
 */
const surnameOverConversions = new Map([...'範范餘余鬱郁遊游薑姜嶽岳鬍胡穀谷週周'].flatMap((c, i, a) => (i % 2 ? [] : [[c, a[i + 1]]])));

const anyOverConvertedSurname = new RegExp(`[${[...surnameOverConversions.keys()].join('')}]`);
/** 1 for the code units of `surnameOverConversions`' keys. */
export const overConvertedSurname = new Uint8Array(0x10000);
for (const c of surnameOverConversions.keys()) { overConvertedSurname[c.charCodeAt(0)] = 1; }

/** Words after a surname that make it one (範先生, 餘小姐). */
const afterSurname = /^(?:先生|小姐|女士|太太|老師|老师|姓)/;

/**
 * Where a title puts a surname (記者範文傑, 區長遊淑貞) or a form of address follows one (範先生),
 * or where a name may start a clause (。範振宗表示, 範 only), a character of `surnameOverConversions`:
 * candidates that a person span of the name finder must confirm (and, untitled, jieba's cut must
 * leave the character a word of its own: not 範圍), unless the form of address says it. Looks
 * only around those characters (fast on every line).
 */
export function misspelledSurnames(line: string, reading: string): { at: number; surname: string; sure: boolean; untitled: boolean }[] {
	let out: { at: number; surname: string; sure: boolean; untitled: boolean }[] | undefined;
	if (!mayHoldMisspelledSurname(line)) { return []; }
	for (let k = 0; k < line.length; k++) {
		if (!overConvertedSurname[line.charCodeAt(k)]) { continue; }
		const sure = afterSurname.test(line.slice(k + 1, k + 3));
		const titled = titleEndsAt(reading, reading[k - 1] === ' ' || reading[k - 1] === '\u3000' ? k - 1 : k);
		const clauseStart = line[k] === '範' && (k === 0 || clauseBreak.test(line[k - 1])) && han(line, k + 1, 2) === 2;
		if (sure || titled || clauseStart) { (out ??= []).push({ at: k, surname: surnameOverConversions.get(line[k])!, sure, untitled: !sure && !titled }); }
	}
	return out ?? [];
}

/**
 * What may stand before a name that starts a clause. Untitled, only 範 is a candidate: its simplified
 * 范 standing alone as a word is only the surname, while 遊/週/餘 start words of their own (遊王府, 週中).
 */
const clauseBreak = /[\s，。、；：！？「『（“‘,;:!?(]/;

/** Cheap pre-check for `misspelledSurnames`. */
export function mayHoldMisspelledSurname(line: string): boolean {
	return anyOverConvertedSurname.test(line);
}

function titleEndsAt(reading: string, end: number): boolean {
	return titleLengths.some((n) => end >= n && (personTitles.has(reading.slice(end - n, end)) || regionalTitles.has(reading.slice(end - n, end))));
}

/**
 * Taiwan's neighbourhood 里 written 裏 or 裡 by a converter where its name meets its officer or
 * people (十興裏裏長, 埔墘裏里民): OpenCC reads 里里 as 裏裏 (里里外外), so phrase matching misses it.
 * Offsets of the pair's characters to write as 里; jieba's cut must leave the first 里 a word of
 * its own (not 這里|里長).
 */
export function neighbourhoodPairs(reading: string): number[] {
	const out: number[] = [];
	for (let k = reading.indexOf('里里'); k > 0; k = reading.indexOf('里里', k + 1)) {
		if (/[长民办]/.test(reading[k + 2] ?? '') && han(reading, k - 1, 1) === 1) { out.push(k); }
	}
	return out;
}
