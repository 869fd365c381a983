/**
 * An open document's diagnostics sent from its worker as a change of the list sent before: an
 * edit leaves most of a large document's problems as they were, and copying 1,000 diagnostics
 * across threads per keystroke cost ≈ 5 ms on each side. The worker sends how many leading
 * and trailing diagnostics of the last list are kept, moved by the edit (`EditShift`), and the
 * ones between them in full; the server's thread rebuilds the list. A diagnostic counts as kept
 * only when the moved old one equals the new one field for field (compared here, with the same
 * function both threads run), so the rebuilt list is exactly the one a full check converts.
 */
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import type { DiagnosticData } from './convert';
import type { Fix, TextEdit } from '../service';

/**
 * How an edit moves what follows it: offsets at or after `from` (the old end of the edit) by
 * `delta`; positions at or after `line:character` (the same point) by `lines`, and on that
 * line by `characters`. Everything before is left as it is. `version` is the new version.
 */
export interface EditShift {
	readonly uri: string;
	readonly version: number;
	readonly from: number;
	readonly delta: number;
	readonly line: number;
	readonly character: number;
	readonly lines: number;
	readonly characters: number;
}

/**
 * The diagnostics of a check as a change of the list with token `base`: `parts` in order, each a
 * run of the base list kept (`count` from index `from`, moved by `shift`) or new diagnostics.
 * Mostly a head and a tail of the base list around a few new ones; when problems were added or
 * removed before the end of a list capped at `maxProblems` (names found all through the text, a
 * new problem early on), the kept runs lie a few places on or back from where they were.
 */
export interface DiagnosticsDelta {
	readonly base: number;
	readonly shift: EditShift;
	readonly parts: readonly DeltaPart[];
}

export type DeltaPart = { readonly from: number; readonly count: number } | { readonly diagnostics: Diagnostic[] };

/** How many diagnostics of the base list `delta` keeps, and how many it sends. */
export function deltaCounts(delta: DiagnosticsDelta): { kept: number; sent: number } {
	let kept = 0, sent = 0;
	for (const p of delta.parts) { if ('from' in p) { kept += p.count; } else { sent += p.diagnostics.length; } }
	return { kept, sent };
}

interface Positioned { positionAt(offset: number): Position }

/** The shift of an edit that replaced `[start, oldEnd)` of `before` by `[start, newEnd)` of `after`. */
export function editShift(uri: string, version: number, before: Positioned, after: Positioned, oldEnd: number, newEnd: number): EditShift {
	const o = before.positionAt(oldEnd);
	const n = after.positionAt(newEnd);
	return { uri, version, from: oldEnd, delta: newEnd - oldEnd, line: o.line, character: o.character, lines: n.line - o.line, characters: n.character - o.character };
}

// What the edit leaves in place is shared, not copied: comparing and rebuilding 1,000 diagnostics
// per keystroke then allocates little more than each one's new `data` (its version).
const before = (p: Position, s: EditShift) => p.line < s.line || (p.line === s.line && p.character < s.character);
const movedPosition = (p: Position, s: EditShift): Position => {
	if (before(p, s)) { return p; }
	return { line: p.line + s.lines, character: p.line === s.line ? p.character + s.characters : p.character };
};
// A range that ends where the edit ends and starts before it keeps its end there (text typed
// right after a line that a fix deletes is not part of that line).
const movedRange = (r: Range, s: EditShift): Range => {
	const start = movedPosition(r.start, s);
	const end = before(r.start, s) && r.end.line === s.line && r.end.character === s.character ? r.end : movedPosition(r.end, s);
	return start === r.start && end === r.end ? r : { start, end };
};
const movedOffset = (o: number, s: EditShift) => (o >= s.from ? o + s.delta : o);
const movedEdit = <E extends { start: number; end: number }>(e: E, s: EditShift): E => {
	const start = movedOffset(e.start, s);
	const end = e.start < s.from && e.end === s.from ? e.end : movedOffset(e.end, s);
	return start === e.start && end === e.end ? e : { ...e, start, end };
};
/** `items` with `move` applied: the same array when nothing moved. */
function movedAll<T>(items: readonly T[], move: (item: T) => T): readonly T[] {
	let out: T[] | undefined;
	for (let i = 0; i < items.length; i++) {
		const m = move(items[i]);
		if (m !== items[i] && !out) { out = items.slice(0, i); }
		out?.push(m);
	}
	return out ?? items;
}
const movedFix = (f: Fix, s: EditShift): Fix => {
	const edits = movedAll(f.edits, (e) => movedEdit(e, s));
	return edits === f.edits ? f : { ...f, edits };
};

