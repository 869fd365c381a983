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
 * Step 3 for traditional targets is toTraditional.ts. This finds candidates only; judge.ts
 * decides how sure each one is.
 */
import { CharClass, Risk, scriptTables, ScriptTables } from './tables';
import { flagsToTraditional, mayFlag, riskBit } from './toTraditional';

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


/** Every flag has every field, in this order (undefined when it does not apply): flags of several shapes made the functions reading them polymorphic, deoptimized and compiled again. */
export interface Flag { k: number; replacement: string; kind: Kind; segStart: number; segEnd: number; phrase: boolean; ambiguous: boolean; asDefault: boolean | undefined; other: boolean | undefined }

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


/** Reads traditional text as simplified, keeping the length (t2s phrases, then characters). */
export function toSimplified(line: string, t: ScriptTables = scriptTables()): string {
	const n = line.length;
	let units: Uint16Array | undefined;
	for (let i = 0; i < n;) {
		const length = t.tsPhrases.longestAt(line, i, n);
		if (length >= 2) {
			units ??= unitsOf(line);
			const phrase = t.tsPhrases.value![0];
			for (let k = 0; k < length; k++) { units[i + k] = phrase.charCodeAt(k); }
			i += length;
			continue;
		}
		const s = t.t2s[line.charCodeAt(i)];
		if (s !== 0) { (units ??= unitsOf(line))[i] = s; }
		i++;
	}
	return units ? stringOf(units, n) : line;
}

/** A line's code units, in a buffer reused line after line (the reading is written over them, then made a string once). */
let buffer = new Uint16Array(256);
function unitsOf(line: string): Uint16Array {
	if (buffer.length < line.length) { buffer = new Uint16Array(2 * line.length); }
	for (let i = 0; i < line.length; i++) { buffer[i] = line.charCodeAt(i); }
	return buffer;
}

function stringOf(units: Uint16Array, n: number): string {
	let out = '';
	for (let i = 0; i < n; i += 4096) { out += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + 4096)) as unknown as number[]); }
	return out;
}

/**
 * Per code unit: the first unit of its first simplified candidate (OpenCC's default), itself
 * when it has none: what a character outside any phrase is replaced with, read from a table
 * instead of a map lookup with a one-character string per unit.
 */
let defaultSimplified: Uint16Array | undefined;
function defaultSimplifiedUnits(t: ScriptTables): Uint16Array {
	if (defaultSimplified) { return defaultSimplified; }
	const out = new Uint16Array(0x10000);
	for (let c = 0; c < 0x10000; c++) { out[c] = c; }
	for (const [trad, candidates] of t.tsCandidates) {
		if (trad.length === 1 && candidates.length > 0) { out[trad.charCodeAt(0)] = candidates[0].charCodeAt(0); }
	}
	return defaultSimplified = out;
}

/**
 * The flags of a line for the simplified target and its simplified reading: each segment of
 * forward maximum matching read as its phrase (when the phrase keeps the length) or its default
 * conversion (`t2s`), written over the line's units only where they change.
 */
function flagsToSimplified(line: string, t: ScriptTables): { flags: Flag[]; reading: string } {
	const flags: Flag[] = [];
	const first = defaultSimplifiedUnits(t);
	const n = line.length;
	let units: Uint16Array | undefined;
	for (let i = 0; i < n;) {
		const length = t.tsPhrases.longestAt(line, i, n);
		if (length >= 2) {
			const out = t.tsPhrases.value![0];
			const segEnd = i + length;
			if (out.length === length) {
				for (let k = 0; k < length; k++) { if (out.charCodeAt(k) !== line.charCodeAt(i + k)) { (units ??= unitsOf(line))[i + k] = out.charCodeAt(k); } }
			}
			for (let k = i; k < segEnd; k++) {
				const code = line.charCodeAt(k);
				if (t.cls[code] !== CharClass.TraditionalOnly && (t.risky[code] & Risk.Simplified) === 0) { continue; }
				const replacement = out[k - i];
				if (replacement === undefined || replacement === line[k]) { continue; }
				flags.push(flagOf(k, replacement, t.cls[code], i, segEnd, true));
			}
			i = segEnd;
			continue;
		}
		const code = line.charCodeAt(i);
		// A candidate of another length (a surrogate pair) is not written into the reading.
		const s = t.t2s[code];
		if (s !== 0) { (units ??= unitsOf(line))[i] = s; }
		if ((t.cls[code] === CharClass.TraditionalOnly || (t.risky[code] & Risk.Simplified) !== 0) && first[code] !== code) {
			flags.push(flagOf(i, String.fromCharCode(first[code]), t.cls[code], i, i + 1, false));
		}
		i++;
	}
	return { flags, reading: units ? stringOf(units, n) : line };
}

function flagOf(k: number, replacement: string, cls: number, segStart: number, segEnd: number, phrase: boolean): Flag {
	return { k, replacement, kind: cls === CharClass.TraditionalOnly ? 'char' : 'shared', segStart, segEnd, phrase, ambiguous: false, asDefault: undefined, other: undefined };
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
