/**
 * Mixed-script detection on one line of text (see docs in nlp-deps.md §1.5, which this follows):
 *
 * 1. Characters that exist in only one script decide the dominant script (`countScript`).
 * 2. A line is phrase-matched only when it holds a character of the other script or a
 *    character some phrase could convert (`risky`); most simplified lines stop there.
 * 3. Phrase context: the line is read in the source script (t2s for traditional text, which
 *    keeps length), segmented by forward maximum matching against OpenCC's phrases, and each
 *    character is compared with what its segment converts to. Traditional text accepts the
 *    Taiwan or the Hong Kong form (so 峰/秘 are never flagged); 皇后 keeps 后, 之后 does not,
 *    and 皇後 is an over-conversion of 皇后.
 *
 * This finds candidates only; judge.ts decides how sure each one is.
 */
import { CharClass, Risk, scriptTables, ScriptTables } from './tables';

export type FixedTarget = 'simplified' | 'traditional' | 'traditional-tw' | 'traditional-hk';

/**
 * char: a character of the other script; shared: a character valid in both scripts that its
 * phrase (or its default conversion) writes otherwise; over: a traditional character its phrase
 * writes in another traditional form (皇後 → 皇后); variant: another region's form (峯 in Taiwan).
 */
export type Kind = 'char' | 'shared' | 'over' | 'variant';

export interface RawIssue {
	/** Offsets relative to the line. */
	readonly start: number;
	readonly end: number;
	readonly found: string;
	/** The replacement the context chooses. */
	readonly replacement: string;
	/** Other candidates for a single character (without `found` and `replacement`). */
	readonly alternatives: readonly string[];
	/** A phrase decided the replacement, or there is only one candidate. */
	readonly decided: boolean;
	/** The phrase that decided, as the line writes it, and where it starts in the line. */
	readonly phrase?: string;
	readonly phraseStart?: number;
	/** The phrase's form is one reading of several that correct text has (台風: 颱風 or 臺風). */
	readonly ambiguous: boolean;
	/** The character's default conversion gives the same replacement (并將 → 並 by phrase and by default). */
	readonly asDefault: boolean;
	/** Found by a phrase forward maximum matching did not choose (年台|風 hides 台風來襲): segmentations disagree. */
	readonly otherSegmentation?: boolean;
	readonly kind: Kind;
}

/** The issues of a line and the line read in the target's other script (what words are looked up in). */
export interface LineScan {
	readonly issues: readonly RawIssue[];
	/** Simplified text of the same length: the line read as simplified (traditional targets) or converted (simplified target). */
	readonly reading: string;
}

export interface ScriptCounts { simplified: number; traditional: number }

/** Counts characters that exist only in simplified or only in traditional script. */
export function countScript(text: string, start = 0, end = text.length): ScriptCounts {
	const cls = scriptTables().cls;
	let simplified = 0;
	let traditional = 0;
	for (let i = start; i < end; i++) {
		const k = cls[text.charCodeAt(i)];
		if (k === CharClass.SimplifiedOnly) { simplified++; } else if (k === CharClass.TraditionalOnly) { traditional++; }
	}
	return { simplified, traditional };
}

export function dominantScript(counts: ScriptCounts): 'simplified' | 'traditional' | undefined {
	if (counts.simplified === counts.traditional) { return undefined; }
	return counts.simplified > counts.traditional ? 'simplified' : 'traditional';
}

const riskBit: Record<FixedTarget, number> = { 'simplified': Risk.Simplified, 'traditional': Risk.Any, 'traditional-tw': Risk.Tw, 'traditional-hk': Risk.Hk };

/** Cheap pre-check: can this line have issues for `target` at all? */
export function needsCheck(line: string, target: FixedTarget): boolean {
	const t = scriptTables();
	if (target === 'simplified') {
		for (let i = 0; i < line.length; i++) {
			const c = line.charCodeAt(i);
			if (t.cls[c] === CharClass.TraditionalOnly || (t.risky[c] & Risk.Simplified) !== 0) { return true; }
		}
		return false;
	}
	const bit = riskBit[target];
	for (let i = 0; i < line.length; i++) { if (mayFlag(line, i, bit, t)) { return true; } }
	return false;
}

