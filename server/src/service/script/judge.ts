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
import { NamesOf, WordsOf } from './context';
import { misspelledSurnames, NameFinder, neighbourhoodPairs, scriptSwitches } from './names';
import { quotedInOwnScript } from './quoted';
import type { RegionalStandards } from './regional';
import { scriptTables } from './tables';

export type Tier = 'certain' | 'definite' | 'probable' | 'note';
/** Why a candidate is below certain, for its message. */
export type Reason = 'regional' | 'name' | 'surname' | 'ambiguous' | undefined;

export interface ScriptIssue extends RawIssue {
	readonly tier: Tier;
	readonly reason: Reason;
	/** A name quoted in traditional script on a simplified page: its simplified form, and the tier it has where the page writes that form too. */
	readonly quoted?: { readonly simplified: string; readonly tier: Tier };
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
	const names = new NamesOf(line, scan.reading, ctx.names);
	// 記者範文傑: a surname a converter respelled, where the name finder sees a person.
	const words = new WordsOf(ctx.segmenter);
	// (Untitled, jieba's cut is asked first: it is cheaper than the name finder and rules out 遊客, 範圍.)
	const surnames = traditional ? misspelledSurnames(line, scan.reading).filter((s) => (!s.untitled || words.cutAt(scan.reading, s.at)?.join() === `${s.at},${s.at + 1}`)
		&& (s.sure || names.at(s.at).some((n) => n.kind === 'person' && !n.shape && n.start === s.at))) : [];
	// 十興裏裏長: both characters are the neighbourhood 里.
	const units = traditional ? neighbourhoodPairs(scan.reading).filter((k) => words.cutAt(scan.reading, k)?.join() === `${k},${k + 1}`).flatMap((k) => [k, k + 1]) : [];
	if (scan.issues.length === 0 && surnames.length === 0 && units.length === 0) { return []; }
	const switches = scriptSwitches(line);
	// Traditional text: a surname starting a name, or a place's character; simplified text: anything in a name.
	const inName = (issue: RawIssue, word = false) => names.at(issue.start).some((s) => s.start <= issue.start && issue.end <= s.end && !(s.shape && word)
		&& (traditional ? s.start === issue.start || s.kind === 'place' : true));
	const out: ScriptIssue[] = [];
	for (const issue of scan.issues) {
		if (switches.some((s) => s.start <= issue.start && issue.end <= s.end)) { continue; }
		// One finding per place: the first phrase judged that holds (over-conversions may come with several).
		if (surnames.some((s) => s.at === issue.start) || units.includes(issue.start) || out.some((o) => o.start === issue.start)) { continue; }
		const judged = traditional ? toTraditional(line, scan, issue, ctx, inName, words) : toSimplified(line, scan, issue, names, words);
		if (judged) { out.push({ ...issue, ...judged }); }
	}
	for (const s of surnames) {
		out.push({ start: s.at, end: s.at + 1, found: line[s.at], replacement: s.surname, alternatives: [], decided: true, ambiguous: false, asDefault: false, kind: 'over', tier: 'certain', reason: 'surname' });
	}
	units.forEach((k, i) => {
		const pair = i % 2 === 0 ? k : k - 1;
		if (line[k] !== '裏' && line[k] !== '裡') { return; }
		out.push({ start: k, end: k + 1, found: line[k], replacement: '里', alternatives: [], decided: true, ambiguous: false, asDefault: false, kind: 'over', tier: 'certain', reason: undefined, phrase: line.slice(pair, pair + 3), phraseStart: pair });
	});
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
		const confirmed = words.confirmsTraditional(scan.reading, issue, target);
		if (issue.otherSegmentation) { return confirmed ? { tier: 'probable', reason: 'ambiguous' } : undefined; }
		if (!confirmed && !words.fitsPhrase(scan.reading, issue)) { return undefined; }
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
	// A character valid in both scripts: 400 余家 is 餘 ("more than"), whoever the 余 family is.
	if (issue.found === '余' && /[0-9０-９十百千万萬亿億]\s?$/.test(line.slice(Math.max(0, issue.start - 2), issue.start))) { return { tier: 'certain', reason: undefined }; }
	// 會議結束后: 后 a word alone after a word of two or more is "after"; the queen is a word of her own
	// (皇后, 影后), and one-character titles (視|后, 歌|后) follow a single character.
	if (issue.found === '后' && !issue.ambiguous && issue.asDefault && words.cutAt(scan.reading, issue.start)?.join() === `${issue.start},${issue.start + 1}`
		&& (words.wordAt(scan.reading, issue.start - 1)?.[1] ?? -1) === issue.start) { return { tier: 'certain', reason: undefined }; }
	// 广, 党, 万: traditional text writes these alone only as leftovers, so the default conversion decides.
	const strict = issue.asDefault && !issue.ambiguous && !lone && scriptTables().strict.has(issue.found);
	if (!issue.phrase && !strict) { return lone ? { tier: 'note', reason: 'regional' } : { tier: 'probable', reason: undefined }; }
	if (issue.ambiguous) { return { tier: 'probable', reason: 'ambiguous' }; }
	// Only a phrase jieba's word agrees with makes a Warning, and then not for a lone 里/范 or a surname
	// starting a name (the name finder is asked only then, and not inside a word of jieba's: 關于).
	if (!strict && !words.confirmsTraditional(scan.reading, issue, target)) { return { tier: 'probable', reason: undefined }; }
	const midWord = (words.wordAt(scan.reading, issue.start)?.[0] ?? issue.start) < issue.start;
	// A strict character starting a name — a title before it is enough (市長党國英) — is still reported but never
	// applied: the surname 党 is spelled so, while Taiwan writes 葉 for 叶.
	if ((lone || surnameLength(issue.found) > 0) && !midWord && inName(issue, !strict)) { return { tier: strict ? 'probable' : 'note', reason: 'name' }; }
	return { tier: 'certain', reason: undefined };
}

function toSimplified(line: string, scan: LineScan, issue: RawIssue, names: NamesOf, words: WordsOf): Judged & { quoted?: ScriptIssue['quoted'] } {
	const judged = simplifiedTier(line, scan, issue, words);
	// Names and titles quoted in their own script (郭台銘, 《聯合報》, 友達光電) are reported, not rewritten.
	const quoted = quotedInOwnScript(line, scan.reading, issue, names, words);
	if (!quoted) { return judged; }
	return { tier: 'probable', reason: 'name', quoted: { simplified: scan.reading.slice(quoted[0], quoted[1]), tier: judged.tier } };
}

function simplifiedTier(line: string, scan: LineScan, issue: RawIssue, words: WordsOf): NonNullable<Judged> {
	if (issue.kind === 'char') {
		if (issue.decided && issue.alternatives.length === 0) { return { tier: 'certain', reason: undefined }; }
		return { tier: 'definite', reason: undefined };
	}
	// 著 and 乾 are simplified characters too (著名, 乾隆): a phrase, or a word of the simplified reading
	// (由於 read as 由于), decides unless the line as written has a word keeping them.
	if (!issue.phrase && !words.wordAt(scan.reading, issue.start)) { return { tier: 'probable', reason: undefined }; }
	return words.keepsNoWord(line, issue) ? { tier: 'certain', reason: undefined } : { tier: 'probable', reason: undefined };
}
