/**
 * Publishing diagnostics. Every client gets pushed diagnostics (`publishDiagnostics` with the
 * version): Neovim 0.7 and eglot only take those. Clients that support pull may pull as well;
 * once a document has been pulled, pushing for it stops (and the pushed copy is cleared) so
 * that no editor shows each problem twice. Closed corpus files get their problems pushed too
 * (without a version), unless the client pulls workspace diagnostics.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';

export class DiagnosticsPublisher {
	readonly #pending = new Map<string, NodeJS.Immediate>();
	readonly #pulled = new Set<string>();
	readonly #pushed = new Set<string>();
	/**
	 * What was last pushed for an open document. A re-check of the same version (after its
	 * indexing, after names change) mostly finds the same problems, and a worker's answer that
	 * kept them all gives back the very list it changed (OpenDocumentJobs.check): pushing it again cost
	 * the server's thread ≈ 10 ms of JSON for a 1 MB document's 1,000 problems (the cap), the client as much.
	 */
	readonly #lastPushed = new Map<string, { version: number; diagnostics: readonly Diagnostic[] }>();
	/** Closed files' latest problems, kept for workspace pulls (result id = change counter). */
	readonly #closed = new Map<string, { diagnostics: Diagnostic[]; resultId: string }>();
	#workspacePulled = false;
	#changes = 0;
	#waiting: (() => void)[] = [];

	constructor(
		private readonly connection: Connection,
		/** Computes the diagnostics of the document's current version; undefined: not a corpus document; 'superseded': a newer version's check follows. */
		private readonly compute: (uri: string) => Promise<{ version: number; diagnostics: Diagnostic[] } | 'superseded' | undefined>,
		/** The client can pull workspace diagnostics: keep closed files' problems to answer it (else only which files have some). */
		private readonly retainClosed = false,
	) { }

	/** Re-checks soon; several changes in one tick of the event loop give one check of the latest version. */
	schedule(uri: string): void {
		if (this.#pending.has(uri)) { return; }
		this.#pending.set(uri, setImmediate(() => {
			this.#pending.delete(uri);
			void this.#publish(uri);
		}));
	}

	/** A pull request arrived for this document: from now on the client pulls it. */
	markPulled(uri: string): void {
		this.#pulled.add(uri);
		this.#lastPushed.delete(uri);
		if (this.#pushed.delete(uri)) { void this.connection.sendDiagnostics({ uri, diagnostics: [] }); }
	}

	/** The document closed: forget it (`keep`: its closed-file problems replace the pushed ones soon). */
	close(uri: string, keep = false): void {
		const pending = this.#pending.get(uri);
		if (pending) { clearImmediate(pending); this.#pending.delete(uri); }
		this.#pulled.delete(uri);
		this.#lastPushed.delete(uri);
		if (this.#pushed.delete(uri) && !keep) { void this.connection.sendDiagnostics({ uri, diagnostics: [] }); }
	}

	/** A closed file's problems (from a worker); replaced when the editor opens it. */
	publishClosed(uri: string, diagnostics: Diagnostic[]): void {
		this.#lastPushed.delete(uri);
		if (diagnostics.length === 0 && !this.#closed.has(uri)) { return; }
		if (diagnostics.length === 0) { this.#closed.delete(uri); } else { this.#closed.set(uri, { diagnostics: this.retainClosed ? diagnostics : [], resultId: String(++this.#changes) }); }
		this.#changed();
		if (!this.#workspacePulled) { void this.connection.sendDiagnostics({ uri, diagnostics }); }
	}

	clearClosed(uri: string): void { this.publishClosed(uri, []); }

	/**
	 * `workspace/diagnostic`: every closed file's report, `unchanged` where the client already has
	 * it. When nothing changed the request waits for a change (the client asks again right away).
	 */
	async workspaceReport(previous: ReadonlyMap<string, string>, isOpen: (uri: string) => boolean, token: { isCancellationRequested: boolean; onCancellationRequested(listener: () => void): unknown }) {
		if (!this.#workspacePulled) {
			this.#workspacePulled = true;
			// The client pulls from now on: take back what was pushed for closed files.
			for (const uri of this.#closed.keys()) { if (!isOpen(uri)) { void this.connection.sendDiagnostics({ uri, diagnostics: [] }); } }
		}
		for (;;) {
			const items = [];
			let changed = false;
			for (const [uri, c] of this.#closed) {
				if (isOpen(uri)) { continue; }
				if (previous.get(uri) === c.resultId) { items.push({ kind: 'unchanged' as const, uri, resultId: c.resultId, version: null }); continue; }
				changed = true;
				items.push({ kind: 'full' as const, uri, resultId: c.resultId, version: null, items: c.diagnostics });
			}
			for (const uri of previous.keys()) {
				if (!this.#closed.has(uri) && !isOpen(uri)) { changed = true; items.push({ kind: 'full' as const, uri, version: null, items: [] }); }
			}
			if (changed || previous.size === 0 || token.isCancellationRequested) { return { items }; }
			await new Promise<void>((resolve) => {
				this.#waiting.push(resolve);
				token.onCancellationRequested(resolve);
			});
		}
	}

	#changed(): void {
		for (const resolve of this.#waiting.splice(0)) { resolve(); }
	}

	async #publish(uri: string): Promise<void> {
		if (this.#pulled.has(uri)) { return; }
		const result = await this.compute(uri);
		if (result === 'superseded') { return; }
		if (!result || this.#pulled.has(uri)) {
			if (!result && this.#pushed.delete(uri)) { this.#lastPushed.delete(uri); await this.connection.sendDiagnostics({ uri, diagnostics: [] }); }
			return;
		}
		const last = this.#lastPushed.get(uri);
		if (this.#pushed.has(uri) && last?.version === result.version && last.diagnostics === result.diagnostics) { return; }
		this.#pushed.add(uri);
		this.#lastPushed.set(uri, { version: result.version, diagnostics: result.diagnostics });
		await this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
	}
}
