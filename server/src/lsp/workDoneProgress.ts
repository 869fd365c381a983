/**
 * Work-done progress for long server work (the corpus scan, Clean Workspace…): begun when the
 * client supports server-initiated progress, reported at most every 100 ms.
 */
import type { Connection } from 'vscode-languageserver';

export type ServerProgress = Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>>;

/** Begins cancellable work-done progress; undefined when the client does not support server-initiated progress. */
export async function beginProgress(connection: Connection, message: string): Promise<ServerProgress | undefined> {
	try {
		const progress = await connection.window.createWorkDoneProgress();
		progress.begin('zh-corpus', 0, message, true);
		return progress;
	} catch {
		return undefined;
	}
}

/** Reports at most every 100 ms (and at the end): a report per file would flood the client. */
export function throttled(report: (done: number, total: number) => void): (done: number, total: number) => void {
	let last = 0;
	return (done, total) => {
		const now = Date.now();
		if (now - last > 100 || done === total) {
			last = now;
			report(done, total);
		}
	};
}