/**
 * The fields of `o`, in its order (a copy by `for…in`: a spread of these objects took V8's slow
 * path, ≈ 0.65 ms against ≈ 0.15 ms to move a 1 MB document's 1,000 diagnostics per keystroke).
 */
function copyOf<T extends object>(o: T): T {
	const out = {} as Record<string, unknown>;
	for (const k in o) { out[k] = o[k]; }
	return out as T;
}

/** A diagnostic of the old version as the edit moved it: ranges, inline fixes' offsets, related places in this document; `data.version` the new one. */
export function moveDiagnostic(d: Diagnostic, s: EditShift): Diagnostic {
	const data = d.data as DiagnosticData | undefined;
	const out = copyOf(d);
	out.range = movedRange(d.range, s);
	if (data) {
		const moved = copyOf(data) as { -readonly [K in keyof DiagnosticData]: DiagnosticData[K] };
		moved.version = s.version;
		moved.fixes = data.fixes && movedAll(data.fixes, (f) => movedFix(f, s));
		out.data = moved;
	}
	if (d.relatedInformation) {
		out.relatedInformation = movedAll(d.relatedInformation, (r) => {
			if (r.location.uri !== s.uri) { return r; }
			const range = movedRange(r.location.range, s);
			return range === r.location.range ? r : { ...r, location: { ...r.location, range } };
		}) as Diagnostic['relatedInformation'];
	}
	return out;
}

/*
 * Whether `next` equals `moveDiagnostic(old, s)`, found without building it (the worker compares
 * 1,000 diagnostics per keystroke). Field for field as `sameValue` compares the moved one;
 * positions are compared by line and character (toRange makes them). A unit test holds the two
 * to the same answers.
 */
export type Fields = Record<string, unknown>;
const samePosition = (p: Position, q: Position, s: EditShift, stays: boolean) => (stays || before(p, s)
	? q.line === p.line && q.character === p.character
	: q.line === p.line + s.lines && q.character === (p.line === s.line ? p.character + s.characters : p.character));
const sameRange = (r: Range, q: Range | undefined, s: EditShift) => q !== undefined && samePosition(r.start, q.start, s, false)
	&& samePosition(r.end, q.end, s, before(r.start, s) && r.end.line === s.line && r.end.character === s.character);
/** The fields of `a` and `b` other than `special` are equal (absent and undefined alike). */
export function sameOthers(a: Fields, b: Fields, special: (k: string) => boolean): boolean {
	for (const k in a) { if (!special(k) && !sameValue(a[k], b[k])) { return false; } }
	for (const k in b) { if (!special(k) && !(k in a) && b[k] !== undefined) { return false; } }
	return true;
}
const isEditOffset = (k: string) => k === 'start' || k === 'end';
const sameEdit = (e: Fields & { start: number; end: number }, q: Fields | undefined, s: EditShift) => typeof q === 'object' && q !== null
	&& q.start === movedOffset(e.start, s) && q.end === (e.start < s.from && e.end === s.from ? e.end : movedOffset(e.end, s)) && sameOthers(e, q, isEditOffset);
const sameFix = (f: Fix, q: Fix | undefined, s: EditShift) => typeof q === 'object' && q !== null
	&& sameList(f.edits, q.edits, (e, x) => sameEdit(e as unknown as Fields & TextEdit, x as unknown as Fields | undefined, s))
	&& sameOthers(f as unknown as Fields, q as unknown as Fields, (k) => k === 'edits');
