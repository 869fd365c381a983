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

/** Where a line writes a character whose simplified reading has several traditional forms: its key (reading of it and the two before) and its form. */
export interface SpellingSite {
	readonly at: number;
	readonly key: string;
	readonly form: string;
}

let several: Uint8Array | undefined;
/** 1 for traditional forms of a simplified character that has several (里 裏, 后 後, 干 乾 幹, 范 範, 面 麵 …). */
function severalForms(): Uint8Array {
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

const readingOf = (code: number) => String.fromCharCode(scriptTables().t2s[code] || code);

/** The sites of one line (cheap: a table look-up per character, no phrases). */
export function spellingSites(line: string): SpellingSite[] {
	const forms = severalForms();
	const cls = scriptTables().cls;
	const sites: SpellingSite[] = [];
	for (let k = 2; k < line.length; k++) {
		const code = line.charCodeAt(k);
		if (forms[code] === 0 || cls[line.charCodeAt(k - 1)] === CharClass.Other || cls[line.charCodeAt(k - 2)] === CharClass.Other) { continue; }
		sites.push({ at: k, key: readingOf(line.charCodeAt(k - 2)) + readingOf(line.charCodeAt(k - 1)) + readingOf(code), form: line.slice(k - 2, k + 1) });
	}
	return sites;
}

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

/** Per key, per form: how often the document writes it. */
export type SpellingCounts = Map<string, Map<string, number>>;

export function addSites(counts: SpellingCounts, sites: readonly SpellingSite[]): void {
	for (const s of sites) {
		const forms = counts.get(s.key) ?? counts.set(s.key, new Map()).get(s.key)!;
		forms.set(s.form, (forms.get(s.form) ?? 0) + 1);
	}
}

/** The document's spelling of a site written otherwise, with how often it writes it; none when the document is not sure. */
export function documentSpelling(counts: SpellingCounts, site: SpellingSite, accepted: (a: string, b: string) => boolean): { form: string; times: number } | undefined {
	const forms = counts.get(site.key);
	if (!forms || forms.size < 2) { return undefined; }
	// Only an over-conversion is the odd one out (留侯裏 beside 留侯里): a document writing 裏 more often than 里 is not followed to 裏.
	if (scriptTables().cls[site.form.charCodeAt(2)] !== CharClass.TraditionalOnly) { return undefined; }
	const own = forms.get(site.form) ?? 0;
	const t = scriptTables();
	for (const [form, times] of forms) {
		if (form === site.form || times < 2 || times < 2 * own || form.slice(0, 2) !== site.form.slice(0, 2)) { continue; }
		const a = site.form[2];
		const b = form[2];
		if (t.twVariant.get(a) === b || t.twVariant.get(b) === a || t.hkVariant.get(a) === b || t.hkVariant.get(b) === a || accepted(a, b) || accepted(b, a)) { continue; }
		return { form, times };
	}
	return undefined;
}