/**
 * Can the character at `i` be flagged for a traditional target: simplified only, changed by its
 * default conversion, or beside a neighbour with which some phrase writes it otherwise (胡同,
 * 皇後)? Characters only phrases change are most of a traditional line; this keeps phrase
 * matching to the runs where a phrase can matter.
 */
function mayFlag(line: string, i: number, bit: number, t: ScriptTables): boolean {
	const c = line.charCodeAt(i);
	const cls = t.cls[c];
	if (cls === CharClass.SimplifiedOnly) { return true; }
	const risk = t.risky[c];
	if ((risk & (bit | Risk.Over)) === 0) { return false; }
	if (cls === CharClass.Han && (risk & Risk.Lone) !== 0 && (risk & bit) !== 0) { return true; }
	// Regional variants of traditional characters (峯 for a Taiwan target) are flagged alone.
	if (cls === CharClass.TraditionalOnly && (risk & bit & (Risk.Tw | Risk.Hk)) !== 0) { return true; }
	const near = t.neighbours.get(c);
	if (!near) { return false; }
	const before = i > 0 ? t.t2s[line.charCodeAt(i - 1)] || line.charCodeAt(i - 1) : -1;
	const after = i + 1 < line.length ? t.t2s[line.charCodeAt(i + 1)] || line.charCodeAt(i + 1) : -1;
	return near.has(before) || near.has(after + 0x10000);
}

interface Flag { k: number; replacement: string; kind: Kind; segStart: number; segEnd: number; phrase: boolean; ambiguous: boolean; asDefault?: boolean; other?: boolean }

/** Every script issue candidate of one line for a fixed target. */
export function scanLine(line: string, target: FixedTarget): LineScan {
	const t = scriptTables();
	if (target === 'simplified') {
		const { flags, reading } = flagsToSimplified(line, t);
		return { issues: mergeFlags(line, flags, target, t), reading };
	}
	const reading = toSimplified(line, t);
	return { issues: mergeFlags(line, flagsToTraditional(line, reading, target, t), target, t), reading };
}

function flagsToTraditional(line: string, source: string, target: FixedTarget, t: ScriptTables): Flag[] {
	const bit = riskBit[target];
	const flags: Flag[] = [];
	const n = line.length;
	for (let runStart = 0; runStart < n;) {
		// Phrases never cross a non-Han character: segment each Han run that has a character to check.
		if (t.cls[line.charCodeAt(runStart)] === CharClass.Other) { runStart++; continue; }
		let runEnd = runStart;
		let check = false;
		for (; runEnd < n; runEnd++) {
			const code = line.charCodeAt(runEnd);
			const cls = t.cls[code];
			if (cls === CharClass.Other) { break; }
			if (!check && mayFlag(line, runEnd, bit, t)) { check = true; }
		}
		if (check) {
			const before = flags.length;
			segmentRun(line, source, runStart, runEnd, target, t, flags);
			overByOtherPhrases(line, source, runStart, runEnd, target, t, flags, before);
		}
		runStart = runEnd;
	}
	return flags;
}

