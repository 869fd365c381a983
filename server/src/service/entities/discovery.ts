/**
 * Discovery: the names one document introduces (tag + rules, line by line), with the roles
 * written before people (世界互联网大会秘书长任贤良) and the spellings used. Lines are cached
 * by their folded text, so re-discovering an edited document costs only its changed lines.
 */
import { normalizeLine } from '../boilerplate/normalize';
import { LruCache } from '../lruCache';
import type { Tagger } from '../types';
import { organizationSuffixes, personTitles } from './lexicon';
import { Candidate, EntityType, recognizeLine } from './recognize';

/** A name found in a document, at UTF-16 offsets of the document. */
export interface Found {
	readonly start: number;
	readonly end: number;
	readonly type: EntityType;
	/** The name folded to simplified: the key that joins spellings in both scripts. */
	readonly key: string;
	/** The role written right before a person (秘书长, 世界互联网大会秘书长). */
	readonly role?: string;
}

/** Lines longer than this are not tagged (a minified or binary line is not prose). */
const maxLineLength = 20_000;
let lineCache = new LruCache<readonly Candidate[]>(50_000);

/** Empties the line cache (a benchmark that times discovery from scratch). */
export function forgetDiscoveredLines(): void { lineCache = new LruCache<readonly Candidate[]>(50_000); }

/** Folds text to simplified (and full-width punctuation to ASCII), one unit for one unit: offsets stay. */
export const foldText = (text: string): string => normalizeLine(text);

export function discover(text: string, tagger: Tagger): Found[] {
	const found: Found[] = [];
	const folded = foldText(text);
	let start = 0;
	while (start <= folded.length) {
		let end = folded.indexOf('\n', start);
		if (end < 0) { end = folded.length; }
		const lineEnd = folded.charCodeAt(end - 1) === 13 ? end - 1 : end;
		if (lineEnd - start <= maxLineLength) {
			const line = folded.slice(start, lineEnd);
			let candidates = lineCache.get(line);
			if (!candidates) {
				candidates = recognizeLine(line, tagger);
				lineCache.set(line, candidates);
			}
			for (const c of candidates) {
				const key = line.slice(c.start, c.end);
				found.push({ start: start + c.start, end: start + c.end, type: c.type, key, role: c.type === 'person' ? roleBefore(line, c, candidates) : undefined });
			}
		}
		start = end + 1;
	}
	return found;
}

/**
 * Where the organization before a title starts when the recognizer did not find it: a run of
 * Han characters from punctuation to the title, up to 12 characters, ending like an
 * organization (,世界互联网大会|秘书长). Else the title stands alone.
 */
function bodyStart(line: string, titleStart: number): number {
	let start = titleStart;
	while (start > 0 && titleStart - start < 12 && /[\u3400-\u9fff]/.test(line[start - 1])) { start--; }
	const atPunctuation = start === 0 || /[\s\p{P}]/u.test(line[start - 1]);
	const body = line.slice(start, titleStart);
	return atPunctuation && body.length > 2 && roleBodyEndings.some((e) => body.endsWith(e)) ? start : titleStart;
}

const roleBodyEndings = [...organizationSuffixes, '大会'];

/** The title right before a person, with the organization right before the title (世界互联网大会 + 秘书长). */
function roleBefore(line: string, person: Candidate, candidates: readonly Candidate[]): string | undefined {
	let end = person.start;
	if (line[end - 1] === ' ') { end--; }
	for (let length = Math.min(6, end); length >= 2; length--) {
		const title = line.slice(end - length, end);
		if (!personTitles.has(title)) { continue; }
		const titleStart = end - length;
		const body = candidates.find((c) => c.end === titleStart && (c.type === 'organization' || c.type === 'place'));
		return line.slice(body ? body.start : bodyStart(line, titleStart), end);
	}
	return undefined;
}
