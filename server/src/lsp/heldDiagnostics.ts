/**
 * The diagnostics of an open document's last check as the server holds them and as it sends them.
 * Held: with each problem's small fixes in `data.fixes` (offsets of that version), moved by the
 * next edit's change (diagnosticsDelta.ts). Sent: without them — the fixes were a quarter of the
 * bytes of a 1 MB document's 1,000 diagnostics (501 KB of JSON per keystroke, serialized by the
 * server and parsed by the editor) and no editor shows them; a code action finds them here again
 * (`fixesOf`), for the document's current version only, and recomputes them otherwise.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData } from './convert';
import type { Fix } from '../service';

/**
 * What a sent diagnostic's `data` holds: the version of the text it was found on (its rule is
 * `code`) and its number, by which a code action finds its fixes — not by its range: Neovim 0.7
 * sends a diagnostic back with its columns in bytes. Numbers are not reused within a version: a
 * re-check of the same version (after indexing, after names change) may list other problems, and
 * the editor may still show the last list.
 */
export interface SentData { readonly version: number; readonly id: number }

/** `d` as sent with number `id`: without its inline fixes (the same object when its data is not ours). */
export function sentDiagnostic(d: Diagnostic, id: number): Diagnostic {
	const data = d.data as DiagnosticData | undefined;
	if (typeof data !== 'object' || data === null || typeof data.version !== 'number') { return d; }
	// Copied field by field (a spread takes V8's slow path: 1,000 diagnostics per keystroke).
	const out = {} as Record<string, unknown>;
	for (const k in d) { out[k] = d[k as keyof Diagnostic]; }
	out.data = { version: data.version, id } satisfies SentData;
	return out as unknown as Diagnostic;
}

export class HeldDiagnostics {
	/** The number of the first. */
	readonly firstId: number;
	/** What is sent for them, numbered from `firstId`. */
	readonly sent: Diagnostic[];

	/** `previous`: the list held before, whose numbers this one does not reuse when it is of the same version. */
	constructor(readonly version: number, readonly held: Diagnostic[], previous?: HeldDiagnostics) {
		this.firstId = previous?.version === version ? previous.firstId + previous.held.length : 0;
		this.sent = held.map((d, i) => sentDiagnostic(d, this.firstId + i));
	}

	/**
	 * The inline fixes of the held diagnostic `d` was sent for, when `d` is of this list (its
	 * `data`) and is that diagnostic (same rule and message); undefined otherwise: recompute.
	 */
	fixesOf(d: Diagnostic): readonly Fix[] | undefined {
		const data = d.data as Partial<SentData> | undefined;
		if (data?.version !== this.version || typeof data.id !== 'number') { return undefined; }
		const h = this.held[data.id - this.firstId] as Diagnostic | undefined;
		if (!h || h.code !== d.code || h.message !== d.message) { return undefined; }
		return (h.data as DiagnosticData | undefined)?.fixes;
	}
}