/** Forward maximum matching over one Han run, flagging what its segments convert. */
function segmentRun(line: string, source: string, runStart: number, n: number, target: FixedTarget, t: ScriptTables, flags: Flag[]): void {
	const bit = riskBit[target];
	const variants = target === 'traditional-hk' ? t.hkVariant : target === 'traditional-tw' ? t.twVariant : undefined;
	for (let i = runStart; i < n;) {
		const length = t.stPhrases.longestAt(source, i, n);
		const phrase = length >= 2 ? t.stPhrases.value! : undefined;
		const segEnd = i + (length || 1);
		for (let k = i; k < segEnd; k++) {
			const code = line.charCodeAt(k);
			const cls = t.cls[code];
			if (cls === CharClass.Other || cls === CharClass.Han && (t.risky[code] & bit) === 0) { continue; }
			const s = source.charCodeAt(k);
			if (cls === CharClass.TraditionalOnly) {
				// Another traditional form in this phrase: 皇後 for 皇后, 幹預 for 干預, 麵對 for 面對.
				if (phrase && (t.risky[code] & Risk.Over) !== 0) {
					const tw = phrase[0].charCodeAt(k - i);
					const hk = phrase[1].charCodeAt(k - i);
					if (!accepts(target, code, tw, hk) && !isVariantOf(code, tw, hk, t)) {
						flags.push({ k, replacement: String.fromCharCode(target === 'traditional-hk' ? hk : tw), kind: 'over', segStart: i, segEnd, phrase: true, ambiguous: phrase[2] });
						continue;
					}
				}
				// Already traditional; only a regional target may prefer another form (峯 → 峰 in Taiwan).
				if (variants && (t.risky[code] & bit) !== 0) {
					const form = variants.get(line[k]);
					if (form && form !== line[k]) { flags.push({ k, replacement: form, kind: 'variant', segStart: i, segEnd, phrase: false, ambiguous: false }); }
				}
				continue;
			}
			// A character that t2s changed is read as traditional already (乾 in 乾燥).
			if (cls !== CharClass.SimplifiedOnly && s !== code) { continue; }
			const outTw = phrase ? phrase[0].charCodeAt(k - i) : t.defaultTw[s] || s;
			const outHk = phrase ? phrase[1].charCodeAt(k - i) : t.defaultHk[s] || s;
			if (accepts(target, code, outTw, outHk)) { continue; }
			const out = target === 'traditional-hk' ? outHk : outTw;
			flags.push({
				k, replacement: String.fromCharCode(out), kind: cls === CharClass.SimplifiedOnly ? 'char' : 'shared', segStart: i, segEnd,
				phrase: phrase !== undefined, ambiguous: phrase !== undefined && phrase[2],
				asDefault: out === ((target === 'traditional-hk' ? t.defaultHk[s] : t.defaultTw[s]) || s),
			});
		}
		i = segEnd;
	}
}

/**
 * Forward maximum matching cuts 去年台風來襲 as 年台|風來襲 and never sees 台風來襲: a traditional
 * character that may be an over-conversion and that no segment flagged is checked against every
 * other phrase covering it. Where two segmentations disagree nothing is certain: judge.ts
 * reports these at Information, and only where jieba's word agrees (OpenCC's own output errs
 * exactly there: 不斷髮展, 這裡麵包括).
 */
function overByOtherPhrases(line: string, source: string, runStart: number, runEnd: number, target: FixedTarget, t: ScriptTables, flags: Flag[], from: number): void {
	const bit = riskBit[target];
	for (let k = runStart; k < runEnd; k++) {
		const code = line.charCodeAt(k);
		if (t.cls[code] !== CharClass.TraditionalOnly || (t.risky[code] & Risk.Over) === 0 || !mayFlag(line, k, bit, t)) { continue; }
		if (flags.some((f, i) => i >= from && f.k === k)) { continue; }
		for (let s = Math.max(runStart, k - 5); s <= k; s++) {
			for (let end = Math.min(runEnd, s + 8); end > k;) {
				const length = t.stPhrases.longestAt(source, s, end);
				if (length < 2 || s + length <= k) { break; }
				const [twForm, hkForm, ambiguous] = t.stPhrases.value!;
				const tw = twForm.charCodeAt(k - s);
				const hk = hkForm.charCodeAt(k - s);
				if (!accepts(target, code, tw, hk) && !isVariantOf(code, tw, hk, t)) {
					flags.push({ k, replacement: String.fromCharCode(target === 'traditional-hk' ? hk : tw), kind: 'over', segStart: s, segEnd: s + length, phrase: true, ambiguous, other: true });
				}
				end = s + length - 1;
			}
		}
	}
	flags.sort((a, b) => a.k - b.k);
}

function accepts(target: FixedTarget, found: number, tw: number, hk: number): boolean {
	if (target === 'traditional-tw') { return found === tw; }
	if (target === 'traditional-hk') { return found === hk; }
	return found === tw || found === hk;
}

/** 裏 beside 裡, 麪 beside 麵: one character in two regional forms, not an over-conversion. */
function isVariantOf(found: number, tw: number, hk: number, t: ScriptTables): boolean {
	const ch = String.fromCharCode(found);
	const forms = [String.fromCharCode(tw), String.fromCharCode(hk)];
	return forms.some((f) => t.twVariant.get(ch) === f || t.hkVariant.get(ch) === f || t.twVariant.get(f) === ch || t.hkVariant.get(f) === ch);
}

