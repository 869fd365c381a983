/**
 * Scoring of the mixed-script rule (issue 15), shared by the unit tests and bench/scriptQuality.ts.
 *
 * Annotated fixtures (test/fixtures/script/README.md): `⟦a|b⟧` is certainly wrong (Warning, and
 * fix-all writes b), `⟦a|b?⟧` probably wrong (reported above Hint), everything else correct.
 * Injection: leftovers of the other script, or a character-by-character converter's
 * over-conversions, put into clean text one at a time at known places.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Converter } from 'opencc-js';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { CorpusDocument, defaultLintOptions, LanguageService, LintOptions, Problem, RuleEdit } from '../../server/src/service';
import { RegionalStandards } from '../../server/src/service/script/regional';
import { CharClass, scriptTables } from '../../server/src/service/script/tables';

const regional = new RegionalStandards([]);

export const scriptFixtures = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'script');

export interface Mark { readonly start: number; readonly end: number; readonly found: string; readonly want: string; readonly certain: boolean }
export interface Annotated { readonly text: string; readonly expected: string; readonly marks: readonly Mark[] }

/** Reads `⟦a|b⟧` and `⟦a|b?⟧` marks: the text as written, the text as it should be, the marks. */
export function parseAnnotated(source: string): Annotated {
	let text = '';
	let expected = '';
	const marks: Mark[] = [];
	const re = /⟦([^|⟧]*)\|([^⟧]*?)(\?)?⟧/g;
	let from = 0;
	for (const m of source.matchAll(re)) {
		text += source.slice(from, m.index);
		expected += source.slice(from, m.index);
		marks.push({ start: text.length, end: text.length + m[1].length, found: m[1], want: m[2], certain: !m[3] });
		text += m[1];
		expected += m[2];
		from = m.index + m[0].length;
	}
	return { text: text + source.slice(from), expected: expected + source.slice(from), marks };
}

const jieba = jiebaSegmenter();
const newService = () => new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jieba, tagger: jieba });
let svc = newService();

/** The mixed-script rule alone, as the hosts run it (jieba for words and names). */
export function scriptOptions(overrides: Partial<LintOptions> = {}): LintOptions {
	return { ...defaultLintOptions, rules: { 'mixed-script': 'warning' }, maxProblems: Number.MAX_SAFE_INTEGER, ...overrides };
}

export function scriptCheck(text: string, opts = scriptOptions()): { problems: Problem[]; edits: RuleEdit[] } {
	// A long run fills the line caches: start afresh now and then.
	if (Math.random() < 0.01) { svc = newService(); }
	const doc = new CorpusDocument('file:///eval.txt', 1, text);
	const problems = svc.lint(doc, opts).filter((p) => p.ruleId === 'mixed-script');
	const edits = svc.fixAll(doc, opts).filter((e) => e.ruleId === 'mixed-script');
	return { problems, edits };
}

const aboveHint = (p: Problem) => p.severity !== 'hint';
const atWarning = (p: Problem) => p.severity === 'warning' || p.severity === 'error';
const covers = (p: Problem, start: number, end: number) => p.start < end && start < p.end;

export interface FixtureScore {
	chars: number;
	/** Warnings (or errors) that touch no mark: warnings on correct text. */
	warningsOnCorrect: string[];
	/** Characters fix-all changed that were correct, or changed to the wrong form. */
	damage: string[];
	certain: number; certainWarned: number; certainFixed: number;
	probable: number; probableReported: number;
	misses: string[];
}

export function scoreAnnotated(name: string, source: string): FixtureScore {
	const { text, marks } = parseAnnotated(source);
	const { problems, edits } = scriptCheck(text);
	const inMark = (start: number, end: number) => marks.find((m) => m.start < end && start < m.end);
	const score: FixtureScore = { chars: [...text].length, warningsOnCorrect: [], damage: [], certain: 0, certainWarned: 0, certainFixed: 0, probable: 0, probableReported: 0, misses: [] };
	const context = (start: number, end: number) => `${text.slice(Math.max(0, start - 6), start)}[${text.slice(start, end)}]${text.slice(end, end + 6)}`.replace(/\n/g, '⏎');
	for (const p of problems.filter(atWarning)) {
		if (!inMark(p.start, p.end)) { score.warningsOnCorrect.push(`${name}: ${context(p.start, p.end)} ${p.message}`); }
	}
	for (const e of edits) {
		for (let k = e.start; k < e.end; k++) {
			const m = inMark(k, k + 1);
			const written = e.end - e.start === e.newText.length ? e.newText[k - e.start] : undefined;
			if (!m || (written !== undefined && written !== m.want[k - m.start])) { score.damage.push(`${name}: ${context(k, k + 1)} → ${e.newText}`); }
		}
	}
	for (const m of marks) {
		const reported = problems.filter((p) => covers(p, m.start, m.end));
		const fixed = edits.some((e) => e.start <= m.start && m.end <= e.end && e.newText.includes(m.want));
		if (m.certain) {
			score.certain++;
			if (reported.some(atWarning)) { score.certainWarned++; } else { score.misses.push(`${name}: ${context(m.start, m.end)} not at Warning (${reported.map((p) => p.severity).join(',') || 'none'})`); }
			if (fixed) { score.certainFixed++; } else { score.misses.push(`${name}: ${context(m.start, m.end)} not fixed to ${m.want}`); }
		} else {
			score.probable++;
			if (reported.some(aboveHint)) { score.probableReported++; } else { score.misses.push(`${name}: ${context(m.start, m.end)} not reported`); }
		}
	}
	return score;
}

