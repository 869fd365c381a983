/**
 * `zh-corpus fix --dry-run`: a unified diff built from the edits themselves, in time linear in the
 * text. A general diff (jsdiff) searches for the changes, which takes minutes and gigabytes on a
 * file of tens of megabytes; here the changes are known: each hunk is the lines the edits touch,
 * with `context` lines around, old lines `-`, new lines `+`.
 */
import { applyEdits } from '../service/edits';
import type { TextEdit } from '../service/types';

/** Lines after which a hunk is closed at the next unchanged line (a file whose every line changes is not one hunk). */
const maxHunkLines = 10_000;

interface Hunk { readonly start: number; readonly startLine: number; end: number; lastLine: number; readonly edits: TextEdit[] }

/** Lines of a stretch of text, each without its line feed; `complete`: it ended with one. */
function linesOf(s: string): { lines: string[]; complete: boolean } {
	if (s === '') { return { lines: [], complete: true }; }
	const complete = s.endsWith('\n');
	const lines = (complete ? s.slice(0, -1) : s).split('\n');
	return { lines, complete };
}

/** Where the line holding `offset` starts (lastIndexOf would search from 0 for a negative start: not asked). */
const lineStart = (text: string, offset: number) => (offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1);
/** Where the line holding `offset` ends (after its line feed). */
function lineEnd(text: string, offset: number): number {
	const nl = text.indexOf('\n', offset);
	return nl < 0 ? text.length : nl + 1;
}
/** `n` lines after a line start (fewer at the end of the text). */
function linesAfter(text: string, at: number, n: number): number {
	for (let i = 0; i < n && at < text.length; i++) { at = lineEnd(text, at); }
	return at;
}
/** `n` lines before a line start (fewer at the start of the text), and how many it went back. */
function linesBefore(text: string, at: number, n: number): { at: number; back: number } {
	let back = 0;
	for (; back < n && at > 0; back++) { at = lineStart(text, at - 1); }
	return { at, back };
}

/** The diff of `text` with sorted, non-overlapping `edits` (offsets of the whole text): `--- a/name`, `+++ b/name` and hunks. */
export function* unifiedDiff(name: string, text: string, edits: Iterable<TextEdit>, context = 1, maxLines = maxHunkLines): Generator<string> {
	// Line numbers by counting line feeds from a cursor that only moves forward (edits come in order).
	let cursor = 0;
	let cursorLine = 0;
	const lineAt = (offset: number) => {
		for (let nl = text.indexOf('\n', cursor); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) { cursorLine++; cursor = nl + 1; }
		return cursorLine;
	};
	let delta = 0;
	/** Where the previous hunk's text ended: a hunk's leading context never reaches back into it. */
	let previousEnd = 0;
	/** `after`: context lines after the hunk (fewer when the next hunk follows closely). */
	const hunkText = (h: Hunk, after = context): string => {
		const before = linesBefore(text, h.start, context);
		while (before.at < previousEnd) { before.at = lineEnd(text, before.at); before.back--; }
		const from = before.at;
		const to = linesAfter(text, h.end, after);
		previousEnd = to;
		const firstLine = h.startLine - before.back;
		const old = linesOf(text.slice(from, to));
		const fixed = linesOf(applyEdits(text.slice(from, to), h.edits.map((e) => ({ start: e.start - from, end: e.end - from, newText: e.newText }))));
		const oldStart = old.lines.length === 0 ? firstLine : firstLine + 1;
		const newStart = (fixed.lines.length === 0 ? firstLine : firstLine + 1) + delta;
		delta += fixed.lines.length - old.lines.length;
		// Common lines at both ends are context; the rest is removed and added.
		// Lines are the same when their text and whether a line feed ends them are.
		const ended = (l: { lines: string[]; complete: boolean }, i: number) => i < l.lines.length - 1 || l.complete;
		const same = (i: number, j: number) => old.lines[i] === fixed.lines[j] && ended(old, i) === ended(fixed, j);
		let head = 0;
		while (head < old.lines.length && head < fixed.lines.length && same(head, head)) { head++; }
		let tail = 0;
		while (tail < old.lines.length - head && tail < fixed.lines.length - head && same(old.lines.length - 1 - tail, fixed.lines.length - 1 - tail)) { tail++; }
		const last = (lines: string[], i: number, complete: boolean) => (i === lines.length - 1 && !complete ? '\\ No newline at end of file\n' : '');
		let body = `@@ -${oldStart},${old.lines.length} +${newStart},${fixed.lines.length} @@\n`;
		for (let i = 0; i < head; i++) { body += ` ${old.lines[i]}\n`; }
		for (let i = head; i < old.lines.length - tail; i++) { body += `-${old.lines[i]}\n${last(old.lines, i, old.complete)}`; }
		for (let i = head; i < fixed.lines.length - tail; i++) { body += `+${fixed.lines[i]}\n${last(fixed.lines, i, fixed.complete)}`; }
		for (let i = old.lines.length - tail; i < old.lines.length; i++) { body += ` ${old.lines[i]}\n${last(old.lines, i, old.complete)}`; }
		return body;
	};
	yield `===================================================================\n--- a/${name}\n+++ b/${name}\n`;
	let hunk: Hunk | undefined;
	for (const e of edits) {
		if (e.start === e.end && e.newText === '') { continue; }
		const start = lineStart(text, e.start);
		// The region runs from the line holding the edit's start to the line holding its end (an
		// edit that removes a line break joins the next line: that line is in the region too).
		const startLine = lineAt(start);
		const lastLine = lineAt(e.end);
		const end = lineEnd(text, e.end);
		// Hunks whose context would touch or overlap are one hunk.
		// (A hunk of many lines is closed at an unchanged line even then: its text is held in memory.)
		const gap = hunk ? startLine - hunk.lastLine : 0;
		if (hunk && gap <= 2 * context + 1 && (gap < 2 || startLine - hunk.startLine < maxLines)) {
			hunk.end = Math.max(hunk.end, end);
			hunk.lastLine = lastLine;
			hunk.edits.push(e);
			continue;
		}
		if (hunk) { yield hunkText(hunk, Math.min(context, gap - 1)); }
		hunk = { start, startLine, end, lastLine, edits: [e] };
	}
	if (hunk) { yield hunkText(hunk); }
}
