/**
 * The script tables derived from OpenCC's (openccTables.ts): which characters are risky for
 * which target, their default regional forms, and the neighbours beside which a phrase writes a
 * character otherwise. Working them out walks every phrase (≈ 0.1 s, once per worker at its
 * first traditional line), so tools/build-script-tables.mjs runs `deriveTables` at build time
 * and writes the result to server/data/script-tables.json, which tables.ts reads with
 * `decodeDerived`; test/unit/scriptTablesData.test.ts checks the file against `deriveTables`.
 */
import { CharClass, type DerivedTables, type OpenccTables, Risk } from './tableTypes';

/** The derived tables as they are stored: [code unit, value] pairs of the non-zero entries; neighbours as [code, count, …codes]. */
export interface EncodedDerived {
	readonly risky: readonly number[];
	readonly defaultTw: readonly number[];
	readonly defaultHk: readonly number[];
	readonly neighbours: readonly number[];
}

export function deriveTables(t: OpenccTables): DerivedTables {
	const { cls, stCandidates, tsCandidates, twVariant, hkVariant, stPhrases, tsPhrases } = t;
	const defaultTw = new Uint16Array(0x10000);
	const defaultHk = new Uint16Array(0x10000);
	for (const [simp, [first]] of stCandidates) {
		const tw = twVariant.get(first) ?? first;
		const hk = hkVariant.get(first) ?? first;
		if (simp.length !== 1 || tw.length !== 1 || hk.length !== 1) { continue; }
		if (tw !== simp) { defaultTw[simp.charCodeAt(0)] = tw.charCodeAt(0); }
		if (hk !== simp) { defaultHk[simp.charCodeAt(0)] = hk.charCodeAt(0); }
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
	return { risky, defaultTw, defaultHk, neighbours };
}

const pairs = (table: Uint8Array | Uint16Array): number[] => {
	const out: number[] = [];
	table.forEach((value, code) => { if (value !== 0) { out.push(code, value); } });
	return out;
};

export function encodeDerived(d: DerivedTables): EncodedDerived {
	const neighbours: number[] = [];
	for (const [code, set] of d.neighbours) { neighbours.push(code, set.size, ...set); }
	return { risky: pairs(d.risky), defaultTw: pairs(d.defaultTw), defaultHk: pairs(d.defaultHk), neighbours };
}

export function decodeDerived(e: EncodedDerived): DerivedTables {
	const table = <T extends Uint8Array | Uint16Array>(into: T, from: readonly number[]): T => {
		for (let i = 0; i + 1 < from.length; i += 2) { into[from[i]] = from[i + 1]; }
		return into;
	};
	const neighbours = new Map<number, Set<number>>();
	for (let i = 0; i < e.neighbours.length;) {
		const code = e.neighbours[i], count = e.neighbours[i + 1];
		neighbours.set(code, new Set(e.neighbours.slice(i + 2, i + 2 + count)));
		i += 2 + count;
	}
	return {
		risky: table(new Uint8Array(0x10000), e.risky),
		defaultTw: table(new Uint16Array(0x10000), e.defaultTw),
		defaultHk: table(new Uint16Array(0x10000), e.defaultHk),
		neighbours,
	};
}
