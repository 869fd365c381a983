/**
 * Word lists marked on a line for the recognizer's features: which characters a place-list
 * entry starts, covers or ends, surnames, titles ending right before a character or starting
 * right after it, organization and place endings, transliteration dots. The model learns how
 * far to trust each mark from the labelled text (a place-list entry that is an ordinary word
 * in running text gets little weight).
 */
import data from '../../../../data/places.json';
import { compoundSurnames, organizationSuffixes, personTitles, singleSurnames } from '../lexicon';
import { Trie } from '../trie';

export interface LexiconMarks {
	/** Place-list entry covering the character: position (1 start, 2 inside, 3 end) × 8 + length (≤ 7). */
	readonly place: Uint8Array;
	/** 1: a one-character surname; 2: a compound surname starts here. */
	readonly surname: Uint8Array;
	/** Length of a title ending right before this character (秘书长|任贤良). */
	readonly titleBefore: Uint8Array;
	/** Length of a title starting right after this character (朱镕基|总理). */
	readonly titleAfter: Uint8Array;
	/** Which organization ending (1-based) ends at this character. */
	readonly orgEnding: Uint8Array;
	/** Distance (1–12) to the end of the nearest organization ending to the right, with no punctuation between; 0: none. */
	readonly orgAhead: Uint8Array;
	/** Which organization ending that is (as orgEnding). */
	readonly orgAheadKind: Uint8Array;
	/** 1: a middle dot before this character; 2: after it. */
	readonly dot: Uint8Array;
}

/** One trie of every list: bit 1 a place, bit 2 a title, bits 4… the organization ending's number. */
let lists: { trie: Trie; surnames: Uint8Array } | undefined;
const placeBit = 1, titleBit = 2, orgShift = 2;

function lexiconLists(): NonNullable<typeof lists> {
	if (lists) { return lists; }
	const values = new Map<string, number>();
	const add = (key: string, bits: number) => values.set(key, (values.get(key) ?? 0) | bits);
	for (const name of (data as { names: string[] }).names) { add(name, placeBit); }
	for (const t of personTitles) { add(t, titleBit); }
	// 大会 ends assemblies (世界互联网大会) as well as meetings: a mark, the model weighs it.
	[...organizationSuffixes, '大会', '代表团', '党支部', '俱乐部'].forEach((s, i) => add(s, (i + 1) << orgShift));
	const trie = new Trie();
	for (const [key, value] of values) { trie.add(key, value); }
	// Per code unit: 1 a one-character surname, 2 the first character of a compound one (both: 3).
	const surnames = new Uint8Array(65536);
	for (const c of singleSurnames) { surnames[c.charCodeAt(0)] |= 1; }
	for (const c of compoundSurnames) { surnames[c.charCodeAt(0)] |= 2; }
	return lists = { trie, surnames };
}

const isDot = (c: number): boolean => c === 0xb7 || c === 0x30fb || c === 0x2022 || c === 0x2027;

/** Buffers reused line after line (the marks are read before the next line is marked). */
let size = 0;
let buffers: Uint8Array[] = [];

export function lexiconMarks(folded: string): LexiconMarks {
	const n = folded.length;
	const { trie, surnames } = lexiconLists();
	if (n + 1 > size) { size = 2 * n + 1; buffers = Array.from({ length: 10 }, () => new Uint8Array(size)); }
	for (const b of buffers) { b.fill(0, 0, n + 1); }
	const [place, placeLength, surname, titleBefore, titleAfter, orgEnding, orgLength, orgAhead, orgAheadKind, dot] = buffers;
	trie.forEachMatch(folded, (start, end, value) => {
		const length = end - start;
		if (value & placeBit) {
			for (let i = start; i < end; i++) {
				if (length <= placeLength[i]) { continue; }
				placeLength[i] = length;
				place[i] = (i === start ? 1 : i === end - 1 ? 3 : 2) * 8 + Math.min(length, 7);
			}
		}
		if (value & titleBit) {
			if (end < n && length > titleBefore[end]) { titleBefore[end] = length; }
			if (start > 0 && length > titleAfter[start - 1]) { titleAfter[start - 1] = length; }
		}
		// The longest ending wins (有限公司 over 公司).
		if (value >>> orgShift && length > orgLength[end - 1]) { orgLength[end - 1] = length; orgEnding[end - 1] = value >>> orgShift; }
	});
	for (let i = 0; i < n; i++) {
		const kind = surnames[folded.charCodeAt(i)];
		if (kind === 0) { continue; }
		surname[i] = kind & 2 && compoundSurnames.includes(folded.slice(i, i + 2)) ? 2 : kind & 1;
	}
	for (let i = n - 1, next = -1; i >= 0; i--) {
		const c = folded.charCodeAt(i);
		if ((c < 0x3400 || c > 0x9fff) && !(c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122)) { next = -1; }
		if (orgEnding[i]) { next = i; }
		if (next >= 0 && next - i < 12) { orgAhead[i] = next - i + 1; orgAheadKind[i] = orgEnding[next]; }
	}
	for (let i = 0; i < n; i++) {
		if (!isDot(folded.charCodeAt(i))) { continue; }
		if (i + 1 < n) { dot[i + 1] = 1; }
		if (i > 0) { dot[i - 1] = 2; }
	}
	return { place, surname, titleBefore, titleAfter, orgEnding, orgAhead, orgAheadKind, dot };
}

/** The end of the longest place-list name starting at `start` and ending before `end` (江苏省 in 江苏省人民政府); 0: none. */
export function leadingPlace(folded: string, start: number, end: number): number {
	const { trie } = lexiconLists();
	let best = 0;
	trie.forEachMatch(folded, (s, e, value) => { if (s === start && value & placeBit && e < end) { best = e; } }, start, end - 1);
	return best;
}
