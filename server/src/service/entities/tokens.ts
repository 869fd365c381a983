/**
 * jieba's tagged words of one line, with UTF-16 offsets (the line folded to simplified: t2s is
 * one unit for one unit, so offsets in the folded line are offsets in the original). The name
 * recognizer needs no segmenter; this stays for the script check's name finder, which reads
 * jieba's name tags too.
 */
import type { Tagger } from '../types';

export interface Token {
	readonly w: string;
	/** jieba's part-of-speech tag: ns place, nr person, nt organization, v verb, x unknown/punctuation… */
	readonly tag: string;
	readonly start: number;
	readonly end: number;
}

export function tokenize(folded: string, tagger: Tagger): Token[] {
	const out: Token[] = [];
	let at = 0;
	for (const { word, tag } of tagger.tag(folded)) {
		out.push({ w: word, tag, start: at, end: at + word.length });
		at += word.length;
	}
	// jieba's words concatenate to its input; if a tagger ever did not, offsets would lie: use none.
	return at === folded.length ? out : [];
}

const hanRun = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
export const isHanWord = (s: string): boolean => hanRun.test(s);
