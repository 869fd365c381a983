/**
 * Test-only requests, registered when the client sets the initialization option `debug: true`:
 * the hash of the server's copy of a document (random edit sequences must leave it equal to the
 * client's), a crash (the editor's client must start the server again), the server thread's
 * memory and its collections so far, and the system ids of its threads (benchmarks).
 */
import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { textStamp } from '../files/fileReader';
import { debugRequests } from '../protocol';

export function registerDebugRequests(connection: Connection, documents: TextDocuments<TextDocument>, workerThreads: () => readonly number[]): void {
	connection.onRequest(debugRequests.documentHash, ({ uri }: { uri: string }) => {
		const doc = documents.get(uri);
		return doc ? { version: doc.version, stamp: textStamp(doc.getText()) } : null;
	});
	// The threads whose CPU a benchmark reads in /proc/<pid>/task (the others are V8's and libuv's helpers).
	connection.onRequest(debugRequests.threads, () => ({ server: process.pid, workers: workerThreads() }));
	connection.onRequest(debugRequests.crash, () => { setImmediate(() => process.exit(70)); return null; });
	// The server thread's own memory (the process's resident size includes the workers'), after a
	// collection when the server runs with --expose-gc, unless `collect` is false (a trace that
	// must not change what it measures), and its collections so far; `window` starts a new
	// window for the longest pause (a bench's phase).
	const gc = collectionsSeen();
	connection.onRequest(debugRequests.memory, (params?: { collect?: boolean; window?: boolean } | null) => {
		if (params?.collect !== false) { (globalThis as { gc?: () => void }).gc?.(); }
		const seen = { ...gc };
		if (params?.window) { gc.longestMs = 0; }
		return { ...process.memoryUsage(), gc: seen };
	});
}

/** The server thread's garbage collections since the debug requests were registered: counts, pauses in all (ms), the longest in the window. */
function collectionsSeen(): { major: number; minor: number; pauseMs: number; longestMs: number } {
	const seen = { major: 0, minor: 0, pauseMs: 0, longestMs: 0 };
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) {
			const kind = (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
			if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) { seen.major++; } else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) { seen.minor++; }
			seen.pauseMs += e.duration;
			seen.longestMs = Math.max(seen.longestMs, e.duration);
		}
	}).observe({ entryTypes: ['gc'] });
	return seen;
}