export function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T | undefined) => boolean): boolean {
	if (a === undefined || b === undefined) { return a === b; }
	if (!Array.isArray(b) || a.length !== b.length) { return false; }
	for (let i = 0; i < a.length; i++) { if (!same(a[i], b[i])) { return false; } }
	return true;
}
const isMovedDataField = (k: string) => k === 'version' || k === 'fixes';
function sameData(a: DiagnosticData | undefined, b: DiagnosticData | undefined, s: EditShift): boolean {
	if (a === undefined || typeof b !== 'object' || b === null) { return a === b; }
	return b.version === s.version && sameList(a.fixes, b.fixes, (f, g) => sameFix(f, g, s)) && sameOthers(a as unknown as Fields, b as unknown as Fields, isMovedDataField);
}
type Related = NonNullable<Diagnostic['relatedInformation']>[number];
function sameRelated(r: Related, q: Related | undefined, s: EditShift): boolean {
	if (r.location.uri !== s.uri) { return sameValue(r, q); }
	return typeof q === 'object' && q !== null && typeof q.location === 'object' && q.location !== null && q.location.uri === r.location.uri && sameRange(r.location.range, q.location.range, s)
		&& sameOthers(r.location as unknown as Fields, q.location as unknown as Fields, (k) => k === 'uri' || k === 'range')
		&& sameOthers(r as unknown as Fields, q as unknown as Fields, (k) => k === 'location');
}
const isMovedField = (k: string) => k === 'range' || k === 'data' || k === 'relatedInformation';
export function sameMoved(old: Diagnostic, next: Diagnostic, s: EditShift): boolean {
	return sameRange(old.range, next.range, s)
		&& sameData(old.data as DiagnosticData | undefined, next.data as DiagnosticData | undefined, s)
		&& sameList(old.relatedInformation, next.relatedInformation, (r, q) => sameRelated(r, q, s))
		&& sameOthers(old as unknown as Fields, next as unknown as Fields, isMovedField);
}

/** Equality of plain data (what a diagnostic is made of); a property set to undefined equals an absent one. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) { return true; }
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) { return false; }
	if (Array.isArray(a) !== Array.isArray(b)) { return false; }
	if (Array.isArray(a)) {
		const bs = b as unknown[];
		if (a.length !== bs.length) { return false; }
		for (let i = 0; i < a.length; i++) { if (!sameValue(a[i], bs[i])) { return false; } }
		return true;
	}
	const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
	for (const k in x) { if (!sameValue(x[k], y[k])) { return false; } }
	for (const k in y) { if (!(k in x) && y[k] !== undefined) { return false; } }
	return true;
}

/** `next` as a change of `previous` (the list with token `base`) after the edit `shift`. */
export function diagnosticsDelta(previous: readonly Diagnostic[], next: Diagnostic[], shift: EditShift, base: number): DiagnosticsDelta {
	const most = Math.min(previous.length, next.length);
	let head = 0;
	while (head < most && sameMoved(previous[head], next[head], shift)) { head++; }
	let tail = 0;
	while (tail < most - head && sameMoved(previous[previous.length - 1 - tail], next[next.length - 1 - tail], shift)) { tail++; }
	return { base, shift, parts: [{ from: 0, count: head }, { diagnostics: next.slice(head, next.length - tail) }, { from: previous.length - tail, count: tail }] };
}

/** The list `delta` describes, rebuilt from `previous` (the list it was computed against). */
export function applyDiagnosticsDelta(previous: readonly Diagnostic[], delta: DiagnosticsDelta): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (const p of delta.parts) {
		if ('from' in p) {
			for (let i = p.from; i < p.from + p.count; i++) { out.push(moveDiagnostic(previous[i], delta.shift)); }
		} else {
			for (const d of p.diagnostics) { out.push(d); }
		}
	}
	return out;
}

/** Whether `delta` keeps the base list as it was (a re-check of the same version that found the same). */
export function keepsAll(delta: DiagnosticsDelta, previous: readonly Diagnostic[]): boolean {
	let at = 0;
	for (const p of delta.parts) {
		if ('from' in p) {
			if (p.count === 0) { continue; }
			if (p.from !== at) { return false; }
			at += p.count;
		} else if (p.diagnostics.length > 0) {
			return false;
		}
	}
	return at === previous.length;
}
