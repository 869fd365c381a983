/**
 * What duplicate.paragraph found in the last check of an edited document, and which lines of the
 * next version can keep it. A line's findings depend on its own clauses and on the clauses before
 * it. After an edit of lines [a, b): lines before `a` are unchanged with everything before them;
 * a line after the edit keeps its findings (moved) unless one of its clauses is a clause of the
 * edited lines, old or new — a run that reached into the edit, or could now, compares such a
 * clause (or a clause of the nearest line with text on either side: a headline's neighbours say
 * whether it stands in a list). When a line outside the edit changed between body and chrome,
 * nothing is kept.
 */
import { excerpt } from '../boilerplate/findings';
import type { CorpusDocument } from '../document';
import type { Finding, RuleContext } from '../types';
import { ClauseIndex, type LocalClause } from './clauses';

export interface LineFound { readonly finding: Finding; readonly originalLine: number }

interface Previous {
	readonly doc: CorpusDocument;
	/** The messages' language: a check in another one matches again. */
	readonly t: RuleContext['t'];
	readonly body: Uint8Array;
	readonly found: readonly (readonly LineFound[] | undefined)[];
	readonly index: ClauseIndex;
}

/** Documents remembered (their last version): an editor's few large open documents. */
const remembered = new Map<string, Previous>();
const maxRemembered = 4;
/** Smaller documents are matched whole: remembering costs more than it saves. */
const minLines = 500;

/** Whether a check of `doc` is kept for its next version (an editor's document, version above 0, not small): it then needs its clause index. */
export const remembers = (doc: CorpusDocument) => doc.version > 0 && doc.lines.length >= minLines;

/** Keeps this check's findings and clause index of an editor's document (version above 0) for its next version. */
export function remember(doc: CorpusDocument, body: Uint8Array, found: readonly (readonly LineFound[] | undefined)[], t: RuleContext['t'], index: ClauseIndex): void {
	remembered.delete(doc.uri);
	if (!remembers(doc)) { return; }
	remembered.set(doc.uri, { doc, t, body, found, index });
	if (remembered.size > maxRemembered) { remembered.delete(remembered.keys().next().value!); }
}

/** The editor closed the document: its last check is not needed any more. */
export function forgetFindings(uri: string): void {
	remembered.delete(uri);
}

export interface Reuse {
	/** The line of the last version whose findings line `n` keeps, or undefined when it must be matched. */
	lineBefore(n: number, local: readonly LocalClause[]): number | undefined;
	found(line: number): readonly LineFound[];
	/** UTF-16 units and lines the edit added (negative: removed). */
	readonly delta: number;
	readonly lineDelta: number;
	/** The first line of the last version after the edit. */
	readonly oldSuffix: number;
	/** The first line of this version after the edit. */
	readonly suffix: number;
	/**
	 * The clause index of this version: the last version's, its edited lines' clauses replaced
	 * (that index is then no longer the last version's: the last check is forgotten once reused).
	 */
	index(clauses: (text: string) => readonly LocalClause[]): ClauseIndex;
}

/** An edit of more lines than this rebuilds the clause index rather than splicing it. */
const maxPatchedLines = 2000;

export function reusable(doc: CorpusDocument, body: Uint8Array, clauses: (text: string) => readonly LocalClause[], t: RuleContext['t']): Reuse | undefined {
	const prev = remembered.get(doc.uri);
	if (!prev || prev.doc === doc || prev.t !== t) { return undefined; }
	const old = prev.doc.lines, now = doc.lines;
	const m = Math.min(old.length, now.length);
	let a = 0;
	while (a < m && old[a].text === now[a].text && old[a].start === now[a].start) { a++; }
	// The line before the edit too: its fix deletes up to the next line's start, which may have moved (a line break edited).
	a = Math.max(0, a - 1);
	const delta = doc.text.length - prev.doc.text.length;
	let s = 0;
	while (s < m - a && old[old.length - 1 - s].text === now[now.length - 1 - s].text && now[now.length - 1 - s].start - old[old.length - 1 - s].start === delta) { s++; }
	// Another text altogether (a part of a large file after another part): nothing to keep.
	if (a + s < m / 2) { return undefined; }
	for (let i = 0; i < a; i++) { if (body[i] !== prev.body[i]) { return undefined; } }
	for (let k = 0; k < s; k++) { if (body[now.length - 1 - k] !== prev.body[old.length - 1 - k]) { return undefined; } }
	const edited = new Set<string>();
	// The nearest lines with text on either side of the edit: whether a headline stands in a list
	// reads its neighbours, which the edit may have changed.
	let before = a - 1;
	while (before >= 0 && now[before].text.trim() === '') { before--; }
	let after = now.length - s;
	while (after < now.length && now[after].text.trim() === '') { after++; }
	for (const i of [before, after]) { if (i >= 0 && i < now.length && body[i]) { for (const c of clauses(now[i].text)) { edited.add(c.key); } } }
	for (let i = a; i < old.length - s; i++) { if (prev.body[i]) { for (const c of clauses(old[i].text)) { edited.add(c.key); } } }
	for (let i = a; i < now.length - s; i++) { if (body[i]) { for (const c of clauses(now[i].text)) { edited.add(c.key); } } }
	const lineDelta = now.length - old.length;
	const suffix = now.length - s;
	// Whatever this check does, the last one's state is not used again (its index is patched in place).
	remembered.delete(doc.uri);
	return {
		delta, lineDelta, oldSuffix: old.length - s, suffix,
		index: (clauses) => (suffix - a > maxPatchedLines || old.length - s - a > maxPatchedLines ? ClauseIndex.of(now, body, clauses)
			: prev.index.patch(now, body, clauses, a, old.length - s, suffix, delta)),
		// The last line's fix reaches back to the line before it (deleteLines): matched again.
		lineBefore: (n, local) => n < a ? n
			: n >= suffix && n < now.length - 1 && !local.some((c) => edited.has(c.key)) ? n - lineDelta
				: undefined,
		found: (line) => prev.found[line] ?? [],
	};
}

/**
 * A kept finding in the new version's offsets: a line after the edit moves by the edit's size,
 * and so does its first occurrence when that lies after the edit too (its line number in the
 * message with it). Lines before the edit keep theirs as they are.
 */
export function moved(f: LineFound, reuse: Reuse, afterEdit: boolean, doc: CorpusDocument, ctx: RuleContext): LineFound {
	if (!afterEdit || (reuse.delta === 0 && reuse.lineDelta === 0)) { return f; }
	const { finding } = f;
	const own = reuse.delta;
	const originalMoves = f.originalLine - 1 >= reuse.oldSuffix;
	const od = originalMoves ? reuse.delta : 0;
	const originalLine = originalMoves ? f.originalLine + reuse.lineDelta : f.originalLine;
	const start = finding.start + own, end = finding.end + own;
	const fix = finding.fixes[0];
	const related = finding.related![0] as { start: number; end: number; message: string };
	// Written out field by field (the shapes finding() makes): a spread per finding and edit takes V8's slow path.
	const edits = fix.edits.map((e) => ({ start: e.start + own, end: e.end + own, newText: e.newText }));
	return {
		originalLine,
		finding: {
			ruleId: finding.ruleId, start, end,
			message: originalLine === f.originalLine ? finding.message : ctx.t('duplicate.paragraph', excerpt(doc.text.slice(start, end)), originalLine),
			related: od === 0 ? finding.related : [{ start: related.start + od, end: related.end + od, message: related.message }],
			fixes: [{ title: fix.title, edits, isPreferred: fix.isPreferred, safe: fix.safe }],
		},
	};
}
