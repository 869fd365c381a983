/**
 * duplicate.paragraph — a paragraph, or a run of whole sentences in it, of at least 20
 * characters whose text already appeared earlier in the document: scraped pages repeat a
 * paragraph, or repeat a sentence's tail without its opening clause (so the match is on runs of
 * clauses, not on whole sentences). The diagnostic points at the first occurrence; the fix
 * deletes the repeat (the line, when the repeat is all of it).
 *
 * Only body lines (with clause or sentence punctuation) are compared, so a headline echoed by the
 * lede is not a duplicate, and lines a boilerplate rule deletes are left to it. A headline that a
 * list of headlines above it already holds (an e-paper page's table of contents, a page's own
 * list of its articles) is the article's title, not a repeat: the list is the chrome.
 */
import { analyze, isChromeLine } from '../boilerplate/analysis';
import { deleteLines, excerpt } from '../boilerplate/findings';
import type { CorpusDocument } from '../document';
import type { Finding, Rule } from '../types';

const id = 'duplicate.paragraph';
const minLength = 20;

interface Clause {
	readonly line: number;
	/** Document offsets; `end` includes the clause's punctuation. */
	readonly start: number;
	readonly end: number;
	readonly key: string;
	/** The clause ends a sentence (or its line). */
	readonly endsSentence: boolean;
}

const sentenceEnd = /[。！？!?]/;
const bodyLine = /[，,；;。！？!?]/;

/** A line's clause placed in the document (a class: object spread here dominated the rule's time). */
class GlobalClause implements Clause {
	readonly start: number;
	readonly end: number;
	readonly key: string;
	readonly endsSentence: boolean;
	constructor(c: LocalClause, readonly line: number, offset: number) {
		this.start = offset + c.start;
		this.end = offset + c.end;
		this.key = c.key;
		this.endsSentence = c.endsSentence;
	}
}

/** A line's clauses, offsets relative to the line. */
type LocalClause = Omit<Clause, 'line'>;
const clauseSplit = /[，,；;：:。！？!?][”’」』)）\]】"']*/g;
const trailing = /[，,；;：:。！？!?”’」』)）\]】"'\s]+$/u;

function clausesOf(text: string): LocalClause[] {
	const out: LocalClause[] = [];
	let from = 0;
	const push = (a: number, b: number, endsSentence: boolean) => {
		const raw = text.slice(a, b);
		const lead = raw.length - raw.trimStart().length;
		const key = raw.trim().replace(trailing, '');
		if (key.length > 0) { out.push({ start: a + lead, end: b, key, endsSentence: endsSentence || b === text.length }); }
	};
	for (const m of text.matchAll(clauseSplit)) {
		const end = m.index! + m[0].length;
		push(from, end, sentenceEnd.test(m[0][0]));
		from = end;
	}
	if (text.slice(from).trim().length > 0) { push(from, text.length, true); }
	return out;
}

export const duplicateParagraph: Rule = {
	id,
	description: 'A paragraph or run of sentences (≥ 20 characters) that repeats text found earlier in the document.',
	defaultSeverity: 'warning',
	*check(doc, ctx): Iterable<Finding> {
		const analysis = analyze(doc);
		// Every earlier clause, in parallel arrays (no object per clause: a 1 MB document has 50,000).
		const keys: string[] = [];
		const starts: number[] = [];
		const ends: number[] = [];
		const where = new Map<string, number[]>();
		const cache = ctx.cache<LocalClause[]>('clauses');
		for (let n = 0; n < doc.lines.length; n++) {
			const text = doc.lines[n].text;
			if (!bodyLine.test(text) || isChromeLine(analysis, n)) { continue; }
			// Cached per line text: an edit re-splits the lines it touched (their strings are reused).
			let local = cache.get(text);
			if (!local) { local = clausesOf(text); cache.set(text, local); }
			const first = keys.length;
			let own: Clause[] | undefined;
			// Match this line's clauses against earlier lines only, sentence-aligned on the repeat's side.
			for (let j = 0; j < local.length;) {
				const startsSentence = j === 0 || local[j - 1].endsSentence;
				const run = startsSentence ? longestRun(local, j, keys, where, first) : undefined;
				if (run && !(j === 0 && run.length === local.length && titleOfListed(doc, n, doc.lineAt(starts[run.at])))) {
					own ??= local.map((c) => new GlobalClause(c, n, doc.lines[n].start));
					yield finding(doc, own, j, run, { start: starts[run.at], end: ends[run.at + run.length - 1] }, ctx);
					j += run.length;
				} else {
					j++;
				}
			}
			const offset = doc.lines[n].start;
			for (const c of local) {
				const index = keys.length;
				keys.push(c.key);
				starts.push(offset + c.start);
				ends.push(offset + c.end);
				const list = where.get(c.key);
				if (list) { list.push(index); } else { where.set(c.key, [index]); }
			}
		}
	},
};

