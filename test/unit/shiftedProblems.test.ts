// A problem wholly after an edit, compared with a new one as problems (worker/shiftedProblems.ts),
// must be judged the same only when its diagnostic moved by the edit is the new one's diagnostic:
// random texts with every kind of line break, random edits (line breaks typed and removed, a
// `\r` and a `\n` joined or parted), old problems at and around the edit's end, new ones shifted
// by the edit's length or by one unit more or less, or with a field changed.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { editShift, moveDiagnostic, sameMoved } from '../../server/src/lsp/diagnosticsDelta';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { CorpusDocument, type Problem } from '../../server/src/service';
import { sameShifted, whollyAfter } from '../../server/src/worker/shiftedProblems';

const json = (v: unknown) => JSON.stringify(v);

describe('problems after an edit compared as problems', () => {
	it('are the same exactly when their diagnostics, moved by the edit, are', () => {
		const uri = 'file:///shifted.txt';
		const piece = fc.constantFrom('a', '後', 'bc', '\n', '\r', '\r\n', ' ');
		const text = fc.array(piece, { minLength: 4, maxLength: 30 }).map((p) => p.join(''));
		let premises = 0, runs = 0;
		fc.assert(fc.property(text, fc.nat(), fc.nat({ max: 4 }), fc.array(piece, { maxLength: 3 }), fc.array(fc.integer({ min: -3, max: 12 }), { minLength: 6, maxLength: 6 }), fc.nat({ max: 7 }),
			(before, at, removed, inserted, offsets, change) => {
				runs++;
				const start = at % (before.length + 1), oldEnd = Math.min(before.length, start + removed);
				const after = before.slice(0, start) + inserted.join('') + before.slice(oldEnd);
				const newEnd = start + inserted.join('').length, delta = newEnd - oldEnd;
				const oldDoc = new CorpusDocument(uri, 1, before), newDoc = new CorpusDocument(uri, 2, after);
				// Offsets from just before the edit's end to the end of the old text.
				const o = (k: number) => Math.max(0, Math.min(before.length, oldEnd + offsets[k]));
				const [s, e, fs, fe, rs, re] = [o(0), Math.max(o(0), o(1)), o(2), Math.max(o(2), o(3)), o(4), Math.max(o(4), o(5))];
				const old: Problem = { ruleId: 'r', start: s, end: e, message: 'm', severity: 'warning', fixes: [{ title: 'f', edits: [{ start: fs, end: fe, newText: 'x' }] }], related: [{ start: rs, end: re, message: 'first' }] };
				// The new problem: shifted by the edit's length; or by one unit more or less somewhere; or with its message changed.
				const by = (k: number) => delta + (change === k + 1 ? 1 : change === 7 && k === 0 ? -1 : 0);
				const next: Problem = {
					...old, start: s + by(0), end: e + by(0), message: change === 6 ? 'n' : 'm',
					fixes: [{ title: 'f', edits: [{ start: fs + by(1), end: fe + by(2), newText: 'x' }] }],
					related: [{ start: rs + by(3), end: re + by(4), message: 'first' }],
				};
				if (next.start < 0 || next.end > after.length || next.fixes[0].edits[0].start < 0 || rs + by(3) < 0) { return; }
				if (!whollyAfter(old, oldEnd) || !sameShifted(old, next, delta)) { return; }
				premises++;
				const shift = editShift(uri, 2, oldDoc, newDoc, oldEnd, newEnd);
				const moved = moveDiagnostic(toDiagnostic(oldDoc, old), shift), made = toDiagnostic(newDoc, next);
				assert.equal(json(moved), json(made), `${json(before)} → ${json(after)}`);
				assert.ok(sameMoved(toDiagnostic(oldDoc, old), made, shift));
			}), { numRuns: 4000, seed: 18 });
		// The comparison must have been made, not skipped: a good share of the runs reach it.
		assert.ok(premises > runs / 20, `${premises} of ${runs}`);
	});
});