/** Reads traditional text as simplified, keeping the length (t2s phrases, then characters). */
export function toSimplified(line: string, t: ScriptTables = scriptTables()): string {
	let out = '';
	let from = 0;
	for (let i = 0; i < line.length;) {
		const length = t.tsPhrases.longestAt(line, i, line.length);
		if (length >= 2) {
			out += line.slice(from, i) + t.tsPhrases.value![0];
			i += length;
			from = i;
			continue;
		}
		const s = t.t2s[line.charCodeAt(i)];
		if (s !== 0) {
			out += line.slice(from, i) + String.fromCharCode(s);
			from = i + 1;
		}
		i++;
	}
	return from === 0 ? line : out + line.slice(from);
}

function flagsToSimplified(line: string, t: ScriptTables): { flags: Flag[]; reading: string } {
	const flags: Flag[] = [];
	let reading = '';
	for (let i = 0; i < line.length;) {
		const length = t.tsPhrases.longestAt(line, i, line.length);
		const segEnd = i + (length || 1);
		const out = length >= 2 ? t.tsPhrases.value![0] : t.tsCandidates.get(line[i])?.[0] ?? line[i];
		reading += out.length === segEnd - i ? out : line.slice(i, segEnd);
		for (let k = i; k < segEnd; k++) {
			const code = line.charCodeAt(k);
			const cls = t.cls[code];
			if (cls !== CharClass.TraditionalOnly && (t.risky[code] & Risk.Simplified) === 0) { continue; }
			const replacement = out[k - i];
			if (replacement === undefined || replacement === line[k]) { continue; }
			flags.push({ k, replacement, kind: cls === CharClass.TraditionalOnly ? 'char' : 'shared', segStart: i, segEnd, phrase: length >= 2, ambiguous: false });
		}
		i = segEnd;
	}
	return { flags, reading };
}

/** Joins adjacent flags of one phrase into one issue and adds the candidates. */
function mergeFlags(line: string, flags: Flag[], target: FixedTarget, t: ScriptTables): RawIssue[] {
	const issues: RawIssue[] = [];
	for (let a = 0; a < flags.length;) {
		let b = a + 1;
		// Characters of the other script in one phrase make one issue (头发 → 頭髮); shared ones are judged one by one.
		const joins = flags[a].kind === 'char' || flags[a].kind === 'over';
		while (joins && b < flags.length && flags[b].k === flags[b - 1].k + 1 && flags[b].segStart === flags[a].segStart && flags[b].kind === flags[a].kind) { b++; }
		const first = flags[a];
		const start = first.k;
		const end = flags[b - 1].k + 1;
		const found = line.slice(start, end);
		const replacement = flags.slice(a, b).map((f) => f.replacement).join('');
		const candidates = end - start === 1 && first.kind !== 'over' ? candidatesOf(found, target, t) : [replacement];
		const alternatives = candidates.filter((c) => c !== found && c !== replacement);
		const decided = first.phrase || candidates.filter((c) => c !== found).length <= 1 && !candidates.includes(found);
		issues.push({
			start, end, found, replacement, alternatives, decided, kind: first.kind, ambiguous: first.ambiguous,
			asDefault: flags.slice(a, b).every((f) => f.asDefault === true),
			otherSegmentation: first.other,
			phrase: first.phrase ? line.slice(first.segStart, first.segEnd) : undefined,
			phraseStart: first.phrase ? first.segStart : undefined,
		});
		a = b;
	}
	return issues;
}

/** Every form a single character may take in the target script. */
function candidatesOf(ch: string, target: FixedTarget, t: ScriptTables): string[] {
	if (target === 'simplified') { return t.tsCandidates.get(ch) as string[] ?? []; }
	const variants = target === 'traditional-hk' ? t.hkVariant : t.twVariant;
	const source = t.t2s[ch.charCodeAt(0)] ? String.fromCharCode(t.t2s[ch.charCodeAt(0)]) : ch;
	const raw = t.stCandidates.get(source) ?? t.stCandidates.get(ch) ?? [];
	return [...new Set(raw.map((c) => variants.get(c) ?? c))];
}
