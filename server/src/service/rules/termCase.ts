/**
 * term.case — a known term in the wrong letter case (`5g` → `5G`, `ipv6`/`IPV6` → `IPv6`), from a
 * small built-in list of terms whose case is fixed, extended with `zhCorpus.terms`. A token is a
 * run of ASCII letters, digits and hyphens, so `5GHz` or `ipv6addr` are other words.
 */
import { isAsciiLetter } from '../text/chars';
import type { Finding, Rule } from '../types';

const id = 'term.case';

/** Terms whose spelling never varies in case; all-caps acronyms belong here only if a lower-case form is never meant. */
export const builtInTerms = ['3G', '4G', '5G', '6G', 'IPv4', 'IPv6', 'iPhone', 'iPad', 'macOS', 'GitHub', 'LinkedIn', 'YouTube', 'TikTok', 'WeChat', 'PyTorch', 'TensorFlow', 'JavaScript', 'TypeScript'];

const token = /[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z0-9]/g;
/** Part of a URL, an e-mail address or a file name: left as written. */
function inAddress(text: string, start: number, end: number): boolean {
	return /[./@:_\\]/.test(text[start - 1] ?? '') || /^[./@_\\][A-Za-z0-9]/.test(text.slice(end, end + 2));
}

const termsMemo = new WeakMap<readonly string[], Map<string, string>>();

function termMap(userTerms: readonly string[]): Map<string, string> {
	let map = termsMemo.get(userTerms);
	if (!map) {
		map = new Map([...builtInTerms, ...userTerms].map((t) => [t.toLowerCase(), t]));
		termsMemo.set(userTerms, map);
	}
	return map;
}

export const termCase: Rule = {
	id,
	description: 'Known terms in the wrong case (5g → 5G, ipv6 → IPv6); add your own with zhCorpus.terms.',
	defaultSeverity: 'info',
	*check(doc, ctx): Iterable<Finding> {
		const terms = termMap(ctx.options.terms);
		// Per line text (a term never spans lines): an edit looks at the lines it changed.
		const all = ctx.cache<Hit[]>(ctx.options.terms.join('\u0001')).perLine(doc, (text) => hitsIn(text, terms));
		const lines = doc.lines;
		// Indexed, not for-of: in a generator each for-of over a line's (mostly empty) list allocates
		// an iterator and its last result, ≈ 300 KB per check of a 1 MB document.
		for (let n = 0; n < lines.length; n++) {
			const line = lines[n], hits = all[n];
			for (let k = 0; k < hits.length; k++) {
				const { at, word, term } = hits[k];
				const start = line.start + at;
				yield {
					ruleId: id, start, end: start + word.length, message: ctx.t('term.case', word, term),
					fixes: [{ title: ctx.t('fix.replace', word, term), edits: [{ start, end: start + word.length, newText: term }], isPreferred: true, safe: true }],
				};
			}
		}
	},
};

interface Hit { readonly at: number; readonly word: string; readonly term: string }

const noHits: Hit[] = [];

/** Whether `text` holds an ASCII letter: a word without one is its own lower case, so no term is written otherwise there. */
function holdsAsciiLetter(text: string): boolean {
	for (let i = 0; i < text.length; i++) { if (isAsciiLetter(text.charCodeAt(i))) { return true; } }
	return false;
}

/** The known terms a line writes in another case (not inside an address). */
function hitsIn(text: string, terms: ReadonlyMap<string, string>): Hit[] {
	if (!holdsAsciiLetter(text)) { return noHits; }
	const hits: Hit[] = [];
	for (const m of text.matchAll(token)) {
		const word = m[0];
		const term = terms.get(word.toLowerCase());
		if (!term || term === word || inAddress(text, m.index!, m.index! + word.length)) { continue; }
		hits.push({ at: m.index!, word, term });
	}
	return hits;
}
