/**
 * Problems after an edit compared as problems, not as diagnostics: the text from the edit's old
 * end on is the text from its new end on, so a position there moves as the edit's shift moves it
 * (`EditShift`: by the lines the edit added, and on the edit's last line by its characters), and
 * a problem whose every offset lies there, equal to a new problem but for offsets `delta` further,
 * has the diagnostic `moveDiagnostic` makes of the old one. Comparing them so spares converting
 * both (line lookups, ranges, data) for the half of a large document's list after a keystroke.
 */
import type { Fix, Problem, RelatedLocation, TextEdit } from '../service';
import { type Fields, sameList, sameOthers } from '../lsp/diagnosticsDelta';

/** Whether every offset of `p` (its range, its fixes' edits, its related places in this document) is at or after `oldEnd`. */
export function whollyAfter(p: Problem, oldEnd: number): boolean {
	if (p.start < oldEnd || p.end < oldEnd) { return false; }
	for (const f of p.fixes) { for (const e of f.edits) { if (e.start < oldEnd || e.end < oldEnd) { return false; } } }
	if (p.related) { for (const r of p.related) { if (r.uri === undefined && (r.start < oldEnd || r.end < oldEnd)) { return false; } } }
	return true;
}

const isOffset = (k: string) => k === 'start' || k === 'end';
const isMoved = (k: string) => k === 'start' || k === 'end' || k === 'fixes' || k === 'related';

const sameEdit = (e: TextEdit, q: TextEdit | undefined, delta: number) => typeof q === 'object' && q !== null
	&& q.start === e.start + delta && q.end === e.end + delta && sameOthers(e as unknown as Fields, q as unknown as Fields, isOffset);
const sameFix = (f: Fix, g: Fix | undefined, delta: number) => typeof g === 'object' && g !== null
	&& sameList(f.edits, g.edits, (e, q) => sameEdit(e, q, delta)) && sameOthers(f as unknown as Fields, g as unknown as Fields, (k) => k === 'edits');
/**
 * A place in another file is compared as a diagnostic (false here): the diagnostic names it by
 * its URI, and `moveDiagnostic` moves a place named by the document's own URI.
 */
function sameRelated(r: RelatedLocation, q: RelatedLocation | undefined, delta: number): boolean {
	if (r.uri !== undefined || typeof q !== 'object' || q === null || q.uri !== undefined) { return false; }
	return q.start === r.start + delta && q.end === r.end + delta && sameOthers(r as unknown as Fields, q as unknown as Fields, isOffset);
}

/** Whether `next` is `old` with every offset (range, fixes' edits, related places in this document) `delta` further, and all else equal. */
export function sameShifted(old: Problem, next: Problem, delta: number): boolean {
	return next.start === old.start + delta && next.end === old.end + delta
		&& sameList(old.fixes, next.fixes, (f, g) => sameFix(f, g, delta))
		&& sameList(old.related, next.related, (r, q) => sameRelated(r, q, delta))
		&& sameOthers(old as unknown as Fields, next as unknown as Fields, isMoved);
}
