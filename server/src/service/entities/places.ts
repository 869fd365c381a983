/**
 * Places: the built-in gazetteer (administrative divisions of China with short forms, the
 * world's countries and regions; server/data/places.json) matched at word boundaries, and
 * jieba's place words that end in a place suffix.
 */
import data from '../../../data/places.json';
import { organizationSuffixes, placeSuffixes } from './lexicon';
import type { Candidate } from './recognize';
import { Token, Words } from './tokens';
import { Trie } from './trie';

let gazetteer: Trie | undefined;
const ordinaryWordTags = /^(v|vn|vd|a|ad|an|d|c|p|u|r|m|q)$/;

function placeTrie(): Trie {
	if (gazetteer) { return gazetteer; }
	gazetteer = new Trie();
	for (const name of (data as { names: string[] }).names) { gazetteer.add(name, 0); }
	return gazetteer;
}

export function* gazetteerPlaces(text: string, words: Words, cuts: ReadonlySet<number>): Generator<Candidate> {
	let last: Candidate | undefined;
	for (const m of placeTrie().matches(text)) {
		// A place name is a word or a run of words, never part of one (新建 is not 新 + 建…), except
		// at the start of an organization word (中国 in 中国科学院, 香港 in 香港贸易发展局).
		if (!cuts.has(m.start)) { continue; }
		const word = words.byStart.get(m.start);
		if (!cuts.has(m.end)) {
			if (!word || word.tag !== 'nt' || m.end - m.start < 2 || !organizationSuffixes.some((s) => word.w.endsWith(s))) { continue; }
		} else if (word && word.end === m.end && ordinaryWordTags.test(word.tag)) {
			// One word jieba knows as a verb, adjective or adverb (普惠, 振兴): a place only in other contexts.
			continue;
		}
		let end = m.end;
		// 嘉兴 + 市 when 市 is its own word (not 丽水 + 市民).
		const next = words.byStart.get(end);
		if (next && placeSuffixes.has(next.w)) { end = next.end; }
		// Matches come shortest first per start: 江苏省 replaces 江苏.
		if (last && last.start !== m.start) { yield last; }
		last = { start: m.start, end, type: 'place', weight: 1 };
	}
	if (last) { yield last; }
}

export function* taggedPlaces(tokens: readonly Token[]): Generator<Candidate> {
	for (const t of tokens) {
		if (t.tag !== 'ns' || t.w.length < 3) { continue; }
		const suffix = [...placeSuffixes].find((s) => t.w.endsWith(s) && t.w.length - s.length >= 2);
		if (suffix) { yield { start: t.start, end: t.end, type: 'place', weight: 1 }; }
	}
}
