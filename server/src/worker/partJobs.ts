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
import { type FileMatches, matchNames, type NameLookup } from '../service/entities/matcher';
import type { WordSet } from '../service/entities/ner/wordSet';
import { partSize } from '../service/parts';
import type { Tagger } from '../service/types';
import { type PartsOutcome, readCorpusFileInParts, readInPartsAboveBytes } from '../files/partReader';
import { collectBetweenParts } from './heldMemory';

/** Whether a closed file is large enough to be read in parts (false when it cannot be looked at: the whole read says why). */
export function readsInParts(file: string): boolean {
	try { return statSync(file).size > readInPartsAboveBytes; } catch { return false; }
}

/** The names in a text, tallied as the entity index keeps them; a large text part after part. */
export function discoverInParts(text: string, tagger: Tagger): Discovery {
	const tally = new DiscoveryTally();
	if (text.length <= partSize) {
		tally.add(discover(text, tagger));
		return tally.result();
	}
	for (let start = 0; start < text.length;) {
		const next = text.indexOf('\n', start + partSize);
		const end = next < 0 ? text.length : next + 1;
		collectBetweenParts();
		tally.add(discover(text.slice(start, end), tagger), start);
		start = end;
	}
	return tally.result();
}

/** The mentions of known names in a text; a large text part after part (the folded copy and the spans of one part at a time). */
export function matchInParts(text: string, found: Int32Array, names: NameLookup, words?: WordSet): FileMatches {
	if (text.length <= partSize) { return matchNames(text, found, names, words); }
	const merged = new MatchesInParts();
	for (let start = 0; start < text.length;) {
		const next = text.indexOf('\n', start + partSize);
		const end = next < 0 ? text.length : next + 1;
		collectBetweenParts();
		const part = text.slice(start, end);
		merged.add(part, matchNames(part, spansWithin(found, start, end), names, words));
		start = end;
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
	const out: number[] = [];
	for (let i = 0; i < found.length; i += 2) {
		if (found[i] >= from && found[i + 1] <= to) { out.push(found[i] - from, found[i + 1] - from); }
	}
	return Int32Array.from(out);
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
		for (let at = part.indexOf('\n'); at >= 0; at = part.indexOf('\n', at + 1)) { this.#lines++; }
	}

	result(): FileMatches {
		const mentions = new Int32Array(this.#mentions.reduce((n, m) => n + m.length, 0));
		let at = 0;
		for (const m of this.#mentions) { mentions.set(m, at); at += m.length; }
		return { mentions, variants: this.#variants, occurrences: Int32Array.from([...this.#occurrences].flat()) };
	}
}
