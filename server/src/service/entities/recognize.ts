/**
 * Finds the names in one line: jieba's tagged words plus the rules news text makes reliable
 * (titles before people, endings of organizations and events, the place gazetteer, 《works》).
 * Works on the line folded to simplified; offsets are the original line's.
 */
import type { Tagger } from '../types';
import { bracketedAbbreviations, suffixedOrganizations, taggedOrganizations } from './organizations';
import { bracketedLatin, dottedPersons, taggedPersons, titledPersons } from './persons';
import { gazetteerPlaces, taggedPlaces } from './places';
import { boundaries, tokenize, words } from './tokens';

export type EntityType = 'person' | 'organization' | 'place' | 'work' | 'event';
export const entityTypes: readonly EntityType[] = ['person', 'organization', 'place', 'work', 'event'];

export interface Candidate {
	readonly start: number;
	readonly end: number;
	readonly type: EntityType;
	/** Which candidate wins when two cross: titles and brackets (3) over endings and jieba (2) over the gazetteer (1). */
	readonly weight: number;
}

const workTitle = /《([^《》\n]{1,40})》/g;

/** The names of one line (folded to simplified), nested ones included, crossing ones resolved. */
export function recognizeLine(folded: string, tagger: Tagger): Candidate[] {
	if (!/[\u3400-\u9fff]/.test(folded)) { return []; }
	const tokens = tokenize(folded, tagger);
	const cuts = boundaries(tokens);
	const indexed = words(tokens);
	const candidates: Candidate[] = [];
	for (const m of folded.matchAll(workTitle)) {
		candidates.push({ start: m.index + 1, end: m.index + 1 + m[1].length, type: 'work', weight: 4 });
	}
	const people = [...titledPersons(folded, indexed, cuts), ...dottedPersons(folded, indexed), ...taggedPersons(tokens)];
	candidates.push(...people, ...bracketedLatin(folded, people));
	const organizations = [...suffixedOrganizations(folded, tokens), ...taggedOrganizations(tokens)];
	candidates.push(...organizations, ...bracketedAbbreviations(folded, organizations));
	candidates.push(...gazetteerPlaces(folded, indexed, cuts), ...taggedPlaces(tokens));
	return resolve(candidates);
}

/**
 * Keeps nested names (乌镇 inside 2022年世界互联网大会乌镇峰会) but not crossing ones: the
 * heavier, then the longer, wins. Nothing nests inside a person or a work.
 */
export function resolve(candidates: readonly Candidate[]): Candidate[] {
	// On equal weight and span a place wins (香港特别行政区 is a place jieba calls an organization).
	const sorted = [...candidates].sort((a, b) => b.weight - a.weight || (b.end - b.start) - (a.end - a.start) || a.start - b.start || Number(b.type === 'place') - Number(a.type === 'place'));
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
