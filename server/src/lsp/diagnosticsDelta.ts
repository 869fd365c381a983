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

/** The diagnostics of a check as a change of the list with token `base`. */
export interface DiagnosticsDelta {
	readonly base: number;
	readonly shift: EditShift;
	/** Leading diagnostics of the base list kept (moved by `shift`). */
	readonly head: number;
	/** Trailing diagnostics of the base list kept (moved by `shift`). */
	readonly tail: number;
	/** The new diagnostics between them. */
	readonly middle: Diagnostic[];
}

interface Positioned { positionAt(offset: number): Position }

/** The shift of an edit that replaced `[start, oldEnd)` of `before` by `[start, newEnd)` of `after`. */
export function editShift(uri: string, version: number, before: Positioned, after: Positioned, oldEnd: number, newEnd: number): EditShift {
	const o = before.positionAt(oldEnd);
	const n = after.positionAt(newEnd);
	return { uri, version, from: oldEnd, delta: newEnd - oldEnd, line: o.line, character: o.character, lines: n.line - o.line, characters: n.character - o.character };
}

const before = (p: Position, s: EditShift) => p.line < s.line || (p.line === s.line && p.character < s.character);
const movedPosition = (p: Position, s: EditShift): Position => {
	if (before(p, s)) { return p; }
	return { line: p.line + s.lines, character: p.line === s.line ? p.character + s.characters : p.character };
};
// A range that ends where the edit ends and starts before it keeps its end there (text typed
// right after a line that a fix deletes is not part of that line).
const movedRange = (r: Range, s: EditShift): Range => ({
	start: movedPosition(r.start, s),
	end: before(r.start, s) && r.end.line === s.line && r.end.character === s.character ? r.end : movedPosition(r.end, s),
});
const movedOffset = (o: number, s: EditShift) => (o >= s.from ? o + s.delta : o);
const movedEdit = <E extends { start: number; end: number }>(e: E, s: EditShift): E =>
	({ ...e, start: movedOffset(e.start, s), end: e.start < s.from && e.end === s.from ? e.end : movedOffset(e.end, s) });

/** A diagnostic of the old version as the edit moved it: ranges, inline fixes' offsets, related places in this document; `data.version` the new one. */
export function moveDiagnostic(d: Diagnostic, s: EditShift): Diagnostic {
	const data = d.data as DiagnosticData | undefined;
	const out: Diagnostic = { ...d, range: movedRange(d.range, s) };
	if (data) {
		out.data = {
			...data, version: s.version,
			fixes: data.fixes?.map((f) => ({ ...f, edits: f.edits.map((e) => movedEdit(e, s)) })),
		} satisfies DiagnosticData;
	}
	if (d.relatedInformation) {
		out.relatedInformation = d.relatedInformation.map((r) => r.location.uri === s.uri ? { ...r, location: { ...r.location, range: movedRange(r.location.range, s) } } : r);
	}
	return out;
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
	while (head < most && sameValue(moveDiagnostic(previous[head], shift), next[head])) { head++; }
	let tail = 0;
	while (tail < most - head && sameValue(moveDiagnostic(previous[previous.length - 1 - tail], shift), next[next.length - 1 - tail])) { tail++; }
	return { base, shift, head, tail, middle: next.slice(head, next.length - tail) };
}

/** The list `delta` describes, rebuilt from `previous` (the list it was computed against). */
export function applyDiagnosticsDelta(previous: readonly Diagnostic[], delta: DiagnosticsDelta): Diagnostic[] {
	const out: Diagnostic[] = [];
	for (let i = 0; i < delta.head; i++) { out.push(moveDiagnostic(previous[i], delta.shift)); }
	for (const d of delta.middle) { out.push(d); }
	for (let i = previous.length - delta.tail; i < previous.length; i++) { out.push(moveDiagnostic(previous[i], delta.shift)); }
	return out;
}