const headlineShaped = (text: string) => { const t = text.trim(); return t.length > 0 && t.length <= 48 && !/[。！？!?]$/.test(t); };

/** Line `n` is a headline whose earlier copy, line `m`, stands in a list of headlines (two or more in a row). */
function titleOfListed(doc: CorpusDocument, n: number, m: number): boolean {
	const lines = doc.lines;
	if (!headlineShaped(lines[n].text) || !headlineShaped(lines[m].text)) { return false; }
	const neighbour = (from: number, step: number) => { let i = from + step; while (i >= 0 && i < lines.length && lines[i].text.trim() === '') { i += step; } return i >= 0 && i < lines.length ? i : -1; };
	const before = neighbour(m, -1), after = neighbour(m, 1);
	return (before >= 0 && headlineShaped(lines[before].text)) || (after >= 0 && after !== n && headlineShaped(lines[after].text));
}

/** The longest run of `own` from `j` found consecutively among earlier clauses, ending a sentence, ≥ 20 characters. */
function longestRun(own: readonly LocalClause[], j: number, keys: readonly string[], where: ReadonlyMap<string, number[]>, limit: number): { at: number; length: number } | undefined {
	let best: { at: number; length: number } | undefined;
	const at = where.get(own[j].key);
	if (!at) { return undefined; }
	// A clause repeated very often (a stock phrase) is checked against its first occurrences only.
	for (let q = 0; q < at.length && q < 8; q++) {
		const p = at[q];
		let k = 0;
		let chars = 0;
		let good = 0;
		while (j + k < own.length && p + k < limit && keys[p + k] === own[j + k].key) {
			chars += own[j + k].key.length;
			k++;
			if (own[j + k - 1].endsSentence && chars >= minLength) { good = k; }
		}
		if (good > (best?.length ?? 0)) { best = { at: p, length: good }; }
	}
	return best;
}

function finding(doc: CorpusDocument, own: readonly Clause[], j: number, run: { at: number; length: number }, original: { start: number; end: number }, ctx: Parameters<Rule['check']>[1]): Finding {
	const first = own[j];
	const last = own[j + run.length - 1];
	const line = doc.lines[first.line];
	const wholeLine = j === 0 && j + run.length === own.length && doc.text.slice(last.end, line.end).trim() === '' && doc.text.slice(line.start, first.start).trim() === '';
	const edit = wholeLine ? deleteLines(doc, first.line, first.line) : { start: first.start, end: last.end, newText: '' };
	const originalLine = doc.lineAt(original.start) + 1;
	return {
		ruleId: id, start: first.start, end: last.end,
		message: ctx.t('duplicate.paragraph', excerpt(doc.text.slice(first.start, last.end)), originalLine),
		related: [{ start: original.start, end: original.end, message: ctx.t('duplicate.firstOccurrence') }],
		fixes: [{ title: ctx.t(wholeLine ? 'fix.deleteLine' : 'fix.deleteRepeat'), edits: [edit], isPreferred: true, safe: true }],
	};
}
