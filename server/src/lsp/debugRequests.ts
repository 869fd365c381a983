/**
 * Test-only requests, registered when the client sets the initialization option `debug: true`:
 * the hash of the server's copy of a document (random edit sequences must leave it equal to the
 * client's), a crash (the editor's client must start the server again), and the server thread's
 * memory (benchmarks).
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { textStamp } from '../files/fileReader';
import { debugRequests } from '../protocol';

export function registerDebugRequests(connection: Connection, documents: TextDocuments<TextDocument>): void {
	connection.onRequest(debugRequests.documentHash, ({ uri }: { uri: string }) => {
		const doc = documents.get(uri);
		return doc ? { version: doc.version, stamp: textStamp(doc.getText()) } : null;
	});
	connection.onRequest(debugRequests.crash, () => { setImmediate(() => process.exit(70)); return null; });
	// The server thread's own memory (the process's resident size includes the workers'), after a
	// collection when the server runs with --expose-gc, unless `collect` is false (a trace that
	// must not change what it measures).
	connection.onRequest(debugRequests.memory, (params?: { collect?: boolean } | null) => {
		if (params?.collect !== false) { (globalThis as { gc?: () => void }).gc?.(); }
		return process.memoryUsage();
	});
}