/** Every annotated fixture of a folder (not recursive), by name. */
export function readAnnotated(dir: string): [string, string][] {
	if (!fs.existsSync(dir)) { return []; }
	return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

const toCn = Converter({ from: 'tw', to: 'cn' });
const toTw = Converter({ from: 'cn', to: 'tw' });

export interface Injection { readonly text: string; readonly at: number; readonly original: string }

/**
 * Places where a clean text could hold a character of the other script: the character the
 * other script writes there (OpenCC's phrase conversion, position by position).
 */
export function leftoverSites(clean: string, script: 'traditional' | 'simplified'): { at: number; other: string }[] {
	const other = script === 'traditional' ? toCn(clean) : toTw(clean);
	if (other.length !== clean.length) { return []; }
	const sites: { at: number; other: string }[] = [];
	for (let i = 0; i < clean.length; i++) { if (other[i] !== clean[i]) { sites.push({ at: i, other: other[i] }); } }
	return sites;
}

/**
 * Over-conversion sites of clean traditional text: what a converter working character by
 * character (OpenCC's default candidate, no phrases) writes from the simplified reading, where
 * that differs from the text and is not merely a regional variant of it (裏/裡, 着/著).
 */
export function overConversionSites(clean: string): { at: number; other: string }[] {
	const simplified = toCn(clean);
	if (simplified.length !== clean.length) { return []; }
	const t = scriptTables();
	const variantPairs = new Set<string>();
	for (const map of [t.twVariant, t.hkVariant]) { for (const [a, b] of map) { variantPairs.add(a + b); variantPairs.add(b + a); } }
	const sites: { at: number; other: string }[] = [];
	for (let i = 0; i < clean.length; i++) {
		const naive = t.stCandidates.get(simplified[i])?.[0];
		if (!naive || naive === clean[i] || naive.length !== 1 || variantPairs.has(naive + clean[i])) { continue; }
		// Only another traditional form (後 for 后), not a character valid in both scripts (a leftover), nor a pair both regions accept (夥/伙).
		if (t.cls[naive.charCodeAt(0)] !== CharClass.TraditionalOnly || regional.acceptsPair(clean[i], naive, 'traditional') || regional.acceptsPair(naive, clean[i], 'traditional')) { continue; }
		sites.push({ at: i, other: naive });
	}
	return sites;
}

export interface InjectionScore { sites: number; reported: number; warned: number; fixed: number; damage: number; misses: string[]; damages: string[]; unwarned: string[] }

/**
 * Injects one site per 60 characters (at least 4 apart), checks, and counts the injected
 * characters reported above Hint, at Warning, and put back by fix-all; any other fix-all
 * change is damage.
 */
export function scoreInjection(clean: string, sites: readonly { at: number; other: string }[], random: () => number, score: InjectionScore): void {
	const chosen: { at: number; other: string }[] = [];
	const wanted = Math.max(1, Math.round(clean.length / 60));
	for (const s of [...sites].sort(() => random() - 0.5)) {
		if (chosen.length >= wanted) { break; }
		if (chosen.every((c) => Math.abs(c.at - s.at) >= 4)) { chosen.push(s); }
	}
	if (chosen.length === 0) { return; }
	let text = clean;
	for (const c of chosen) { text = text.slice(0, c.at) + c.other + text.slice(c.at + 1); }
	const { problems, edits } = scriptCheck(text);
	const injected = new Set(chosen.map((c) => c.at));
	for (const c of chosen) {
		score.sites++;
		const reported = problems.filter((p) => covers(p, c.at, c.at + 1));
		if (reported.some(aboveHint)) { score.reported++; } else if (score.misses.length < 400) { score.misses.push(`${text.slice(Math.max(0, c.at - 5), c.at)}[${c.other}→${clean[c.at]}]${text.slice(c.at + 1, c.at + 6)}`); }
		if (reported.some(atWarning)) { score.warned++; } else if (reported.some(aboveHint) && score.unwarned.length < 400) {
			score.unwarned.push(`${text.slice(Math.max(0, c.at - 5), c.at)}[${c.other}→${clean[c.at]}]${text.slice(c.at + 1, c.at + 6)} ${reported.map((p) => p.severity).join(',')}`.replace(/\n/g, '⏎'));
		}
		if (edits.some((e) => e.start <= c.at && c.at < e.end && e.end - e.start === e.newText.length && e.newText[c.at - e.start] === clean[c.at])) { score.fixed++; }
	}
	for (const e of edits) {
		for (let k = e.start; k < e.end; k++) {
			if (!injected.has(k) || e.end - e.start !== e.newText.length || e.newText[k - e.start] !== clean[k]) {
				score.damage++;
				if (score.damages.length < 100) { score.damages.push(`${text.slice(Math.max(0, k - 6), k)}[${text[k]}→${e.newText}]${text.slice(k + 1, k + 6)} (was ${clean[k]})`.replace(/\n/g, '⏎')); }
			}
		}
	}
}

export const emptyInjectionScore = (): InjectionScore => ({ sites: 0, reported: 0, warned: 0, fixed: 0, damage: 0, misses: [], damages: [], unwarned: [] });
