/**
 * What a worker last sent for each open document it checks: the problems shown, the token the
 * server named their list by and the version of the text they were found on. The next check of
 * the document answers with a change of that list (lsp/diagnosticsDelta.ts) when the server says
 * it holds that very list (`job.base`); any doubt — another token, no list, a text checked in
 * parts — and the whole list is sent.
 *
 * Problems wholly before the edit that equal the last check's are kept without being converted:
 * their diagnostics would differ only in `data.version` (converting and comparing a 1 MB
 * document's 1,000 diagnostics per keystroke cost ≈ 1.2 ms of the worker's check). So are
 * problems wholly after it that equal the last check's moved by the edit's length
 * (shiftedProblems.ts): an insertion in the middle moves half the list. The others are converted
 * and compared as diagnostics moved by the edit; a diagnostic of the last list is converted only
 * when a comparison needs it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { changedRange, CorpusDocument, type Problem, type TextRange } from '../service';
import { partSize } from '../service/parts';
import { DeltaPart, DiagnosticsDelta, editShift, sameMoved, sameValue } from '../lsp/diagnosticsDelta';
import { sameShifted, whollyAfter } from './shiftedProblems';

interface Sent {
	readonly token: number;
	readonly doc: CorpusDocument;
	readonly problems: readonly Problem[];
	/** Each problem's diagnostic, once converted. */
	readonly diagnostics: (Diagnostic | undefined)[];
	readonly convert: (p: Problem) => Diagnostic;
}

/** The diagnostic of the `i`th problem of `sent`, converted now if it was not. */
const diagnosticOf = (sent: Sent, i: number): Diagnostic => sent.diagnostics[i] ??= sent.convert(sent.problems[i]);

export class SentDiagnostics {
	readonly #sent = new Map<string, Sent>();

	/**
	 * Records the diagnostics of `problems` (converted by `convert`) as sent for `job` (the check
	 * of `doc`), and returns them as a change of the list the server holds when that is possible
	 * and smaller, else whole. `edited`: the version the job's edit applied to and where it changed
	 * the text (then the texts are not compared again when that version is the one of the last list).
	 */
	answer(job: { readonly uri: string; readonly token?: number; readonly base?: number }, doc: CorpusDocument, problems: readonly Problem[], convert: (p: Problem) => Diagnostic, edited?: { readonly from: CorpusDocument; readonly range: TextRange }): { delta: DiagnosticsDelta } | { diagnostics: Diagnostic[] } {
		const last = this.#sent.get(job.uri);
		if (job.token === undefined || doc.text.length > partSize) { this.#sent.delete(job.uri); return { diagnostics: problems.map(convert) }; }
		const sent: Sent = { token: job.token, doc, problems, diagnostics: new Array<Diagnostic | undefined>(problems.length), convert };
		this.#sent.set(job.uri, sent);
		const whole = () => ({ diagnostics: problems.map((_, i) => diagnosticOf(sent, i)) });
		if (!last || job.base !== last.token) { return whole(); }
		const { start, oldEnd, newEnd } = edited?.from === last.doc ? edited.range : changedRange(last.doc.text, doc.text);
		const shift = editShift(job.uri, doc.version, last.doc, doc, oldEnd, newEnd);
		const delta = newEnd - oldEnd;
		/** Whether the last list's `j`th diagnostic, moved by the edit, is this list's `i`th. */
		const same = (j: number, i: number) => (whollyBefore(problems[i], start, oldEnd) && sameValue(last.problems[j], problems[i]))
			|| (whollyAfter(last.problems[j], oldEnd) && sameShifted(last.problems[j], problems[i], delta))
			|| sameMoved(diagnosticOf(last, j), diagnosticOf(sent, i), shift);
		const n = problems.length, m = last.problems.length, most = Math.min(m, n);
		let head = 0;
		while (head < most && same(head, head)) { head++; }
		let tail = 0;
		while (tail < most - head && same(m - 1 - tail, n - 1 - tail)) { tail++; }
		if (head + tail === 0) { return whole(); }
		const parts: DeltaPart[] = [{ from: 0, count: head }];
		// Problems added or removed before the end of a list capped at `maxProblems` move the rest of
		// it by a few places: between head and tail, runs of the last list are kept where they now are.
		if (!aligned(parts, head, n - tail, m - tail, same, (i) => diagnosticOf(sent, i))) { return whole(); }
		parts.push({ from: m - tail, count: tail });
		return { delta: { base: last.token, shift, parts } satisfies DiagnosticsDelta };
	}

	forget(uri: string): void { this.#sent.delete(uri); }
}

/** How far ahead a run of the last list is looked for: problems added or removed at one place. */
const maxShift = 64;
/** Comparisons per diagnostic of the stretch before it is sent whole: another text altogether. */
const maxComparisons = 8;

/**
 * Appends to `parts` this list's `[start, end)` as runs of the last list's `[start, oldEnd)` and
 * new diagnostics (`diagnostic(i)`), in order. Greedy: where the two disagree, the nearest place
 * where they agree again (a diagnostic of this list `d` places on, or of the last list) within
 * `maxShift`; a diagnostic with none is new (it replaces the last list's at that place). False
 * when that took more than `maxComparisons` per diagnostic.
 */
function aligned(parts: DeltaPart[], start: number, end: number, oldEnd: number, same: (j: number, i: number) => boolean, diagnostic: (i: number) => Diagnostic): boolean {
	let budget = maxComparisons * (end - start) + maxShift;
	const keep = (j: number) => {
		const p = parts[parts.length - 1];
		if ('from' in p && p.from + p.count === j) { (p as { count: number }).count++; } else { parts.push({ from: j, count: 1 }); }
	};
	const send = (i: number) => {
		const p = parts[parts.length - 1];
		if ('diagnostics' in p) { p.diagnostics.push(diagnostic(i)); } else { parts.push({ diagnostics: [diagnostic(i)] }); }
	};
	let i = start, j = start;
	while (i < end) {
		if (j >= oldEnd) { send(i); i++; continue; }
		if ((budget--, same(j, i))) { keep(j); i++; j++; continue; }
		let d = 1;
		for (; d <= maxShift; d++) {
			if (i + d < end && (budget--, same(j, i + d))) { for (let k = 0; k < d; k++) { send(i + k); } i += d; break; }
			if (j + d < oldEnd && (budget--, same(j + d, i))) { j += d; break; }
			if (i + d >= end && j + d >= oldEnd) { d = maxShift + 1; }
		}
		if (d > maxShift) { send(i); i++; j++; }
		if (budget < 0) { return false; }
	}
	return true;
}

/**
 * Whether every offset of `p` (its range, its fixes' edits, its related places in this document)
 * lies before an edit of `[start, oldEnd)`: where both versions have the same text and positions,
 * and where the edit's shift leaves it (offsets from `oldEnd` on are moved). Such a problem,
 * equal to the last check's, has the same diagnostic but for the version.
 */
function whollyBefore(p: Problem, start: number, oldEnd: number): boolean {
	const ok = (o: number) => o <= start && o < oldEnd;
	if (!ok(p.start) || !ok(p.end)) { return false; }
	for (const f of p.fixes) { for (const e of f.edits) { if (!ok(e.start) || !ok(e.end)) { return false; } } }
	if (p.related) { for (const r of p.related) { if (r.uri === undefined && (!ok(r.start) || !ok(r.end))) { return false; } } }
	return true;
}
