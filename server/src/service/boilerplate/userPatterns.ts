/**
 * The user's own boilerplate patterns (`zhCorpus.boilerplate.patterns`, RE2 syntax) are compiled
 * and priced here before any line meets them. re2js runs in linear time, but its constant grows
 * with the compiled program: `[\s\S]{1000}[^中]` costs about 0.2 s on one 5,000-character line,
 * and a document of such lines held the server for minutes. So a pattern is refused when its
 * source or program is too large, when a counted repetition is too large, or when a test match
 * on worst-case lines of the longest length ever matched takes longer than the per-line budget.
 * What is accepted therefore costs at most `lineBudgetMs` per line; its measured cost per
 * character tells the server whether a document's matching belongs on a worker thread.
 */
import { RE2JS } from 're2js';
import type { MessageId } from '../messages';

export const userPatternLimits = {
	/** Characters of the pattern's source. */
	maxSourceLength: 1000,
	/** Instructions of the compiled program (re2js's `programSize`): the NFA's cost per character. */
	maxProgramSize: 500,
	/** The largest bound of a counted repetition (`{n}`, `{n,m}`). */
	maxRepeat: 200,
	/** Lines longer than this are not matched. */
	maxLineLength: 5000,
	/** A test match on a worst-case line of `maxLineLength` characters must take less than this. */
	lineBudgetMs: 10,
} as const;

/** Why a pattern is refused: a message id of the catalogue with its arguments, or RE2's own syntax error. */
export type Refusal = { readonly message: MessageId; readonly args: readonly (string | number)[] } | { readonly syntax: string };

export interface PricedPattern {
	readonly re: RE2JS;
	/** Milliseconds per character of the slowest test line (a line is matched as written and normalized: twice this). */
	readonly msPerChar: number;
}

const verdicts = new Map<string, PricedPattern | Refusal>();

/** Compiles and prices a pattern once per source (settings are read per document). */
export function checkUserPattern(regex: string, now: () => number = Date.now): PricedPattern | Refusal {
	let v = verdicts.get(regex);
	if (!v) {
		v = judge(regex, now);
		if (verdicts.size > 1000) { verdicts.clear(); }
		verdicts.set(regex, v);
	}
	return v;
}

export const isRefusal = (v: PricedPattern | Refusal): v is Refusal => !('re' in v);

function judge(regex: string, now: () => number): PricedPattern | Refusal {
	const L = userPatternLimits;
	if (regex.length > L.maxSourceLength) { return { message: 'settings.patternTooLong', args: [regex.length, L.maxSourceLength] }; }
	const repeat = largestRepeat(regex);
	if (repeat > L.maxRepeat) { return { message: 'settings.patternRepeat', args: [repeat, L.maxRepeat] }; }
	let re: RE2JS;
	try { re = RE2JS.compile(regex); } catch (e) { return { syntax: e instanceof Error ? e.message : String(e) }; }
	const size = re.programSize();
	if (size > L.maxProgramSize) { return { message: 'settings.patternTooLarge', args: [size, L.maxProgramSize] }; }
	let slowest = 0;
	// Each line twice, the faster counts: the first match of a program builds its DFA's states
	// (up to ten times slower). What a line costs later still varies: boilerplateCustom.ts keeps a deadline.
	for (const line of testLines(regex)) {
		const first = time(re, line, now);
		const ms = first > 20 * L.lineBudgetMs ? first : Math.min(first, time(re, line, now));
		if (ms > L.lineBudgetMs) { return { message: 'settings.patternSlow', args: [Math.round(ms), L.maxLineLength, L.lineBudgetMs] }; }
		slowest = Math.max(slowest, ms);
	}
	return { re, msPerChar: slowest / L.maxLineLength };
}

function time(re: RE2JS, line: string, now: () => number): number {
	const start = now();
	re.matcher(line).find();
	return now() - start;
}

/** The largest number in a counted repetition `{n}` / `{n,}` / `{n,m}` (escaped braces are literals). */
function largestRepeat(regex: string): number {
	let largest = 0;
	for (const m of regex.matchAll(/(\\*)\{(\d+)(?:,(\d*))?\}/g)) {
		if (m[1].length % 2 === 1) { continue; }
		largest = Math.max(largest, Number(m[2]), m[3] ? Number(m[3]) : 0);
	}
	return largest;
}

/**
 * Lines on which an NFA keeps the most threads alive: one Han character, one Latin letter and
 * spaces repeated, news prose, and the pattern's own literal characters in a scrambled order
 * (what its classes and alternatives are written to match).
 */
function testLines(regex: string): string[] {
	const n = userPatternLimits.maxLineLength;
	const fill = (unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
	const own = [...new Set(regex.replace(/\\[pP]\{[^}]*\}|\\./g, '').replace(/[[\](){}|*+?^$.]/g, ''))].join('');
	let scrambled = '';
	if (own) {
		for (let i = 0, x = 7; scrambled.length < n; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; scrambled += own[x % own.length]; }
	}
	return [fill('中'), fill('a'), fill('，据报道 2024年3月 ABC 记者：'), fill(' '), ...(scrambled ? [scrambled.slice(0, n)] : [])];
}

/** The first match of a pattern in a line (an empty match does not count). */
export function findUserPattern(re: RE2JS, text: string): { start: number; end: number } | undefined {
	const m = re.matcher(text);
	return m.find() && m.end() > m.start() ? { start: m.start(), end: m.end() } : undefined;
}

/** The milliseconds that matching the patterns against `chars` characters may take (each line as written and normalized). */
export function expectedMatchMs(patterns: readonly { readonly msPerChar?: number }[], chars: number): number {
	let perChar = 0;
	for (const p of patterns) { perChar += 2 * (p.msPerChar ?? 0); }
	return perChar * chars;
}
