/**
 * What the mixed-script judge asks of a line beyond its characters, computed lazily where an
 * issue asks: the names of the sentence around it (the name finder) and jieba's words of the Han
 * run holding it (a long paragraph is never tagged or cut whole).
 */
import { LruCache } from '../lruCache';
import type { Segmenter } from '../types';
import { FixedTarget, RawIssue, toSimplified } from './detect';
import type { NameFinder, NameSpan } from './names';
import { scriptTables } from './tables';

const isHanCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** The sentence around `at` (to 。！？；, at most 80 units each way): a name finder's window. */
function sentenceAt(line: string, at: number): [number, number] {
	let start = at;
	while (start > 0 && at - start < 80 && !/[。！？；!?;]/.test(line[start - 1])) { start--; }
	let end = at;
	while (end < line.length && end - at < 80 && !/[。！？；!?;]/.test(line[end])) { end++; }
	return [start, Math.min(line.length, end + 1)];
}

/** The names of a line, found sentence by sentence where an issue asks (a long paragraph is not tagged whole). */
export class NamesOf {
	/** Made on first use: most lines judged never ask for names. */
	#spans: Map<number, readonly NameSpan[]> | undefined;
	constructor(readonly line: string, readonly reading: string, readonly finder: NameFinder | undefined) {}

	/** The name spans of the sentence holding `at`, in line offsets. */
	at(at: number): readonly NameSpan[] {
		if (!this.finder) { return []; }
		const [start, end] = sentenceAt(this.line, at);
		this.#spans ??= new Map();
		let spans = this.#spans.get(start);
		if (!spans) {
			spans = this.finder(this.line.slice(start, end), this.reading.slice(start, end)).map((s) => ({ ...s, start: s.start + start, end: s.end + start }));
			this.#spans.set(start, spans);
		}
		return spans;
	}
}

/** jieba's words of a line's Han runs, cut run by run where an issue asks (jieba cuts at every non-Han character too). */
export class WordsOf {
	/** Text → Han run start → word ends. */
	readonly #cuts = new Map<string, Map<number, number[]>>();
	constructor(readonly segmenter: Segmenter | undefined) {}

	/** Where jieba's words of the Han run of `text` holding `at` end, in `text` offsets (none without a segmenter). */
	#ends(text: string, at: number): number[] {
		let start = at;
		while (start > 0 && isHanCode(text.charCodeAt(start - 1))) { start--; }
		let end = at;
		while (end < text.length && isHanCode(text.charCodeAt(end))) { end++; }
		const runs = this.#cuts.get(text) ?? this.#cuts.set(text, new Map()).get(text)!;
		let ends = runs.get(start);
		if (!ends) {
			ends = [start];
			let e = start;
			for (const w of this.segmenter ? cutOf(this.segmenter, text.slice(start, end)) : []) { e += w.length; ends.push(e); }
			if (e !== end || !this.segmenter) { ends = []; }
			runs.set(start, ends);
		}
		return ends;
	}

	/** [start, end) of the word holding offset `at`, when jieba cuts a word of two or more there. */
	wordAt(text: string, at: number): [number, number] | undefined {
		const word = this.cutAt(text, at);
		return word && word[1] - word[0] >= 2 ? word : undefined;
	}

	/** [start, end) of jieba's word holding offset `at` (of any length; none without a segmenter or outside Han text). */
	cutAt(text: string, at: number): [number, number] | undefined {
		const ends = this.#ends(text, at);
		for (let i = 1; i < ends.length; i++) {
			if (at < ends[i]) { return [ends[i - 1], ends[i]]; }
		}
		return undefined;
	}

	/** No word of jieba's cut crosses an edge of the issue's phrase (皇后|來 fits 皇后; 太|后悔 does not fit 太后). */
	fitsPhrase(text: string, issue: RawIssue): boolean {
		if (issue.phraseStart === undefined || !issue.phrase) { return false; }
		const edges = new Set(this.#ends(text, issue.start));
		return edges.size > 0 && edges.has(issue.phraseStart) && edges.has(issue.phraseStart + issue.phrase.length);
	}

	/** The word of the simplified reading that holds the issue converts it to its replacement. */
	confirmsTraditional(reading: string, issue: RawIssue, target: FixedTarget): boolean {
		const word = this.wordAt(reading, issue.start);
		if (!word || issue.end > word[1]) { return false; }
		const converted = convertWord(reading.slice(word[0], word[1]), target);
		return converted.slice(issue.start - word[0], issue.end - word[0]) === issue.replacement;
	}

	/** The line as written has no word of two or more holding the issue (著作 keeps its 著), or only a word of the other script (对於). */
	keepsNoWord(line: string, issue: RawIssue): boolean {
		const original = this.wordAt(line, issue.start);
		if (this.segmenter === undefined) { return false; }
		if (!original || issue.end > original[1]) { return true; }
		const word = line.slice(original[0], original[1]);
		return toSimplified(word) !== word;
	}

}

/**
 * jieba's words of a Han run, remembered per segmenter across lines and files: the same clauses
 * recur (templates, datelines, captions: about half of the runs the judge cuts in the bench
 * corpus), and a cut costs about a microsecond a character. A cut depends on its text only.
 */
const cuts = new WeakMap<Segmenter, LruCache<readonly string[]>>();
const cutPolicy = { scale: 1, maxKeyLength: 64 };

function cutOf(segmenter: Segmenter, run: string): readonly string[] {
	let cache = cuts.get(segmenter);
	if (!cache) { cuts.set(segmenter, cache = new LruCache<readonly string[]>(4096, cutPolicy)); }
	let words = cache.get(run);
	if (!words) {
		words = segmenter.cut(run);
		cache.set(run, words);
	}
	return words;
}

/** A simplified word in the target's traditional forms: OpenCC's phrases by forward maximum matching, then characters. */
function convertWord(word: string, target: FixedTarget): string {
	const t = scriptTables();
	const hk = target === 'traditional-hk';
	let out = '';
	for (let i = 0; i < word.length;) {
		const length = t.stPhrases.longestAt(word, i, word.length);
		if (length >= 2) {
			out += t.stPhrases.value![hk ? 1 : 0];
			i += length;
			continue;
		}
		const c = word.charCodeAt(i);
		out += String.fromCharCode((hk ? t.defaultHk[c] : t.defaultTw[c]) || c);
		i++;
	}
	return out;
}
