/**
 * Tier 2 of the entity index for one file: every mention of every known name, found by one
 * scan of the text folded to simplified. Pure and table-free, so the same code runs on the
 * server's thread (an open document) and in the workers that read closed files; the caller
 * gives the names through `NameLookup` and gets packed mentions back.
 */
import { foldText } from './discovery';
import { maxWordLength, WordSet } from './ner/wordSet';
import type { EntityType } from './recognize';
import type { Trie } from './trie';

/** The known names as the matcher needs them. */
export interface NameLookup {
	/** Every live key → entity id. */
	trie(): Trie;
	/** The entity whose key this is (discovered spans are looked up by key). */
	idOfKey(key: string): number | undefined;
	/** The entity's type; undefined when the id is no longer live. */
	typeOfId(id: number): EntityType | undefined;
	isGazetteerId(id: number): boolean;
	/** Whether the name is matched where the recognizer did not find it (enough evidence that it is a name). */
	spreadsId(id: number): boolean;
}

export interface FileMatches {
	/** Packed mentions: line, character, length, entity id; outermost first per start. */
	readonly mentions: Int32Array;
	/** Spellings that differ from their key (任賢良 for 任贤良): entity id, spelling, … */
	readonly variants: readonly (number | string)[];
	/** How often each known name is written here as a word of its own, found or not: entity id, count, … */
	readonly occurrences: Int32Array;
}

interface Span { start: number; end: number; id: number; atomic: boolean; type: EntityType }

const isHanCode = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/**
 * Whether the unit at `i` ends a line as documents and editors count lines: `\n`, and a `\r` not
 * followed by `\n` (old Mac files). Counted by `\n` alone, every mention after a lone `\r` was
 * shown, renamed and fixed on the wrong line.
 */
