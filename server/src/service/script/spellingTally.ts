/**
 * The spelling counts of an editor's document (spelling.ts), kept for its next version: an edit
 * takes its old lines' sites out and puts its new lines' sites in, instead of counting every
 * site of the document again (a traditional megabyte has tens of thousands). Equal to a fresh
 * count, including the order of each key's forms (the order a fresh count meets them in, which
 * decides between two forms that could both be the document's spelling).
 */
import type { CorpusDocument } from '../document';
import { addSites, SpellingCounts, SpellingSite } from './spelling';

interface Tally {
	readonly sites: readonly (readonly SpellingSite[])[];
	readonly counts: SpellingCounts;
	/** Keys written in two forms or more. */
	several: number;
}

const remembered = new Map<string, Tally>();
/** An editor's few large open documents. */
const maxRemembered = 4;

/** The editor closed the document: its counts are not needed any more. */
export function forgetSpelling(uri: string): void {
	remembered.delete(uri);
}

/**
 * The counts of `sites` (per line of `doc`, from a line cache: the same array for a line whose
 * text did not change), and whether some key has two forms.
 */
export function spellingCounts(doc: CorpusDocument, sites: readonly (readonly SpellingSite[])[]): { counts: SpellingCounts; several: boolean } {
	const last = remembered.get(doc.uri);
	// The last version's counts are changed in place: never used twice.
	remembered.delete(doc.uri);
	const tally = last && last.sites !== sites ? updated(last, sites) : fresh(sites);
	if (doc.version > 0) {
		remembered.set(doc.uri, tally);
		if (remembered.size > maxRemembered) { remembered.delete(remembered.keys().next().value!); }
	}
	return { counts: tally.counts, several: tally.several > 0 };
}

function fresh(sites: readonly (readonly SpellingSite[])[]): Tally {
	const counts: SpellingCounts = new Map();
	for (const s of sites) { addSites(counts, s); }
	let several = 0;
	for (const forms of counts.values()) { if (forms.size > 1) { several++; } }
	return { sites, counts, several };
}

function updated(last: Tally, sites: readonly (readonly SpellingSite[])[]): Tally {
	const old = last.sites, m = Math.min(old.length, sites.length);
	let a = 0;
	while (a < m && old[a] === sites[a]) { a++; }
	let s = 0;
	while (s < m - a && old[old.length - 1 - s] === sites[sites.length - 1 - s]) { s++; }
	// Most of the document changed (another text): counting it again costs less.
	if (a + s < m / 2) { return fresh(sites); }
	const { counts } = last;
	let several = last.several;
	const touched = new Set<number>();
	for (let i = a; i < old.length - s; i++) {
		for (const site of old[i]) {
			const forms = counts.get(site.key)!;
			const n = forms.get(site.char)! - 1;
			touched.add(site.key);
			if (n > 0) { forms.set(site.char, n); continue; }
			forms.delete(site.char);
			if (forms.size === 1) { several--; } else if (forms.size === 0) { counts.delete(site.key); }
		}
	}
	for (let i = a; i < sites.length - s; i++) {
		for (const site of sites[i]) {
			let forms = counts.get(site.key);
			if (!forms) { counts.set(site.key, forms = new Map()); }
			const n = forms.get(site.char);
			touched.add(site.key);
			if (n !== undefined) { forms.set(site.char, n + 1); continue; }
			forms.set(site.char, 1);
			if (forms.size === 2) { several++; }
		}
	}
	// A key with several forms: its forms in the order a fresh count meets them.
	for (const key of touched) {
		const forms = counts.get(key);
		if (forms && forms.size > 1) { counts.set(key, inDocumentOrder(forms, key, sites)); }
	}
	return { sites, counts, several };
}

function inDocumentOrder(forms: Map<number, number>, key: number, sites: readonly (readonly SpellingSite[])[]): Map<number, number> {
	const ordered = new Map<number, number>();
	for (const line of sites) {
		for (const site of line) {
			if (site.key === key && !ordered.has(site.char)) {
				ordered.set(site.char, forms.get(site.char)!);
				if (ordered.size === forms.size) { return ordered; }
			}
		}
	}
	return ordered;
}
