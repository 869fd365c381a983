/**
 * Finds the names in one line: the trained recognizer (ner/model.ts) for people,
 * organizations and places, 《works》, named events (events.ts), and the other name of a person
 * or organization written in brackets right after it. No segmenter runs.
 * Works on the line folded to simplified; offsets are the original line's.
 */
import type { Tagger } from '../types';
import { namedEvents } from './events';
import { organizationSuffixes } from './lexicon';
import { leadingPlace } from './ner/lexiconMarks';
import { wordClassOf, WordSet } from './ner/wordSet';
import { bracketedAbbreviations } from './organizations';
import { bracketedLatin } from './persons';

export type EntityType = 'person' | 'organization' | 'place' | 'work' | 'event';
export const entityTypes: readonly EntityType[] = ['person', 'organization', 'place', 'work', 'event'];

export interface Candidate {
	readonly start: number;
	readonly end: number;
	readonly type: EntityType;
	/** Which candidate wins when two cross: works (4) over the recognizer, events and brackets (3). */
	readonly weight: number;
}

const workTitle = /《([^《》\n]{1,40})》/g;
const han = /[\u3400-\u9fff]/;

/** The names of one line (folded to simplified), nested ones included, crossing ones resolved. */
export function recognizeLine(folded: string, tagger: Tagger): Candidate[] {
	if (!han.test(folded)) { return []; }
	const candidates: Candidate[] = [];
	for (const m of folded.matchAll(workTitle)) {
		candidates.push({ start: m.index + 1, end: m.index + 1 + m[1].length, type: 'work', weight: 4 });
	}
	const model = tagger.nameModel;
	const names: Candidate[] = (model?.tag(folded) ?? []).filter((s) => !(s.type === 'organization' && model && isGenericOrganization(folded, s, model.words)))
		.map((s) => ({ ...s, weight: 3 }));
	candidates.push(...names);
	candidates.push(...bracketedLatin(folded, names.filter((c) => c.type === 'person')));
	candidates.push(...bracketedAbbreviations(folded, names.filter((c) => c.type === 'organization')));
	candidates.push(...namedEvents(folded, names, model?.words));
	// The place an organization or event is named after, nested in it (江苏省 in 江苏省人民政府).
	for (const c of [...candidates]) {
		if (c.type !== 'organization' && c.type !== 'event') { continue; }
		const end = leadingPlace(folded, c.start, c.end);
		if (end > 0) { candidates.push({ start: c.start, end, type: 'place', weight: 2 }); }
	}
	return resolve(candidates);
}

/** 市政府, 行业协会, 记者团: an ordinary noun of the dictionary ending like an organization names none. */
function isGenericOrganization(folded: string, c: { start: number; end: number }, words: WordSet): boolean {
	const text = folded.slice(c.start, c.end);
	return words.classAt(folded, c.start, c.end) === wordClassOf('n') && organizationSuffixes.some((s) => text.endsWith(s) && text.length > s.length);
}

/**
 * Keeps nested names (乌镇 inside 2022年世界互联网大会乌镇峰会) but not crossing ones: the
 * heavier, then the longer, wins. Nothing nests inside a person or a work.
 */
export function resolve(candidates: readonly Candidate[]): Candidate[] {
	const sorted = [...candidates].sort((a, b) => b.weight - a.weight || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
	const kept: Candidate[] = [];
	for (const c of sorted) {
		const clash = kept.some((k) => {
			if (c.end <= k.start || k.end <= c.start) { return false; }
			if (c.start === k.start && c.end === k.end) { return true; }
			const cInK = k.start <= c.start && c.end <= k.end;
			const kInC = c.start <= k.start && k.end <= c.end;
			if (cInK) { return k.type === 'person' || k.type === 'work'; }
			if (kInC) { return c.type === 'person' || c.type === 'work'; }
			return true;
		});
		if (!clash) { kept.push(c); }
	}
	return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}
