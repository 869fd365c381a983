/**
 * One wrapper for every LSP handler: an exception is logged with its stack and the client gets
 * the handler's fallback answer, never an error it would show as a failure of the editor.
 */
import type { Connection } from 'vscode-languageserver';

export type Safe = <P, R>(fallback: R, handler: (p: P) => Promise<R> | R) => (p: P) => Promise<R>;

export function safeHandlers(connection: Pick<Connection, 'console'>): Safe {
	return (fallback, handler) => async (p) => {
		try { return await handler(p); } catch (e) {
			connection.console.error(`zh-corpus: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
			return fallback;
		}
	};
}
