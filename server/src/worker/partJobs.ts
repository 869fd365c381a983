/**
 * Tagging and matching a large text part after part, cut at line ends: both read one line at a
 * time (a name never spans a line break), so the names and mentions are those of one pass over
 * the whole text, at the same offsets. A closed file above `readInPartsAboveBytes` is read from
 * disk a part at a time (partReader.ts), so a worker tagging a 200 MB file holds one part of
 * it, not the whole text for the minutes the tagging takes. The garbage of a part is collected
 * before the next once it is worth it (heldMemory.ts).
 */
import { statSync } from 'node:fs';
import { discover } from '../service/entities/discovery';
import { type Discovery, DiscoveryTally } from '../service/entities/discoveryTally';
import { endsLine, type FileMatches, matchNames, type NameLookup } from '../service/entities/matcher';
import type { WordSet } from '../service/entities/ner/wordSet';
import { partSize } from '../service/parts';
import type { Tagger } from '../service/types';
import { type PartsOutcome, readCorpusFileInParts, readInPartsAboveBytes } from '../files/partReader';
import { collectBetweenParts } from './heldMemory';

/** Whether a closed file is large enough to be read in parts (false when it cannot be looked at: the whole read says why). */
export function readsInParts(file: string): boolean {
	try { return statSync(file).size > readInPartsAboveBytes; } catch { return false; }
}

/**
 * How a text is cut when the work on it must be able to stop often: parts of about `size` units
 * (at least that many, to the next line end), and `between` called before each.
 */
export interface Steps { readonly size: number; readonly between: () => void }

/** Parts of at least `size` units cut after a line end: the start of each, then the text's length. */
function lineParts(text: string, size: number): number[] {
	const bounds = [0];
	for (let start = 0; start < text.length;) {
		const next = text.indexOf('\n', start + size);
		start = next < 0 ? text.length : next + 1;
		bounds.push(start);
	}
	return bounds;
}

/** The names in a text, tallied as the entity index keeps them; a large text (or any, in `steps`) part after part. */
export function discoverInParts(text: string, tagger: Tagger, steps?: Steps): Discovery {
	const tally = new DiscoveryTally();
	if (text.length <= (steps?.size ?? partSize)) {
		steps?.between();
		tally.add(discover(text, tagger));
		return tally.result();
	}
	const bounds = lineParts(text, steps?.size ?? partSize);
	for (let i = 0; i + 1 < bounds.length; i++) {
		if (steps) { steps.between(); } else { collectBetweenParts(); }
		tally.add(discover(text.slice(bounds[i], bounds[i + 1]), tagger), bounds[i]);
	}
	return tally.result();
}

/** The mentions of known names in a text; a large text (or any, in `steps`) part after part (the folded copy and the spans of one part at a time). */
export function matchInParts(text: string, found: Int32Array, names: NameLookup, words?: WordSet, steps?: Steps): FileMatches {
	if (text.length <= (steps?.size ?? partSize)) {
		steps?.between();
		return matchNames(text, found, names, words);
	}
	const bounds = lineParts(text, steps?.size ?? partSize);
	const spans = spansByPart(found, bounds);
	const merged = new MatchesInParts();
	for (let i = 0; i + 1 < bounds.length; i++) {
		if (steps) { steps.between(); } else { collectBetweenParts(); }
		const part = text.slice(bounds[i], bounds[i + 1]);
		merged.add(part, matchNames(part, spans[i], names, words));
	}
	return merged.result();
}

/** The names in a file read part after part; undefined names when it cannot be read as text. */
export function discoverFile(file: string, maxBytes: number, tagger: Tagger): PartsOutcome & { found?: Discovery } {
	const tally = new DiscoveryTally();
	const outcome = readCorpusFileInParts(file, maxBytes, (part, offset) => {
		collectBetweenParts();
		tally.add(discover(part, tagger), offset);
	});
	return outcome.skipped ? outcome : { ...outcome, found: tally.result() };
}

/** The mentions of known names in a file read part after part; undefined when it cannot be read as text. */
export function matchFile(file: string, maxBytes: number, found: Int32Array, names: NameLookup, words?: WordSet): FileMatches | undefined {
	const merged = new MatchesInParts();
	const outcome = readCorpusFileInParts(file, maxBytes, (part, offset) => {
		collectBetweenParts();
		merged.add(part, matchNames(part, spansWithin(found, offset, offset + part.length), names, words));
	});
	return outcome.skipped ? undefined : merged.result();
}

/** The start, end pairs of `found` within [from, to), moved to offsets from `from`. */
function spansWithin(found: Int32Array, from: number, to: number): Int32Array {
	return spansByPart(found, [from, to])[0];
}

/**
 * The start, end pairs of `found` within each part [bounds[i], bounds[i + 1]), moved to offsets
 * from the part's start, in their order in `found`; a pair across a cut is in no part. One pass
 * (a search among the cuts per pair), not one pass per part: a text cut in steps has hundreds.
 */
function spansByPart(found: Int32Array, bounds: readonly number[]): Int32Array[] {
	const parts = bounds.length - 1;
	const lists: number[][] = Array.from({ length: parts }, () => []);
	for (let i = 0; i < found.length; i += 2) {
		const start = found[i], end = found[i + 1];
		if (start < bounds[0] || end > bounds[parts]) { continue; }
		// The last part that starts at or before `start`.
		let lo = 0, hi = parts - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (bounds[mid] <= start) { lo = mid; } else { hi = mid - 1; }
		}
		if (end <= bounds[lo + 1]) { lists[lo].push(start - bounds[lo], end - bounds[lo]); }
	}
	return lists.map((l) => Int32Array.from(l));
}

/** Parts' matches as one text's: mentions' lines counted from the file's start, occurrences summed. */
class MatchesInParts {
	#mentions: Int32Array[] = [];
	#variants: (number | string)[] = [];
	#occurrences = new Map<number, number>();
	#lines = 0;

	add(part: string, m: FileMatches): void {
		const mentions = m.mentions;
		for (let i = 0; i < mentions.length; i += 4) { mentions[i] += this.#lines; }
		this.#mentions.push(mentions);
		for (const v of m.variants) { this.#variants.push(v); }
		for (let i = 0; i < m.occurrences.length; i += 2) { this.#occurrences.set(m.occurrences[i], (this.#occurrences.get(m.occurrences[i]) ?? 0) + m.occurrences[i + 1]); }
		for (let at = 0; at < part.length; at++) { if (endsLine(part, at)) { this.#lines++; } }
	}

	result(): FileMatches {
		const mentions = new Int32Array(this.#mentions.reduce((n, m) => n + m.length, 0));
		let at = 0;
		for (const m of this.#mentions) { mentions.set(m, at); at += m.length; }
		return { mentions, variants: this.#variants, occurrences: Int32Array.from([...this.#occurrences].flat()) };
	}
}
