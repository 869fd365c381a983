/**
 * Candidates of a line for a traditional target (see detect.ts): the line's simplified reading is
 * segmented by OpenCC's phrases and each character compared with what its segment converts to;
 * a traditional character a phrase writes otherwise is an over-conversion (皇後 → 皇后).
 */
import type { FixedTarget, Flag } from './detect';
import { CharClass, Risk, ScriptTables } from './tables';

export const riskBit: Record<FixedTarget, number> = { 'simplified': Risk.Simplified, 'traditional': Risk.Any, 'traditional-tw': Risk.Tw, 'traditional-hk': Risk.Hk };

/**
 * Can the character at `i` be flagged for a traditional target: simplified only, changed by its
 * default conversion, or beside a neighbour with which some phrase writes it otherwise (胡同,
 * 皇後)? Characters only phrases change are most of a traditional line; this keeps phrase
 * matching to the runs where a phrase can matter.
 */
export function mayFlag(line: string, i: number, bit: number, t: ScriptTables): boolean {
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

export function flagsToTraditional(line: string, source: string, target: FixedTarget, t: ScriptTables): Flag[] {
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
						flags.push({ k, replacement: String.fromCharCode(target === 'traditional-hk' ? hk : tw), kind: 'over', segStart: i, segEnd, phrase: true, ambiguous: phrase[2], asDefault: undefined, other: undefined });
						continue;
					}
				}
				// Already traditional; only a regional target may prefer another form (峯 → 峰 in Taiwan).
				if (variants && (t.risky[code] & bit) !== 0) {
					const form = variants.get(line[k]);
					if (form && form !== line[k]) { flags.push({ k, replacement: form, kind: 'variant', segStart: i, segEnd, phrase: false, ambiguous: false, asDefault: undefined, other: undefined }); }
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
				asDefault: out === ((target === 'traditional-hk' ? t.defaultHk[s] : t.defaultTw[s]) || s), other: undefined,
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
					flags.push({ k, replacement: String.fromCharCode(target === 'traditional-hk' ? hk : tw), kind: 'over', segStart: s, segEnd: s + length, phrase: true, ambiguous, asDefault: undefined, other: true });
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
