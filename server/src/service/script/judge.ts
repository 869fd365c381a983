/**
 * How sure the mixed-script rule is of each candidate a line scan found (detect.ts), which
 * decides its severity and whether fix-all may apply it:
 *
 *   certain   a character of the other script (or one its phrase writes otherwise) whose
 *             replacement is unambiguous: OpenCC's phrase table and jieba's segmentation of the
 *             line agree on the word, and no regional standard or name keeps it — Warning, applied;
 *   definite  a character of the other script whose replacement needs a choice — Warning, not applied;
 *   probable  a character only a default conversion or one tool questions, a name — Information;
 *   note      an accepted regional form, a lone surname or 里, a name — Hint.
 *
 * A page's link to its other-script version (简体 | 繁體) is dropped: it is chrome.
 */
import type { Segmenter } from '../types';
import { FixedTarget, LineScan, RawIssue } from './detect';
import { surnameLength } from '../entities/lexicon';
import { misspelledSurnames, NameFinder, NameSpan, scriptSwitches } from './names';
import type { RegionalStandards } from './regional';
import { scriptTables } from './tables';

export type Tier = 'certain' | 'definite' | 'probable' | 'note';
/** Why a candidate is below certain, for its message. */
export type Reason = 'regional' | 'name' | 'surname' | 'ambiguous' | undefined;

export interface ScriptIssue extends RawIssue {
	readonly tier: Tier;
	readonly reason: Reason;
}

export interface JudgeContext {
	readonly target: FixedTarget;
	readonly regional: RegionalStandards;
	readonly segmenter?: Segmenter;
	readonly names?: NameFinder;
}

/** The issues of one line with their tiers (a pure function of the line and the context). */
export function judgeLine(line: string, scan: LineScan, ctx: JudgeContext): ScriptIssue[] {
	const traditional = ctx.target !== 'simplified';
	let spans: readonly NameSpan[] | undefined;
	const spansOf = () => spans ??= ctx.names?.(line, scan.reading) ?? [];
	// 記者範文傑: a surname a converter respelled, where the name finder sees a person.
	const surnames = traditional ? misspelledSurnames(line, scan.reading).filter((s) => s.sure || spansOf().some((n) => n.kind === 'person' && !n.shape && n.start === s.at)) : [];
	if (scan.issues.length === 0 && surnames.length === 0) { return []; }
	const switches = scriptSwitches(line);
	// Traditional text: a surname starting a name, or a place's character; simplified text: anything in a name.
	const inName = (issue: RawIssue, word = false) => spansOf().some((s) => s.start <= issue.start && issue.end <= s.end && !(s.shape && word)
		&& (traditional ? s.start === issue.start || s.kind === 'place' : true));
	const words = new WordsOf(ctx.segmenter);
	const out: ScriptIssue[] = [];
	for (const issue of scan.issues) {
		if (switches.some((s) => s.start <= issue.start && issue.end <= s.end)) { continue; }
		if (surnames.some((s) => s.at === issue.start)) { continue; }
		const judged = traditional ? toTraditional(line, scan, issue, ctx, inName, words) : toSimplified(line, issue, inName, words);
		if (judged) { out.push({ ...issue, ...judged }); }
	}
	for (const s of surnames) {
		out.push({ start: s.at, end: s.at + 1, found: line[s.at], replacement: s.surname, alternatives: [], decided: true, ambiguous: false, asDefault: false, kind: 'over', tier: 'certain', reason: 'surname' });
	}
	return out.sort((a, b) => a.start - b.start);
}

type InName = (issue: RawIssue, word?: boolean) => boolean;
type Judged = { tier: Tier; reason: Reason } | undefined;

