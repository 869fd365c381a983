/**
 * OpenCC's conversion of a short text (a name), the same answer as opencc-js's `Converter` from
 * the same dictionaries and in the same steps, without its trie. opencc-js builds a trie of maps
 * over every phrase of a preset on its first use: ≈ 330 ms and ≈ 50 MB of heap for the 50,000
 * phrases of s2t (245–276 ms and 53 MB resident measured here). entity.variant met that on the
 * first traditional name it wrote in a worker's re-check (after the first scan, near the corpus's
 * memory peak) or in an edited document, and a name's hover on the server's thread. A name needs
 * a few look-ups, so each dictionary here is one Map of its phrases up to `shortText` units, made
 * once and shared by the presets (all four in ≈ 85 ms and 16 MB).
 *
 * Kept equal to opencc-js (test/unit/shortConvert.test.ts compares them): the first dictionary of
 * a group that holds a phrase gives its value (`Trie.loadDictGroup` loads them in reverse, the
 * last load winning), the longest phrase at a position is taken, unmatched text is copied an
 * ideographic description sequence or a code point at a time, and a preset with a segmentation
 * converts each segment alone.
 */
import { Locale } from 'opencc-js';

/** Texts up to this many UTF-16 units are converted here; longer ones by opencc-js (convert.ts). */
export const shortText = 64;

type Dictionary = string | readonly (readonly [string, string])[];

/** A dictionary's phrases of at most `shortText` units, made once per dictionary (the presets share theirs). */
interface Phrases { readonly map: Map<string, string>; readonly longest: number }
const dictionaries = new Map<Dictionary, Phrases>();

function phrasesOf(dictionary: Dictionary): Phrases {
	let made = dictionaries.get(dictionary);
	if (made) { return made; }
	const map = new Map<string, string>();
	let longest = 0;
	const add = (source: string, target: string | undefined) => {
		if (typeof target !== 'string') { throw new TypeError('a dictionary entry without a replacement'); }
		// The trie never gives the root's value: an empty source never matches. A later entry replaces an earlier one, as in the trie.
		if (source.length === 0 || source.length > shortText) { return; }
		map.set(source, target);
		if (source.length > longest) { longest = source.length; }
	};
	if (typeof dictionary === 'string') {
		// `source target|…` read in place: splitting 50,000 entries into arrays doubled the cost.
		for (let at = 0; at <= dictionary.length;) {
			let bar = dictionary.indexOf('|', at);
			if (bar < 0) { bar = dictionary.length; }
			const space = dictionary.indexOf(' ', at);
			if (space < 0 || space > bar) { throw new TypeError('a dictionary entry without a replacement'); }
			const next = dictionary.indexOf(' ', space + 1);
			add(dictionary.slice(at, space), dictionary.slice(space + 1, next < 0 || next > bar ? bar : next));
			at = bar + 1;
		}
	} else {
		for (const [source, target] of dictionary) { add(source, target); }
	}
	made = { map, longest };
	dictionaries.set(dictionary, made);
	return made;
}

/** One trie of opencc-js: a dictionary group, whose first dictionary holding a phrase gives its value (`Trie.loadDictGroup` loads them in reverse). */
export class PhraseMap {
	readonly #group: Phrases[];
	readonly #longest: number;

	constructor(group: readonly Dictionary[]) {
		this.#group = group.map(phrasesOf);
		this.#longest = Math.max(0, ...this.#group.map((d) => d.longest));
	}

