/**
 * Named events end in a telling word (峰会, 博览会, 运动会, 文学奖): the name runs left from the
 * ending over the names the recognizer found, the dictionary's nouns, years and ordinals
 * (2022年世界互联网大会乌镇峰会, 第十九届亚运会), and stops at anything else (a verb, a
 * function word, punctuation). An event must be named after something: a name, a place-list
 * entry or a proper noun of the dictionary inside it (杭州亚运会, 茅盾文学奖), or an ending that
 * names one by itself (第十九届亚运会); 历届峰会 is none.
 */
import { eventSuffixes } from './lexicon';
import { leadingPlace } from './ner/lexiconMarks';
import { maxWordLength, wordClassOf, WordSet } from './ner/wordSet';
import type { Candidate } from './recognize';

/** Longest first, so 亚运会 wins over 运动会's shorter relatives. */
const endings = [...eventSuffixes].sort((a, b) => b.length - a.length);
const endingPattern = new RegExp(endings.join('|'), 'g');
/** Word classes an event's name is made of: person and place names, organizations, other proper nouns, nouns. */
const nameWordClasses = new Set(['nr', 'ns', 'nt', 'nz', 'n'].map(wordClassOf));
/** Endings that name an event by themselves (第十九届亚运会). */
const selfNamed = new Set(['亚运会', '奥运会', '冬奥会', '世博会', '世界杯']);
const properNounClasses = new Set(['nr', 'ns', 'nt', 'nz'].map(wordClassOf));
/** An event's name runs to about this many characters at most. */
const maxLength = 30;
const yearOrOrdinal = /(?:[0-9]{2,4}年|第[0-9一二三四五六七八九十百零〇]+届)$/;

export function namedEvents(folded: string, names: readonly Candidate[], words: WordSet | undefined): Candidate[] {
	const out: Candidate[] = [];
	for (const m of folded.matchAll(endingPattern)) {
		const end = m.index + m[0].length;
		let start = m.index;
		while (start > 0 && end - start < maxLength) {
			const name = names.find((n) => n.end === start && n.start < start);
			if (name) { start = name.start; continue; }
			const year = yearOrOrdinal.exec(folded.slice(Math.max(0, start - 8), start));
			if (year) { start -= year[0].length; continue; }
			const word = words ? nounEndingAt(folded, start, words) : 0;
			if (word === 0) { break; }
			start -= word;
		}
		if (start === m.index) { continue; }
		const named = selfNamed.has(m[0]) || names.some((n) => start <= n.start && n.end <= m.index) || placeInside(folded, start, m.index)
			|| (words !== undefined && properNounInside(folded, start, m.index, words));
		if (named) { out.push({ start, end, type: 'event', weight: 3 }); }
	}
	return out;
}

/** The length of the longest dictionary noun ending at `end` (0: none). */
function nounEndingAt(folded: string, end: number, words: WordSet): number {
	for (let length = Math.min(maxWordLength, end); length >= 2; length--) {
		if (nameWordClasses.has(words.classAt(folded, end - length, end))) { return length; }
	}
	return 0;
}

/** Whether a dictionary person, place, organization or other proper noun lies in `[start, end)` (茅盾 in 茅盾文学奖). */
function properNounInside(folded: string, start: number, end: number, words: WordSet): boolean {
	for (let i = start; i < end - 1; i++) {
		for (let j = i + 2; j <= Math.min(end, i + maxWordLength); j++) {
			if (properNounClasses.has(words.classAt(folded, i, j))) { return true; }
		}
	}
	return false;
}

function placeInside(folded: string, start: number, end: number): boolean {
	for (let i = start; i < end - 1; i++) { if (leadingPlace(folded, i, end + 1) > 0) { return true; } }
	return false;
}
