/**
 * Publishing diagnostics. Every client gets pushed diagnostics (`publishDiagnostics` with the
 * version): Neovim 0.7 and eglot only take those. Clients that support pull may pull as well;
 * once a document has been pulled, pushing for it stops (and the pushed copy is cleared) so
 * that no editor shows each problem twice.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';

export class DiagnosticsPublisher {
	readonly #pending = new Map<string, NodeJS.Immediate>();
	readonly #pulled = new Set<string>();
	readonly #pushed = new Set<string>();

	constructor(
		private readonly connection: Connection,
		/** Computes the diagnostics of the document's current version; undefined: not a corpus document. */
		private readonly compute: (uri: string) => Promise<{ version: number; diagnostics: Diagnostic[] } | undefined>,
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
		if (this.#pushed.delete(uri)) { void this.connection.sendDiagnostics({ uri, diagnostics: [] }); }
	}

	/** The document closed: clear what we pushed and forget it. */
	close(uri: string): void {
		const pending = this.#pending.get(uri);
		if (pending) { clearImmediate(pending); this.#pending.delete(uri); }
		this.#pulled.delete(uri);
		if (this.#pushed.delete(uri)) { void this.connection.sendDiagnostics({ uri, diagnostics: [] }); }
	}

	async #publish(uri: string): Promise<void> {
		if (this.#pulled.has(uri)) { return; }
		const result = await this.compute(uri);
		if (!result || this.#pulled.has(uri)) {
			if (!result && this.#pushed.delete(uri)) { await this.connection.sendDiagnostics({ uri, diagnostics: [] }); }
			return;
		}
		this.#pushed.add(uri);
		await this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
	}
}
