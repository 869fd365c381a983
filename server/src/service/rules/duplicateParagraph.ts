/**
 * duplicate.paragraph — a paragraph, or a run of whole sentences in it, of at least 20
 * characters whose text already appeared earlier in the document: scraped pages repeat a
 * paragraph, or repeat a sentence's tail without its opening clause (so the match is on runs of
 * clauses, not on whole sentences). The diagnostic points at the first occurrence; the fix
 * deletes the repeat (the line, when the repeat is all of it).
 *
 * Only body lines (with clause or sentence punctuation) are compared, so a headline echoed by the
 * lede is not a duplicate, and lines a boilerplate rule deletes are left to it.
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
		const clauses: Clause[] = [];
		const where = new Map<string, number[]>();
		for (let n = 0; n < doc.lines.length; n++) {
			const text = doc.lines[n].text;
			if (!bodyLine.test(text) || isChromeLine(analysis, n)) { continue; }
			// Not cached per line: splitting is cheap, and thousands of cached clause objects cost more in GC.
			const local = clausesOf(text);
			const offset = doc.lines[n].start;
			const own: Clause[] = local.map((c) => new GlobalClause(c, n, offset));
			const first = clauses.length;
			// Match this line's clauses against earlier lines only, sentence-aligned on the repeat's side.
			for (let j = 0; j < own.length;) {
				const startsSentence = j === 0 || own[j - 1].endsSentence;
				const run = startsSentence ? longestRun(own, j, clauses, where, first) : undefined;
				if (run) {
					yield finding(doc, own, j, run, clauses, ctx);
					j += run.length;
				} else {
					j++;
				}
			}
			for (const c of own) {
				clauses.push(c);
				const list = where.get(c.key);
				if (list) { list.push(clauses.length - 1); } else { where.set(c.key, [clauses.length - 1]); }
			}
		}
	},
};

/** The longest run of `own` from `j` found consecutively among earlier clauses, ending a sentence, ≥ 20 characters. */
function longestRun(own: readonly Clause[], j: number, clauses: readonly Clause[], where: ReadonlyMap<string, number[]>, limit: number): { at: number; length: number } | undefined {
	let best: { at: number; length: number } | undefined;
	// A clause repeated very often (a stock phrase) is checked against its first occurrences only.
	for (const p of (where.get(own[j].key) ?? []).slice(0, 8)) {
		let k = 0;
		let chars = 0;
		let good = 0;
		while (j + k < own.length && p + k < limit && clauses[p + k].key === own[j + k].key) {
			chars += own[j + k].key.length;
			k++;
			if (own[j + k - 1].endsSentence && chars >= minLength) { good = k; }
		}
		if (good > (best?.length ?? 0)) { best = { at: p, length: good }; }
	}
	return best;
}

function finding(doc: CorpusDocument, own: readonly Clause[], j: number, run: { at: number; length: number }, clauses: readonly Clause[], ctx: Parameters<Rule['check']>[1]): Finding {
	const first = own[j];
	const last = own[j + run.length - 1];
	const original = { start: clauses[run.at].start, end: clauses[run.at + run.length - 1].end };
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
