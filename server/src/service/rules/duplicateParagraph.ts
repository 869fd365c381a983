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
 *
 * An edited document is not matched again whole: the findings of lines the edit cannot have
 * changed (before it, or after it without a clause of the edited lines) are kept from the last
 * check, moved, and the last check's clause index is patched, not rebuilt (duplicates/reuse.ts).
 */
import { analyze, isChromeLine } from '../boilerplate/analysis';
import { deleteLines, excerpt } from '../boilerplate/findings';
import type { CorpusDocument } from '../document';
import { ClauseIndex, clausesOf, LocalClause } from '../duplicates/clauses';
import { forgetFindings, LineFound, moved, remember, remembers, reusable } from '../duplicates/reuse';
import type { Finding, Rule, RuleContext } from '../types';

const id = 'duplicate.paragraph';
const bodyLine = /[，,；;。！？!?]/;
const noClauses: LocalClause[] = [];

export const duplicateParagraph: Rule = {
	id,
	description: 'A paragraph or run of sentences (≥ 20 characters) that repeats text found earlier in the document.',
	defaultSeverity: 'warning',
	*check(doc, ctx): Iterable<Finding> {
		const analysis = analyze(doc);
		const lines = doc.lines;
		// Cached per line text: an edit re-splits the lines it touched (their strings are reused).
		const cache = ctx.cache<LocalClause[]>('clauses');
		const clauses = (text: string) => {
			let local = cache.get(text);
			if (!local) { local = clausesOf(text); cache.set(text, local); }
			return local;
		};
		const punctuated = ctx.cache<boolean>('punctuated').perLine(doc, (text) => bodyLine.test(text));
		// Only a punctuated line can be a body line, the only lines whose clauses are read (here and
		// by reuse.ts): a line without that punctuation is not split (its entry is then no clauses).
		const perLine = cache.perLine(doc, (text, n) => (punctuated[n] ? clausesOf(text) : noClauses));
		const body = new Uint8Array(lines.length);
		for (let n = 0; n < lines.length; n++) { body[n] = punctuated[n] && !isChromeLine(analysis, n) ? 1 : 0; }
		const reuse = reusable(doc, body, clauses, ctx.t);
		// Without a clause that occurs twice nothing repeats: no index, unless it is kept for the next version.
		if (!reuse && !remembers(doc) && !ClauseIndex.anyRepeat(lines, body, (n) => perLine[n])) {
			forgetFindings(doc.uri);
			return;
		}
		// A fresh index reads the clauses just split per line (a closed file's are not in the cache's maps: lruCache.ts).
		const index = reuse ? reuse.index(clauses) : ClauseIndex.of(lines, body, (_text, n) => perLine[n]);
		const found: (readonly LineFound[] | undefined)[] = new Array(lines.length);
		for (let n = 0; n < lines.length; n++) {
			if (!body[n]) { continue; }
			const local = perLine[n];
			const kept = reuse?.lineBefore(n, local);
			if (kept !== undefined) {
				// Lines before the edit keep their findings as they are (the same objects).
				const prior = reuse!.found(kept);
				// (An empty list is kept as it is: most lines repeat nothing, and a map makes a new array each.)
				const list = n < reuse!.suffix || prior.length === 0 ? prior : prior.map((f) => moved(f, reuse!, true, doc, ctx));
				// Indexed, not for-of: in a generator each for-of allocates an iterator and its last result (per body line).
				for (let k = 0; k < list.length; k++) { yield list[k].finding; }
				found[n] = list;
			} else {
				const list = [...lineFindings(doc, n, local, index, ctx)];
				for (let k = 0; k < list.length; k++) { yield list[k].finding; }
				found[n] = list;
			}
		}
		remember(doc, body, found, ctx.t, index);
	},
};

/** The repeats in line `n`: runs of its clauses found consecutively earlier, sentence-aligned on the repeat's side. */
function* lineFindings(doc: CorpusDocument, n: number, local: readonly LocalClause[], index: ClauseIndex, ctx: RuleContext): Iterable<LineFound> {
	const first = index.lineFirst[n];
	const offset = doc.lines[n].start;
	for (let j = 0; j < local.length;) {
		const startsSentence = j === 0 || local[j - 1].endsSentence;
		const run = startsSentence ? index.longestRun(local, j, first) : undefined;
		if (run && !(j === 0 && run.length === local.length && titleOfListed(doc, n, doc.lineAt(index.starts[run.at])))) {
			yield finding(doc, n, offset, local, j, run.length, { start: index.starts[run.at], end: index.ends[run.at + run.length - 1] }, ctx);
			j += run.length;
		} else {
			j++;
		}
	}
}

const headlineShaped = (text: string) => { const t = text.trim(); return t.length > 0 && t.length <= 48 && !/[。！？!?]$/.test(t); };

/** Line `n` is a headline whose earlier copy, line `m`, stands in a list of headlines (two or more in a row). */
function titleOfListed(doc: CorpusDocument, n: number, m: number): boolean {
	const lines = doc.lines;
	if (!headlineShaped(lines[n].text) || !headlineShaped(lines[m].text)) { return false; }
	const neighbour = (from: number, step: number) => { let i = from + step; while (i >= 0 && i < lines.length && lines[i].text.trim() === '') { i += step; } return i >= 0 && i < lines.length ? i : -1; };
	const before = neighbour(m, -1), after = neighbour(m, 1);
	return (before >= 0 && headlineShaped(lines[before].text)) || (after >= 0 && after !== n && headlineShaped(lines[after].text));
}

function finding(doc: CorpusDocument, n: number, offset: number, own: readonly LocalClause[], j: number, length: number, original: { start: number; end: number }, ctx: RuleContext): LineFound {
	const start = offset + own[j].start;
	const end = offset + own[j + length - 1].end;
	const line = doc.lines[n];
	const wholeLine = j === 0 && j + length === own.length && doc.text.slice(end, line.end).trim() === '' && doc.text.slice(line.start, start).trim() === '';
	const edit = wholeLine ? deleteLines(doc, n, n) : { start, end, newText: '' };
	const originalLine = doc.lineAt(original.start) + 1;
	return {
		originalLine,
		finding: {
			ruleId: id, start, end,
			message: ctx.t('duplicate.paragraph', excerpt(doc.text.slice(start, end)), originalLine),
			related: [{ start: original.start, end: original.end, message: ctx.t('duplicate.firstOccurrence') }],
			fixes: [{ title: ctx.t(wholeLine ? 'fix.deleteLine' : 'fix.deleteRepeat'), edits: [edit], isPreferred: true, safe: true }],
		},
	};
}
