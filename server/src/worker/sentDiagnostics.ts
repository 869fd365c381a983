/**
 * What a worker last sent for each open document it checks: the problems shown, the token the
 * server named their list by and the version of the text they were found on. The next check of
 * the document answers with a change of that list (lsp/diagnosticsDelta.ts) when the server says
 * it holds that very list (`job.base`); any doubt — another token, no list, a text checked in
 * parts — and the whole list is sent.
 *
 * Problems wholly before the edit that equal the last check's are kept without being converted:
 * their diagnostics would differ only in `data.version` (converting and comparing a 1 MB
 * document's 1,000 diagnostics per keystroke cost ≈ 1.2 ms of the worker's check). The others
 * are converted and compared as diagnostics moved by the edit; a diagnostic of the last list is
 * converted only when a comparison needs it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { changedRange, CorpusDocument, type Problem, type TextRange } from '../service';
import { partSize } from '../service/parts';
import { DiagnosticsDelta, editShift, sameMoved, sameValue } from '../lsp/diagnosticsDelta';

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
		const most = Math.min(last.problems.length, problems.length);
		let head = 0;
		while (head < most && whollyBefore(problems[head], start, oldEnd) && sameValue(last.problems[head], problems[head])) { head++; }
		while (head < most && sameMoved(diagnosticOf(last, head), diagnosticOf(sent, head), shift)) { head++; }
		let tail = 0;
		while (tail < most - head && sameMoved(diagnosticOf(last, last.problems.length - 1 - tail), diagnosticOf(sent, problems.length - 1 - tail), shift)) { tail++; }
		if (head + tail === 0) { return whole(); }
		const middle: Diagnostic[] = [];
		for (let i = head; i < problems.length - tail; i++) { middle.push(diagnosticOf(sent, i)); }
		return { delta: { base: last.token, shift, head, tail, middle } satisfies DiagnosticsDelta };
	}

	forget(uri: string): void { this.#sent.delete(uri); }
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
