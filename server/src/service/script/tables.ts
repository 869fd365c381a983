/**
 * Script tables built from OpenCC's full dictionaries (generated into server/data/script.json
 * at build time by tools/build-script-data.mjs) and loaded lazily on first use.
 *
 * All lookups are by UTF-16 code unit: every character in OpenCC's tables that we use is in
 * the Basic Multilingual Plane, so a surrogate (CJK Extension B and beyond) is simply "other".
 */
import data from '../../../data/script.json';
import { PhraseTable } from './phraseTable';

/** Character classes, one byte per BMP code unit. */
export const enum CharClass { Other = 0, SimplifiedOnly = 1, TraditionalOnly = 2, Han = 3 }

/**
 * Bits of `risky`: which traditional targets would convert this character in some context;
 * `Over`: a traditional character that is one of several forms of its simplified character
 * (後 of 后, 幹 of 干), so that a phrase may want another (皇后, 干預): an over-conversion;
 * `Lone`: a character its default conversion changes (后 → 後), flagged unless a phrase keeps it.
 */
export const enum Risk { Any = 1, Tw = 2, Hk = 4, Simplified = 8, Over = 16, Lone = 32 }

export interface ScriptTables {
	readonly cls: Uint8Array;
	readonly risky: Uint8Array;
	/** Default traditional → simplified code unit (0 when the character is not converted). */
	readonly t2s: Uint16Array;
	/** OpenCC's default single-character conversion to Taiwan and Hong Kong forms (0: unchanged). */
	readonly defaultTw: Uint16Array;
	readonly defaultHk: Uint16Array;
	/** Simplified character → every traditional candidate, OpenCC's default first. */
	readonly stCandidates: ReadonlyMap<string, readonly string[]>;
	/** Traditional character → every simplified candidate, default first. */
	readonly tsCandidates: ReadonlyMap<string, readonly string[]>;
	readonly twVariant: ReadonlyMap<string, string>;
	readonly hkVariant: ReadonlyMap<string, string>;
	/** Simplified phrases → [Taiwan form, Hong Kong form, whether correct text may write it another way]. */
	readonly stPhrases: PhraseTable<StPhrase>;
	/** Traditional phrases → [simplified form]. */
	readonly tsPhrases: PhraseTable<readonly [string]>;
	/**
	 * Character → the simplified neighbours (before it; after it + 0x10000) beside which some
	 * phrase writes it otherwise: 胡 before 同 (胡同 → 衚衕), 皇 before 後 (皇后). A character that
	 * only a phrase changes (not `Lone`) needs phrase matching only beside one of these.
	 */
	readonly neighbours: ReadonlyMap<number, ReadonlySet<number>>;
	/** Characters valid in both scripts that traditional text writes alone only as leftovers (广, 党; tools/build-script-data.mjs). */
	readonly strict: ReadonlySet<string>;
}

export type StPhrase = readonly [tw: string, hk: string, ambiguous: boolean];

let tables: ScriptTables | undefined;

export function scriptTables(): ScriptTables {
	return tables ??= buildTables();
}

let t2sTable: Uint16Array | undefined;

/**
 * `ScriptTables.t2s` alone: a line's key folds traditional to simplified with it, and the
 * server's thread makes keys without ever running mixed-script (a clean's parts on workers),
 * where building every table took 0.7–1.3 s in one piece.
 */
export function traditionalToSimplified(): Uint16Array {
	if (t2sTable) { return t2sTable; }
	const t2s = new Uint16Array(0x10000);
	for (const [trad, simp] of readCandidates(data.tsChars)) {
		if (trad.length === 1 && simp[0].length === 1 && simp[0] !== trad) { t2s[trad.charCodeAt(0)] = simp[0].charCodeAt(0); }
	}
	return t2sTable = t2s;
}

export function isHan(code: number): boolean {
	return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function allHan(text: string): boolean {
	for (let i = 0; i < text.length; i++) { if (!isHan(text.charCodeAt(i))) { return false; } }
	return true;
}

function readCandidates(rows: string): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const row of rows.split('\n')) {
		const chars = Array.from(row);
		map.set(chars[0], chars.slice(1));
	}
	return map;
}

function readPairs(pairs: string): Map<string, string> {
	const map = new Map<string, string>();
	const chars = Array.from(pairs);
	for (let i = 0; i + 1 < chars.length; i += 2) { map.set(chars[i], chars[i + 1]); }
	return map;
}