export function endsLine(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/**
 * Every mention of a known name in `text`, plus the spans the recognizer found there
 * (`found`: start, end pairs), which count even where a bare match would be doubted. A bare
 * match counts only for a name with enough evidence (`spreadsId`), written as a word of its
 * own among the words of `words` (其中国有企业 holds no 中国).
 */
export function matchNames(text: string, found: Int32Array, names: NameLookup, words?: WordSet): FileMatches {
	// No name known and none found (a first scan's index jobs): nothing to fold the text for.
	if (found.length === 0 && names.trie().size === 0) { return { mentions: new Int32Array(0), variants: [], occurrences: new Int32Array(0) }; }
	const folded = foldText(text);
	const spans: Span[] = [];
	const seen = new Set<number>();
	const occurrences = new Map<number, number>();
	names.trie().forEachMatch(folded, (start, end, id) => {
		const type = names.typeOfId(id);
		if (type === undefined || !plausible(folded, start, end, type, names.isGazetteerId(id))) { return; }
		if (words && !names.isGazetteerId(id) && !standsAsWord(folded, start, end, words)) { return; }
		occurrences.set(id, (occurrences.get(id) ?? 0) + 1);
		if (!names.spreadsId(id)) { return; }
		spans.push({ start, end, id, type, atomic: isAtomic(type, id, names) });
		seen.add(start * 65536 + end - start);
	});
	for (let i = 0; i < found.length; i += 2) {
		const start = found[i], end = found[i + 1];
		const id = names.idOfKey(folded.slice(start, end));
		const type = id === undefined ? undefined : names.typeOfId(id);
		if (id !== undefined && type !== undefined && !seen.has(start * 65536 + end - start)) {
			spans.push({ start, end, id, type, atomic: isAtomic(type, id, names) });
		}
	}
	const kept = outermostFirst(spans);
	const mentions = new Int32Array(kept.length * 4);
	const variants: (number | string)[] = [];
	let line = 0, lineStart = 0, scanned = 0;
	kept.forEach((s, i) => {
		for (; scanned < s.start; scanned++) { if (endsLine(text, scanned)) { line++; lineStart = scanned + 1; } }
		mentions[i * 4] = line;
		mentions[i * 4 + 1] = s.start - lineStart;
		mentions[i * 4 + 2] = s.end - s.start;
		mentions[i * 4 + 3] = s.id;
		const written = text.slice(s.start, s.end);
		if (written !== folded.slice(s.start, s.end)) { variants.push(s.id, written); }
	});
	return { mentions, variants, occurrences: Int32Array.from([...occurrences].flat()) };
}

/** Nothing nests inside a person, a work or a gazetteer entry (the user's unit overrides the recognizer: 华东 in 华东所). */
function isAtomic(type: EntityType, id: number, names: NameLookup): boolean {
	return type === 'person' || type === 'work' || names.isGazetteerId(id);
}

/** How far back the words before a match are followed (a run of Han characters longer than this is cut). */
const lookBack = 40;

/**
 * Whether `[start, end)` stands as a word of its own where the dictionary's words are read
 * longest first from the start of the run of Han characters: 其中国有企业 reads 其中|国有|企业,
 * so 中国 does not stand there; 中国有 reads 中国|有, so it does. A dictionary word longer than
 * the name starting where it starts (中国人民) swallows it too.
 */
export function standsAsWord(folded: string, start: number, end: number, words: WordSet): boolean {
	let p = start;
	while (p > 0 && start - p < lookBack && isHanCode(folded.charCodeAt(p - 1))) { p--; }
	while (p < start) { p += Math.max(1, longestWord(folded, p, words)); }
	return p === start && longestWord(folded, start, words) <= end - start;
}

function longestWord(folded: string, at: number, words: WordSet): number {
	for (let length = Math.min(maxWordLength, folded.length - at); length >= 2; length--) {
		if (words.has(folded, at, at + length)) { return length; }
	}
	return 0;
}

/**
 * A known name found by the scan counts where it stands alone: a two-character person name
 * with Han characters on both sides is likely part of other words (王浩 in 帝王浩荡).
 */
function plausible(folded: string, start: number, end: number, type: EntityType, gazetteer: boolean): boolean {
	if (end - start > 2 || gazetteer || type !== 'person') { return true; }
	return !(isHanCode(folded.charCodeAt(start - 1)) && isHanCode(folded.charCodeAt(end)));
}

/** Longest first; a span crossing a kept one, or inside a kept person or work, is dropped. */
function outermostFirst(spans: Span[]): Span[] {
	spans.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
	const kept: Span[] = [];
	// Kept spans by start position, so a clash check looks only at spans that can overlap.
	const byStart = new Map<number, Span[]>();
	let longest = 0;
	for (const s of spans) {
		let clash = false;
		for (let p = s.start - longest + 1; p < s.end && !clash; p++) {
			for (const k of byStart.get(p) ?? []) {
				if (s.start < k.end && k.start < s.end && (s.start < k.start || s.end > k.end || k.atomic || (s.start === k.start && s.end === k.end))) { clash = true; break; }
			}
		}
		if (clash) { continue; }
		kept.push(s);
		const list = byStart.get(s.start);
		if (list) { list.push(s); } else { byStart.set(s.start, [s]); }
		longest = Math.max(longest, s.end - s.start);
	}
	kept.sort((a, b) => a.start - b.start || b.end - a.end);
	// 互联网大会 is known from a line where the name was cut short; inside 世界互联网大会 it is not a
	// second name. A nested organization or event ending where its container ends counts only
	// after a place (国家互联网信息办公室 in 中国 + 国家互联网信息办公室).
	return kept.filter((inner) => {
		if (inner.type !== 'organization' && inner.type !== 'event') { return true; }
		const outer = nestedIn(byStart, inner, longest);
		if (!outer) { return true; }
		return (byStart.get(outer.start) ?? []).some((p) => p.end === inner.start && p.type === 'place');
	});
}

/** A kept span other than `inner` that ends where it ends and starts before it. */
function nestedIn(byStart: Map<number, Span[]>, inner: Span, longest: number): Span | undefined {
	for (let p = Math.max(0, inner.end - longest); p < inner.start; p++) {
		const o = (byStart.get(p) ?? []).find((s) => s.end === inner.end);
		if (o) { return o; }
	}
	return undefined;
}
