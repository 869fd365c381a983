/**
 * Mixed-script detection on one line of text (see docs in nlp-deps.md §1.5, which this follows):
 *
 * 1. Characters that exist in only one script decide the dominant script (`countScript`).
 * 2. A line is phrase-matched only when it holds a character of the other script or a
 *    character some phrase could convert (`risky`); most simplified lines stop there.
 * 3. Phrase context: the line is read in the source script (t2s for traditional text, which
 *    keeps length), segmented by forward maximum matching against OpenCC's phrases, and each
 *    character is compared with what its segment converts to. Traditional text accepts the
 *    Taiwan or the Hong Kong form (so 峰/秘 are never flagged); 皇后 keeps 后, 之后 does not.
 */
import { CharClass, Risk, scriptTables, ScriptTables } from './tables';
import { AllowList } from './allowList';

export type FixedTarget = 'simplified' | 'traditional' | 'traditional-tw' | 'traditional-hk';

/** char: of the other script; strong: wrong even without context; weak: only a phrase says so. */
export type Tier = 'char' | 'strong' | 'weak' | 'variant' | 'allowed';

export interface ScriptIssue {
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
	/** The phrase that decided, when one did. */
	readonly phrase?: string;
	readonly tier: Tier;
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
	const { cls, risky } = scriptTables();
	const other = target === 'simplified' ? CharClass.TraditionalOnly : CharClass.SimplifiedOnly;
	const bit = riskBit[target];
	for (let i = 0; i < line.length; i++) {
		const c = line.charCodeAt(i);
		if (cls[c] === other || (risky[c] & bit) !== 0) { return true; }
	}
	return false;
}

interface Flag { k: number; replacement: string; tier: Tier; segStart: number; segEnd: number; phrase: boolean }

/** Every script issue of one line for a fixed target. */
export function findScriptIssues(line: string, target: FixedTarget, allow: AllowList): ScriptIssue[] {
	const t = scriptTables();
	const flags = target === 'simplified' ? flagsToSimplified(line, t) : flagsToTraditional(line, target, t);
	return mergeFlags(line, flags, target, t, allow);
}

function flagsToTraditional(line: string, target: FixedTarget, t: ScriptTables): Flag[] {
	const bit = riskBit[target];
	const variants = target === 'traditional-hk' ? t.hkVariant : target === 'traditional-tw' ? t.twVariant : undefined;
	const source = toSimplified(line, t);
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
			if (cls === CharClass.SimplifiedOnly || (t.risky[code] & bit) !== 0) { check = true; }
		}
		if (check) { segmentRun(line, source, runStart, runEnd, target, variants, t, flags); }
		runStart = runEnd;
	}
	return flags;
}

/** Forward maximum matching over one Han run, flagging what its segments convert. */
function segmentRun(line: string, source: string, runStart: number, n: number, target: FixedTarget, variants: ReadonlyMap<string, string> | undefined, t: ScriptTables, flags: Flag[]): void {
	const bit = riskBit[target];
	for (let i = runStart; i < n;) {
		const length = t.stPhrases.longestAt(source, i, n);
		const phrase = length >= 2 ? t.stPhrases.value! : undefined;
		const segEnd = i + (length || 1);
		for (let k = i; k < segEnd; k++) {
			const code = line.charCodeAt(k);
			const cls = t.cls[code];
			if (cls === CharClass.TraditionalOnly) {
				// Already traditional; only a regional target may prefer another form (峯 → 峰 in Taiwan).
				if (variants && (t.risky[code] & bit) !== 0) {
					const form = variants.get(line[k]);
					if (form && form !== line[k]) { flags.push({ k, replacement: form, tier: 'variant', segStart: i, segEnd, phrase: false }); }
				}
				continue;
			}
			// A character that t2s changed is read as traditional already (乾 in 乾燥).
			if (cls !== CharClass.SimplifiedOnly && ((t.risky[code] & bit) === 0 || source.charCodeAt(k) !== code)) { continue; }
			const s = source.charCodeAt(k);
			const outTw = phrase ? phrase[0].charCodeAt(k - i) : t.defaultTw[s] || s;
			const outHk = phrase ? phrase[1].charCodeAt(k - i) : t.defaultHk[s] || s;
			if (accepts(target, code, outTw, outHk)) { continue; }
			const tier: Tier = cls === CharClass.SimplifiedOnly ? 'char'
				: accepts(target, code, t.defaultTw[code] || code, t.defaultHk[code] || code) ? 'weak' : 'strong';
			const replacement = String.fromCharCode(target === 'traditional-hk' ? outHk : outTw);
			flags.push({ k, replacement, tier, segStart: i, segEnd, phrase: phrase !== undefined });
		}
		i = segEnd;
	}
}

function accepts(target: FixedTarget, found: number, tw: number, hk: number): boolean {
	if (target === 'traditional-tw') { return found === tw; }
	if (target === 'traditional-hk') { return found === hk; }
	return found === tw || found === hk;
}

/** Reads traditional text as simplified, keeping the length (t2s phrases, then characters). */
function toSimplified(line: string, t: ScriptTables): string {
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

function flagsToSimplified(line: string, t: ScriptTables): Flag[] {
	const flags: Flag[] = [];
	for (let i = 0; i < line.length;) {
		const length = t.tsPhrases.longestAt(line, i, line.length);
		const segEnd = i + (length || 1);
		const out = length >= 2 ? t.tsPhrases.value![0] : t.tsCandidates.get(line[i])?.[0] ?? line[i];
		for (let k = i; k < segEnd; k++) {
			const code = line.charCodeAt(k);
			const cls = t.cls[code];
			if (cls !== CharClass.TraditionalOnly && (t.risky[code] & Risk.Simplified) === 0) { continue; }
			const replacement = out[k - i];
			if (replacement === line[k]) { continue; }
			const byDefault = t.tsCandidates.get(line[k])?.[0] ?? line[k];
			const tier: Tier = cls === CharClass.TraditionalOnly ? 'char' : byDefault !== line[k] ? 'strong' : 'weak';
			flags.push({ k, replacement, tier, segStart: i, segEnd, phrase: length >= 2 });
		}
		i = segEnd;
	}
	return flags;
}

/** Joins adjacent flags of one phrase into one issue and adds candidates and allow-listing. */
function mergeFlags(line: string, flags: Flag[], target: FixedTarget, t: ScriptTables, allow: AllowList): ScriptIssue[] {
	const issues: ScriptIssue[] = [];
	for (let a = 0; a < flags.length;) {
		let b = a + 1;
		while (b < flags.length && flags[b].k === flags[b - 1].k + 1 && flags[b].segStart === flags[a].segStart && flags[b].tier === flags[a].tier) { b++; }
		const first = flags[a];
		const start = first.k;
		const end = flags[b - 1].k + 1;
		const found = line.slice(start, end);
		const replacement = flags.slice(a, b).map((f) => f.replacement).join('');
		const candidates = end - start === 1 ? candidatesOf(found, target, t) : [replacement];
		const alternatives = candidates.filter((c) => c !== found && c !== replacement);
		const decided = first.phrase || candidates.filter((c) => c !== found).length <= 1 && !candidates.includes(found);
		const allowed = target !== 'simplified' && allow.covers(line, start, end, target);
		issues.push({
			start, end, found, replacement, alternatives, decided,
			phrase: first.phrase ? line.slice(first.segStart, first.segEnd) : undefined,
			tier: allowed ? 'allowed' : first.tier,
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
