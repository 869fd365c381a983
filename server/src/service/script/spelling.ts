/**
 * A traditional document's own spelling of a name or word that a converter wrote two ways: the
 * simplified reading 留侯里 written 留侯里 five times and 留侯裏 once, 皇后 three times and 皇後 once.
 * Where two traditional forms of one simplified character follow the same two characters, the
 * form the document writes at least twice and twice as often is its spelling; the other is an
 * over-conversion (certain, as the particle rule of consistency.ts). Regional variants of one
 * character (裡/裏, 着/著) are consistency.ts's matter, pairs a regional standard accepts (台/臺,
 * 周/週) are both correct, and characters of the other script are leftovers judged elsewhere.
 */
import { CharClass, scriptTables } from './tables';

/**
 * Where a line writes a character whose simplified reading has several traditional forms, after
 * two Han characters: its key (the two characters as written and the reading of the third, as one
 * number: only forms after the same two characters are compared) and the character as written.
 * Numbers, not strings: this runs on every such character of every traditional line.
 */
export interface SpellingSite {
	readonly at: number;
	readonly key: number;
	readonly char: number;
}

let several: Uint8Array | undefined;
/** 1 for traditional forms of a simplified character that has several (里 裏, 后 後, 干 乾 幹, 范 範, 面 麵 …). */
export function severalForms(): Uint8Array {
	if (several) { return several; }
	const t = scriptTables();
	several = new Uint8Array(0x10000);
	for (const [simp, forms] of t.stCandidates) {
		const all = new Set(forms.map((f) => t.twVariant.get(f) ?? f).filter((f) => f.length === 1));
		if (simp.length !== 1 || all.size < 2) { continue; }
		for (const f of forms) { all.add(f); all.add(t.hkVariant.get(f) ?? f); }
		for (const f of all) { if (t.cls[f.charCodeAt(0)] !== CharClass.SimplifiedOnly) { several[f.charCodeAt(0)] = 1; } }
	}
	return several;
}

/** The sites of one line (cheap: a table look-up per character, no phrases). */
export function spellingSites(line: string): SpellingSite[] {
	const forms = severalForms();
	const { cls, t2s } = scriptTables();
	const sites: SpellingSite[] = [];
	for (let k = 2; k < line.length; k++) {
		const code = line.charCodeAt(k);
		if (forms[code] === 0) { continue; }
		const a = line.charCodeAt(k - 2);
		const b = line.charCodeAt(k - 1);
		if (cls[a] === CharClass.Other || cls[b] === CharClass.Other) { continue; }
		sites.push({ at: k, key: a * 0x100000000 + b * 0x10000 + (t2s[code] || code), char: code });
	}
	return sites;
}

/** Per reading: the first form a document writes of it, 0 when none yet (reset after each document). */
let firstForm: Uint16Array | undefined;

/**
 * False when no key of the sites of `lines` can have two forms (what `spellingCounts` calls
 * `several`), found without making the sites: most traditional documents write one form of every
 * reading they hold (9 in 10 of the bench corpus's), and a closed file's sites are used only
 * once, to count them. Two forms of one key are two forms of one reading: only the sites of a
 * reading written in two forms are keyed, in one map. `holds`: whether a line may have sites.
 */
export function mayHaveSeveralForms(lines: readonly string[], holds: (n: number) => boolean): boolean {
	const forms = severalForms();
	const { cls, t2s } = scriptTables();
	const first = firstForm ??= new Uint16Array(0x10000);
	const touched: number[] = [];
	let twoForms: Set<number> | undefined;
	for (let n = 0; n < lines.length; n++) {
		if (!holds(n)) { continue; }
		const line = lines[n];
		for (let k = 2; k < line.length; k++) {
			const code = line.charCodeAt(k);
			if (forms[code] === 0 || cls[line.charCodeAt(k - 2)] === CharClass.Other || cls[line.charCodeAt(k - 1)] === CharClass.Other) { continue; }
			const reading = t2s[code] || code;
			if (first[reading] === 0) { first[reading] = code; touched.push(reading); } else if (first[reading] !== code) { (twoForms ??= new Set()).add(reading); }
		}
	}
	for (const r of touched) { first[r] = 0; }
	if (!twoForms) { return false; }
	const keyed = new Map<number, number>();
	for (let n = 0; n < lines.length; n++) {
		if (!holds(n)) { continue; }
		for (const site of spellingSites(lines[n])) {
			if (!twoForms.has(t2s[site.char] || site.char)) { continue; }
			const char = keyed.get(site.key);
			if (char === undefined) { keyed.set(site.key, site.char); } else if (char !== site.char) { return true; }
		}
	}
	return false;
}

const readingOf = (code: number) => String.fromCharCode(scriptTables().t2s[code] || code);

/** An OpenCC phrase covering the character at `k` writes it as the line does (髮型 in 她的髮型): it is never the one out. */
export function vouched(line: string, k: number): boolean {
	const t = scriptTables();
	const from = Math.max(0, k - 4);
	let reading = '';
	for (let i = from; i < Math.min(line.length, k + 5); i++) { reading += readingOf(line.charCodeAt(i)); }
	for (let s = 0; s <= k - from; s++) {
		for (let end = reading.length; end > k - from;) {
			const length = t.stPhrases.longestAt(reading, s, end);
			if (length < 2 || s + length <= k - from) { break; }
			const [tw, hk] = t.stPhrases.value!;
			if (tw[k - from - s] === line[k] || hk[k - from - s] === line[k]) { return true; }
			end = s + length - 1;
		}
	}
	return false;
}

/** Per key: how often the document writes each form of it (character → times). */
export type SpellingCounts = Map<number, Map<number, number>>;

/** Adds a line's sites; true when some key now has two forms (a document where none has needs no further look). */
export function addSites(counts: SpellingCounts, sites: readonly SpellingSite[]): boolean {
	let several = false;
	for (const s of sites) {
		const forms = counts.get(s.key) ?? counts.set(s.key, new Map()).get(s.key)!;
		forms.set(s.char, (forms.get(s.char) ?? 0) + 1);
		if (forms.size > 1) { several = true; }
	}
	return several;
}

/** The document's spelling of a site written otherwise (its character, how often); none when the document is not sure. */
export function documentSpelling(counts: SpellingCounts, site: SpellingSite, accepted: (a: string, b: string) => boolean): { char: string; times: number } | undefined {
	const t = scriptTables();
	// Only an over-conversion is the odd one out (留侯裏 beside 留侯里): a document writing 裏 more often than 里 is not followed to 裏.
	if (t.cls[site.char] !== CharClass.TraditionalOnly) { return undefined; }
	const forms = counts.get(site.key);
	if (!forms || forms.size < 2) { return undefined; }
	const own = forms.get(site.char) ?? 0;
	const a = String.fromCharCode(site.char);
	for (const [char, times] of forms) {
		if (char === site.char || times < 2 || times < 2 * own) { continue; }
		const b = String.fromCharCode(char);
		if (t.twVariant.get(a) === b || t.twVariant.get(b) === a || t.hkVariant.get(a) === b || t.hkVariant.get(b) === a || accepted(a, b) || accepted(b, a)) { continue; }
		return { char: b, times };
	}
	return undefined;
}
