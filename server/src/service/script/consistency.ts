/**
 * A traditional document's own regional standard: Taiwan writes 裡 and the particle 著, Hong Kong
 * 裏 and 着 (server/data/regional-variants.json). Both are correct traditional text, but a
 * Taiwan article that writes 看著 throughout and 推着 once has a leftover of a conversion: the
 * document itself says which form is right, character by character.
 */
import data from '../../../data/regional-variants.json';
import { scriptTables } from './tables';

/** Hong Kong forms → Taiwan forms (恒 is left out: 恒春 and company names write it in Taiwan too). */
const toTaiwan = new Map(data.pairs.filter((p) => p.regions.length === 1 && p.regions[0] === 'hk' && p.found !== '恒').map((p) => [p.found, p.standard]));
const fromTaiwan = new Map([...toTaiwan].map(([hk, tw]) => [tw, hk]));

/** Per Hong Kong form: how often the document writes it and its Taiwan form (裡; 著 after a verb that takes the particle). */
export type RegionEvidence = Record<string, number>;

let codes: Uint8Array | undefined;
/** 1 for the code units of both regions' forms: the only ones a line's evidence looks at. */
export function regionalCodes(): Uint8Array {
	if (!codes) {
		codes = new Uint8Array(0x10000);
		for (const [hk, tw] of toTaiwan) {
			// Every form is one code unit (the evidence is read unit by unit).
			if (hk.length !== 1 || tw.length !== 1) { throw new Error(`regional-variants.json: ${hk} / ${tw} is not one UTF-16 unit each`); }
			codes[hk.charCodeAt(0)] = 1; codes[tw.charCodeAt(0)] = 1;
		}
	}
	return codes;
}

/** 推着 / 推著: the particle after a verb that takes it (着重, 著名 are other words, written alike in both regions). */
function isParticle(line: string, k: number): boolean {
	if (k === 0) { return false; }
	const ts = scriptTables().tsPhrases;
	const pair = `${line[k - 1]}著`;
	return ts.longestAt(pair, 0, 2) === 2 && ts.value![0][1] === '着';
}

/** Counts, in a line, each Hong Kong form (`hk:着`) and each Taiwan form (`tw:着` for 著 as a particle). */
export function regionEvidence(line: string): RegionEvidence {
	const counts: RegionEvidence = {};
	const relevant = regionalCodes();
	// Most lines hold no regional form: one scan of the units (a regular expression's class was slower).
	let k = 0;
	while (k < line.length && relevant[line.charCodeAt(k)] === 0) { k++; }
	if (k === line.length) { return counts; }
	const add = (key: string) => { counts[key] = (counts[key] ?? 0) + 1; };
	for (; k < line.length; k++) {
		if (relevant[line.charCodeAt(k)] === 0) { continue; }
		const ch = line[k];
		if (toTaiwan.has(ch)) {
			if (ch !== '着' || isParticle(line, k)) { add(`hk:${ch}`); }
			continue;
		}
		const hk = fromTaiwan.get(ch);
		if (hk && (ch !== '著' || isParticle(line, k))) { add(`tw:${hk}`); }
	}
	return counts;
}

/** The Hong Kong forms a document writes its Taiwan way throughout (twice as often, at least twice). */
export function inconsistentForms(e: RegionEvidence): Set<string> {
	const out = new Set<string>();
	for (const hk of toTaiwan.keys()) {
		const tw = e[`tw:${hk}`] ?? 0;
		const own = e[`hk:${hk}`] ?? 0;
		if (own > 0 && tw >= 2 && tw >= 2 * own) { out.add(hk); }
	}
	return out;
}

/** The Hong Kong forms of a line with their Taiwan form. */
export function* hongKongForms(line: string): Generator<{ at: number; found: string; taiwan: string }> {
	for (let k = 0; k < line.length; k++) {
		const taiwan = toTaiwan.get(line[k]);
		if (taiwan && (line[k] !== '着' || isParticle(line, k))) { yield { at: k, found: line[k], taiwan }; }
	}
}

/** A document that writes Hong Kong forms throughout (説, 裏, 着 twice as often as their Taiwan forms, at least twice). */
export function isHongKongDocument(e: RegionEvidence): boolean {
	let hk = 0;
	let tw = 0;
	for (const [key, n] of Object.entries(e)) { if (key.startsWith('hk:')) { hk += n; } else { tw += n; } }
	return hk >= 2 && hk >= 2 * tw;
}

/** A fix's Taiwan forms in Hong Kong's (說 → 説, 啟 → 啓, 裡 → 裏): what a Hong Kong document writes. */
export function toHongKongForms(text: string): string {
	const t = scriptTables();
	let out = '';
	for (const ch of text) {
		const standard = fromTaiwanVariant().get(ch) ?? ch;
		out += t.hkVariant.get(standard) ?? standard;
	}
	return out;
}

let reverseTw: Map<string, string> | undefined;
/** Taiwan form → OpenCC's standard form (裡 → 裏, 溼 → 濕). */
function fromTaiwanVariant(): Map<string, string> {
	return reverseTw ??= new Map([...scriptTables().twVariant].map(([standard, tw]) => [tw, standard]));
}