function buildTables(): ScriptTables {
	const cls = new Uint8Array(0x10000);
	for (let c = 0; c < 0x10000; c++) { if (isHan(c)) { cls[c] = CharClass.Han; } }
	for (const ch of data.sOnly) { if (ch.length === 1) { cls[ch.charCodeAt(0)] = CharClass.SimplifiedOnly; } }
	for (const ch of data.tOnly) { if (ch.length === 1) { cls[ch.charCodeAt(0)] = CharClass.TraditionalOnly; } }

	const stCandidates = readCandidates(data.stChars);
	const tsCandidates = readCandidates(data.tsChars);
	const twVariant = readPairs(data.twVariants);
	const hkVariant = readPairs(data.hkVariants);
	const t2s = traditionalToSimplified();

	const defaultTw = new Uint16Array(0x10000);
	const defaultHk = new Uint16Array(0x10000);
	for (const [simp, [first]] of stCandidates) {
		const tw = twVariant.get(first) ?? first;
		const hk = hkVariant.get(first) ?? first;
		if (simp.length !== 1 || tw.length !== 1 || hk.length !== 1) { continue; }
		if (tw !== simp) { defaultTw[simp.charCodeAt(0)] = tw.charCodeAt(0); }
		if (hk !== simp) { defaultHk[simp.charCodeAt(0)] = hk.charCodeAt(0); }
	}
	const ambiguous = new Set(data.ambiguous.split('\n'));
	const stPhrases = new PhraseTable<StPhrase>();
	for (const row of data.stPhrases.split('\n')) {
		const [simp, tw, hk] = row.split('\t');
		// Detection segments Han runs only, so phrases holding other characters can never match.
		if (allHan(simp)) { stPhrases.add(simp, [tw, hk ?? tw, ambiguous.has(simp)]); }
	}
	const tsPhrases = new PhraseTable<readonly [string]>();
	for (const row of data.tsPhrases.split('\n')) {
		const [trad, simp] = row.split('\t');
		tsPhrases.add(trad, [simp]);
	}

	const risky = new Uint8Array(0x10000);
	// A character is risky for a traditional target when some phrase or its default conversion
	// turns it into something else: only lines holding such characters need phrase matching.
	const markTraditional = (c: string, tw: string, hk: string) => {
		const code = c.charCodeAt(0);
		if (c.length !== 1 || cls[code] === CharClass.TraditionalOnly) { return; }
		if (tw !== c && hk !== c) { risky[code] |= Risk.Any; }
		if (tw !== c) { risky[code] |= Risk.Tw; }
		if (hk !== c) { risky[code] |= Risk.Hk; }
	};
	for (const [simp, [first]] of stCandidates) {
		markTraditional(simp, twVariant.get(first) ?? first, hkVariant.get(first) ?? first);
	}
	for (const [simp, [tw, hk]] of stPhrases.entries()) {
		for (let k = 0; k < simp.length; k++) { markTraditional(simp[k], tw[k], hk[k]); }
	}
	// Traditional characters that a regional target writes differently (峯 → 峰 in Taiwan).
	for (const [form] of twVariant) { if (form.length === 1) { risky[form.charCodeAt(0)] |= Risk.Tw; } }
	for (const [form] of hkVariant) { if (form.length === 1) { risky[form.charCodeAt(0)] |= Risk.Hk; } }
	for (const [trad, [simp]] of tsCandidates) {
		if (trad.length === 1 && simp !== trad) { risky[trad.charCodeAt(0)] |= Risk.Simplified; }
	}
	for (const [trad, [simp]] of tsPhrases.entries()) {
		for (let k = 0; k < trad.length; k++) { if (simp[k] !== trad[k]) { risky[trad.charCodeAt(k)] |= Risk.Simplified; } }
	}
	for (const [, candidates] of stCandidates) {
		if (candidates.length < 2) { continue; }
		for (const c of candidates.flatMap((x) => [x, twVariant.get(x) ?? x, hkVariant.get(x) ?? x])) {
			if (c.length === 1 && cls[c.charCodeAt(0)] === CharClass.TraditionalOnly) { risky[c.charCodeAt(0)] |= Risk.Over; }
		}
	}
	const neighbours = new Map<number, Set<number>>();
	const beside = (code: number, simp: string, k: number) => {
		const set = neighbours.get(code) ?? neighbours.set(code, new Set()).get(code)!;
		if (k > 0) { set.add(simp.charCodeAt(k - 1)); }
		if (k + 1 < simp.length) { set.add(simp.charCodeAt(k + 1) + 0x10000); }
	};
	// Every traditional form of a simplified character, made once per character (not per phrase holding it).
	const formsOf = new Map<string, readonly string[]>();
	const forms = (c: string) => formsOf.get(c) ?? formsOf.set(c, [...new Set((stCandidates.get(c) ?? []).flatMap((x) => [x, twVariant.get(x) ?? x, hkVariant.get(x) ?? x]))]).get(c)!;
	for (const [simp, [tw, hk]] of stPhrases.entries()) {
		for (let k = 0; k < simp.length; k++) {
			const code = simp.charCodeAt(k);
			if (cls[code] === CharClass.Han && (tw[k] !== simp[k] || hk[k] !== simp[k])) { beside(code, simp, k); }
			for (const form of forms(simp[k])) {
				if (form.length === 1 && form !== tw[k] && form !== hk[k] && cls[form.charCodeAt(0)] === CharClass.TraditionalOnly) { beside(form.charCodeAt(0), simp, k); }
			}
		}
	}
	for (let c = 0; c < 0x10000; c++) {
		if (cls[c] === CharClass.Han && (defaultTw[c] !== 0 || defaultHk[c] !== 0)) { risky[c] |= Risk.Lone; }
	}
	const strict = new Set(data.strict);
	return { cls, risky, t2s, defaultTw, defaultHk, stCandidates, tsCandidates, twVariant, hkVariant, stPhrases, tsPhrases, neighbours, strict };
}
