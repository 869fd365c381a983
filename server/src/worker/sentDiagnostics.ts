/**
 * What a worker last sent for each open document it checks: the list of diagnostics, the token
 * the server named it by and the version of the text it was computed on. The next check of the
 * document answers with a change of that list (lsp/diagnosticsDelta.ts) when the server says it
 * holds that very list (`job.base`); any doubt — another token, no list, a text checked in
 * parts — and the whole list is sent.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { changedRange, CorpusDocument, type TextRange } from '../service';
import { partSize } from '../service/parts';
import { diagnosticsDelta, DiagnosticsDelta, editShift } from '../lsp/diagnosticsDelta';

interface Sent { readonly token: number; readonly doc: CorpusDocument; readonly diagnostics: readonly Diagnostic[] }

export class SentDiagnostics {
	readonly #sent = new Map<string, Sent>();

	/**
	 * Records `diagnostics` as sent for `job` (the check of `doc`), and returns them as a change of
	 * the list the server holds when that is possible and smaller; undefined: send them whole.
	 * `edited`: the version the job's edit applied to and where it changed the text (then the texts
	 * are not compared again when that version is the one the last list was computed on).
	 */
	answer(job: { readonly uri: string; readonly token?: number; readonly base?: number }, doc: CorpusDocument, diagnostics: Diagnostic[], edited?: { readonly from: CorpusDocument; readonly range: TextRange }): DiagnosticsDelta | undefined {
		const last = this.#sent.get(job.uri);
		if (job.token === undefined || doc.text.length > partSize) { this.#sent.delete(job.uri); return undefined; }
		this.#sent.set(job.uri, { token: job.token, doc, diagnostics });
		if (!last || job.base !== last.token) { return undefined; }
		const { oldEnd, newEnd } = edited?.from === last.doc ? edited.range : changedRange(last.doc.text, doc.text);
		const shift = editShift(job.uri, doc.version, last.doc, doc, oldEnd, newEnd);
		const delta = diagnosticsDelta(last.diagnostics, diagnostics, shift, last.token);
		return delta.middle.length < diagnostics.length ? delta : undefined;
	}

	forget(uri: string): void { this.#sent.delete(uri); }
}
