/**
 * An upper-case abbreviation in brackets right after an organization the recognizer found is
 * the same organization's other name (全球移动通信系统协会(GSMA)).
 */
import type { Candidate } from './recognize';

/** `全球移动通信系统协会(GSMA)`: an upper-case abbreviation in brackets right after an organization. */
export function* bracketedAbbreviations(text: string, organizations: readonly Candidate[]): Generator<Candidate> {
	for (const o of organizations) {
		const m = /^[(（]([A-Z][A-Za-z0-9&]{1,11})[)）]/.exec(text.slice(o.end, o.end + 14));
		if (m) { yield { start: o.end + 1, end: o.end + 1 + m[1].length, type: 'organization', weight: 3 }; }
	}
}
