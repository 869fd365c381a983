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

/** What a sent diagnostic's `data` holds: the version of the text it was found on (its rule is `code`). */
export interface SentData { readonly version: number }

/** `d` as sent: without its inline fixes (the same object when it has none). */
export function sentDiagnostic(d: Diagnostic): Diagnostic {
	const data = d.data as DiagnosticData | undefined;
	if (typeof data !== 'object' || data === null || data.fixes === undefined) { return d; }
	// Copied field by field (a spread takes V8's slow path: 1,000 diagnostics per keystroke).
	const out = {} as Record<string, unknown>;
	for (const k in d) { out[k] = d[k as keyof Diagnostic]; }
	out.data = { version: data.version } satisfies SentData;
	return out as unknown as Diagnostic;
}

const positionKey = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}`;

export class HeldDiagnostics {
	/** Held diagnostics by range, built when a code action first asks. */
	#byRange: Map<string, Diagnostic[]> | undefined;
	/** What is sent for them. */
	readonly sent: Diagnostic[];

	constructor(readonly version: number, readonly held: Diagnostic[]) {
		this.sent = held.map(sentDiagnostic);
	}

	/**
	 * The inline fixes of the held diagnostic `d` was sent for (same range, rule and message), when
	 * `d` is of this version and has some; undefined otherwise (recompute). `taken`: held diagnostics
	 * already matched in this request — two alike problems of one rule at one place each give
	 * their own fixes, as when each carried its own.
	 */
	fixesOf(d: Diagnostic, taken: Set<Diagnostic>): readonly Fix[] | undefined {
		if ((d.data as Partial<SentData> | undefined)?.version !== this.version) { return undefined; }
		if (!this.#byRange) {
			this.#byRange = new Map();
			for (const h of this.held) {
				const key = positionKey(h);
				const same = this.#byRange.get(key);
				if (same) { same.push(h); } else { this.#byRange.set(key, [h]); }
			}
		}
		const match = this.#byRange.get(positionKey(d))?.find((h) => !taken.has(h) && h.code === d.code && h.message === d.message);
		if (!match) { return undefined; }
		taken.add(match);
		return (match.data as DiagnosticData | undefined)?.fixes;
	}
}
