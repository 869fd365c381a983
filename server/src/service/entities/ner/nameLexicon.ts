/**
 * The names of the labelled training text, with what they were: the type they were tagged with
 * most, how often the string is tagged at all where it is written (中国 is a place in most of
 * its occurrences; 发展中国家 holds one that is not) and how often it was seen. Kept as 32-bit
 * hashes like the dictionary (wordSet.ts), so the model file carries no strings. The recognizer
 * reads, at every character, the longest known name starting and ending there: the model learns
 * how far to trust a name it has seen (tools/train-ner.mjs builds this list jackknifed, from
 * the other folds of the training text, so the weights do not over-trust it).
 */
import { hashStart, hashStep, KeyTable, wordKey } from './wordSet';

export const maxNameLength = 16;

/** An entry's bits: 0–1 the type (1 person, 2 organization, 3 place), 2–4 how often tagged, 5–6 how often seen; 128: longer names start with it. */
export const nameContinues = 128;
const entryMask = 127;

/** Bucket of the share of occurrences tagged as a name (0–7). */
export function taggedBucket(tagged: number, written: number): number {
	const share = tagged / Math.max(written, tagged, 1);
	return share >= 0.95 ? 7 : share >= 0.8 ? 6 : share >= 0.6 ? 5 : share >= 0.4 ? 4 : share >= 0.2 ? 3 : share >= 0.1 ? 2 : share > 0.03 ? 1 : 0;
}

/** Bucket of how many times the name was tagged (0–3). */
export const seenBucket = (tagged: number): number => tagged >= 20 ? 3 : tagged >= 5 ? 2 : tagged >= 2 ? 1 : 0;

export const nameEntry = (type: number, tagged: number, written: number): number =>
	(type + 1) | taggedBucket(tagged, written) << 2 | seenBucket(tagged) << 5;

/** The training set's names: per key, its entry (`nameEntry`) plus `nameContinues` when longer names start with it. */
export class NameLexicon extends KeyTable {
	constructor(keys: ArrayLike<number>, entries: ArrayLike<number>) {
		super(keys, entries, true);
	}

	/**
	 * For every character of `text`: the longest known name starting there and the longest
	 * ending there, as entry (bits 0–6) and length (0: none); `covered`: the length of the
	 * longest name covering the character (its start and end marks say which).
	 */
	mark(text: string, starting: Uint8Array, startLength: Uint8Array, ending: Uint8Array, endLength: Uint8Array): void {
		const n = text.length;
		starting.fill(0, 0, n); startLength.fill(0, 0, n); ending.fill(0, 0, n); endLength.fill(0, 0, n);
		for (let i = 0; i < n; i++) {
			let h = hashStep(hashStart, text.charCodeAt(i));
			for (let j = i + 1; j < n && j - i < maxNameLength; j++) {
				h = hashStep(h, text.charCodeAt(j));
				const entry = this.entryOf(wordKey(h));
				if (entry === 0) { break; }
				if (entry & entryMask) {
					const length = j + 1 - i;
					starting[i] = entry & entryMask; startLength[i] = length;
					if (endLength[j] < length) { ending[j] = entry & entryMask; endLength[j] = length; }
				}
				if ((entry & nameContinues) === 0) { break; }
			}
		}
	}
}