function toTraditional(line: string, scan: LineScan, issue: RawIssue, ctx: JudgeContext, inName: InName, words: WordsOf): Judged {
	const { target, regional } = ctx;
	if (regional.acceptsPair(issue.found, issue.replacement, target) || regional.covers(line, issue.start, issue.end, target)) {
		return { tier: 'note', reason: 'regional' };
	}
	if (issue.kind === 'over') {
		// An over-conversion is reported only where jieba's words agree with the phrase (皇后|來, 里|民; not 太|后悔).
		if (!words.confirmsTraditional(scan.reading, issue, target) && !words.fitsPhrase(scan.reading, issue)) { return undefined; }
		// 衝衝衝 is not 興沖沖: a phrase of one repeated character says nothing about its neighbours.
		const repeated = issue.phrase !== undefined && [...issue.phrase].every((c) => c === issue.phrase![0]);
		return issue.ambiguous || repeated ? { tier: 'probable', reason: 'ambiguous' } : { tier: 'certain', reason: undefined };
	}
	if (issue.kind === 'variant') { return { tier: 'probable', reason: 'regional' }; }
	const lone = issue.end - issue.start === 1 && regional.isBare(issue.found);
	if (issue.kind === 'char') {
		if (lone && !issue.phrase) { return { tier: 'note', reason: 'regional' }; }
		if (!issue.decided) { return { tier: 'definite', reason: undefined }; }
		// One candidate, or the phrase and the default conversion agree (并將 → 並), or jieba's word agrees with the phrase (头发 → 頭髮).
		const sure = issue.alternatives.length === 0 && !issue.phrase || issue.asDefault || words.confirmsTraditional(scan.reading, issue, target);
		return sure ? { tier: 'certain', reason: undefined } : { tier: 'definite', reason: undefined };
	}
	// A character valid in both scripts: a lone 里/范 or a surname starting a name keeps it; otherwise a phrase jieba agrees with decides.
	// A name found by its shape alone yields to a word of jieba's that converts the character (黨員幹部 is no 黨員 干部).
	const confirmed = issue.phrase !== undefined && words.confirmsTraditional(scan.reading, issue, target);
	if ((lone || surnameLength(issue.found) > 0) && inName(issue, confirmed)) { return { tier: 'note', reason: 'name' }; }
	// 400 余家: after a number 余 is 餘 ("more than"), whoever the 余 family is.
	if (issue.found === '余' && /[0-9０-９十百千万萬亿億]\s?$/.test(line.slice(Math.max(0, issue.start - 2), issue.start))) { return { tier: 'certain', reason: undefined }; }
	if (!issue.phrase) { return lone ? { tier: 'note', reason: 'regional' } : { tier: 'probable', reason: undefined }; }
	if (issue.ambiguous) { return { tier: 'probable', reason: 'ambiguous' }; }
	return confirmed ? { tier: 'certain', reason: undefined } : { tier: 'probable', reason: undefined };
}

function toSimplified(line: string, issue: RawIssue, inName: InName, words: WordsOf): Judged {
	// Names and titles quoted in their own script (郭台銘, 《聯合報》) are reported, not rewritten.
	if (inName(issue)) { return { tier: 'probable', reason: 'name' }; }
	if (issue.kind === 'char') {
		if (issue.decided && issue.alternatives.length === 0) { return { tier: 'certain', reason: undefined }; }
		return { tier: 'definite', reason: undefined };
	}
	// 著 and 乾 are simplified characters too (著名, 乾隆): a phrase decides unless the line as written has a word keeping them.
	if (!issue.phrase) { return { tier: 'probable', reason: undefined }; }
	return words.keepsNoWord(line, issue) ? { tier: 'certain', reason: undefined } : { tier: 'probable', reason: undefined };
}

/** jieba's words of a line, cut once per text. */
class WordsOf {
	readonly #cuts = new Map<string, number[]>();
	constructor(readonly segmenter: Segmenter | undefined) {}

	/** Where jieba's words of `text` end (none without a segmenter). */
	#ends(text: string): number[] {
		let ends = this.#cuts.get(text);
		if (!ends) {
			ends = [];
			let end = 0;
			for (const w of this.segmenter?.cut(text) ?? []) { end += w.length; ends.push(end); }
			if (end !== text.length) { ends = []; }
			this.#cuts.set(text, ends);
		}
		return ends;
	}

	/** [start, end) of the word holding offset `at`, when jieba cuts a word of two or more there. */
	wordAt(text: string, at: number): [number, number] | undefined {
		let start = 0;
		for (const end of this.#ends(text)) {
			if (at < end) { return end - start >= 2 ? [start, end] : undefined; }
			start = end;
		}
		return undefined;
	}

	/** No word of jieba's cut crosses an edge of the issue's phrase (皇后|來 fits 皇后; 太|后悔 does not fit 太后). */
	fitsPhrase(text: string, issue: RawIssue): boolean {
		const ends = this.#ends(text);
		if (ends.length === 0 || issue.phraseStart === undefined || !issue.phrase) { return false; }
		const edges = new Set([0, ...ends]);
		return edges.has(issue.phraseStart) && edges.has(issue.phraseStart + issue.phrase.length);
	}

	/** The word of the simplified reading that holds the issue converts it to its replacement. */
	confirmsTraditional(reading: string, issue: RawIssue, target: FixedTarget): boolean {
		const word = this.wordAt(reading, issue.start);
		if (!word || issue.end > word[1]) { return false; }
		const converted = convertWord(reading.slice(word[0], word[1]), target);
		return converted.slice(issue.start - word[0], issue.end - word[0]) === issue.replacement;
	}

	/** The line as written has no word of two or more holding the issue (著作 keeps its 著). */
	keepsNoWord(line: string, issue: RawIssue): boolean {
		const original = this.wordAt(line, issue.start);
		return this.segmenter !== undefined && (!original || issue.end > original[1]);
	}
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