	/** The end of the longest phrase at `start`, or `start` when none; its value in `value`. */
	matchAt(text: string, start: number): number {
		for (let end = Math.min(text.length, start + this.#longest); end > start; end--) {
			const key = text.slice(start, end);
			for (const d of this.#group) {
				const value = d.map.get(key);
				if (value !== undefined) { this.value = value; return end; }
			}
		}
		return start;
	}

	value = '';

	/** The text converted: each longest phrase replaced by its value, the rest kept. */
	convert(text: string): string { return this.#pieces(text, true).join(''); }

	/** The text cut into its phrases and the runs between them. */
	segment(text: string): string[] { return this.#pieces(text, false); }

	/** Phrases (their values when `converting`) and the runs no phrase matches, in order: opencc-js's walk. */
	#pieces(text: string, converting: boolean): string[] {
		const out: string[] = [];
		let copyFrom = -1;
		for (let i = 0; i < text.length;) {
			const end = this.matchAt(text, i);
			if (end > i) {
				if (copyFrom >= 0) { out.push(text.slice(copyFrom, i)); copyFrom = -1; }
				out.push(converting ? this.value : text.slice(i, end));
				i = end;
			} else {
				if (copyFrom < 0) { copyFrom = i; }
				i += unmatchedStep(text, i);
			}
		}
		if (copyFrom >= 0) { out.push(text.slice(copyFrom)); }
		return out;
	}
}

const unitsAt = (text: string, i: number) => ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);

/** Operands of an ideographic description character (⿰ takes two, ⿲ three), 0 for any other. */
function operands(code: number | undefined): number {
	if (code === undefined) { return 0; }
	if (code >= 0x2ff0 && code <= 0x2ff1) { return 2; }
	if (code >= 0x2ff2 && code <= 0x2ff3) { return 3; }
	return code >= 0x2ff4 && code <= 0x2fff ? 2 : 0;
}

/** The end of the ideographic description sequence at `i`, or 0 when none is complete there. */
function sequenceEnd(text: string, i: number): number {
	const count = operands(text.codePointAt(i));
	if (count === 0) { return 0; }
	let j = i + unitsAt(text, i);
	for (let k = 0; k < count; k++) {
		if (j >= text.length) { return 0; }
		j = sequenceEnd(text, j) || j + unitsAt(text, j);
	}
	return j;
}

/** How far opencc-js moves over text no phrase matches: a whole description sequence, else one code point. */
function unmatchedStep(text: string, i: number): number {
	const end = sequenceEnd(text, i);
	return end > i ? end - i : unitsAt(text, i);
}

/** Locale names as opencc-js's Converter forms them from `from` and `to`. */
export type ShortPreset = 's2t' | 's2tw' | 's2hk' | 'tw2s';

/** Whether this opencc-js gives its presets' dictionaries (`Locale.configs`); without them convert.ts uses its Converter. */
export const shortPresetsAvailable = (['s2t', 's2tw', 's2hk', 'tw2s'] as const).every((name) => Locale.configs?.[name] !== undefined);

interface Preset { readonly normalize: PhraseMap[]; readonly segmentation?: PhraseMap; readonly chain: PhraseMap[] }

const presets = new Map<ShortPreset, Preset>();

function preset(name: ShortPreset): Preset {
	let made = presets.get(name);
	if (!made) {
		const config = Locale.configs![name] as { normalizationChain?: readonly Dictionary[][]; segmentation?: Dictionary | readonly Dictionary[]; conversionChain: readonly (readonly Dictionary[])[] };
		made = {
			normalize: (config.normalizationChain ?? []).map((group) => new PhraseMap(group)),
			// As opencc-js reads it: none when empty, a group when a list of dictionary strings, else one dictionary.
			segmentation: !config.segmentation ? undefined
				: new PhraseMap(Array.isArray(config.segmentation) && config.segmentation.every((d) => typeof d === 'string') ? config.segmentation as readonly string[] : [config.segmentation as Dictionary]),
			chain: config.conversionChain.map((group) => new PhraseMap(group)),
		};
		presets.set(name, made);
	}
	return made;
}

/** `text` (at most `shortText` units) converted as opencc-js's Converter for `name` converts it. */
export function convertShort(text: string, name: ShortPreset): string {
	const p = preset(name);
	const normalized = p.normalize.reduce((t, map) => map.convert(t), text);
	const segments = p.segmentation ? p.segmentation.segment(normalized) : [normalized];
	return p.chain.reduce((parts, map) => parts.map((part) => map.convert(part)), segments).join('');
}
