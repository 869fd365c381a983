/**
 * Tagged words of one line, with UTF-16 offsets. jieba's dictionary is simplified, so the
 * recognizer tags the line folded to simplified (t2s is one unit for one unit: offsets in the
 * folded line are offsets in the original).
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

const punctuation = /^[\s\p{P}\p{S}]+$/u;
export const isPunctuation = (t: Token): boolean => punctuation.test(t.w);

/** Function words and verbs (jieba tags): a name does not run across them. */
export function isFunctionWord(t: Token): boolean {
	const c = t.tag[0];
	return c === 'p' || c === 'c' || c === 'u' || c === 'd' || c === 'r' || c === 'y' || c === 'e' || c === 'o';
}
