/**
 * The first scan of the workspace's corpus files, with work-done progress
 * ("Indexing corpus 3,200/10,000") when the client supports it.
 */
import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from './service';

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

export async function indexWorkspace(connection: Connection, service: LanguageService): Promise<void> {
	const progress = await beginProgress(connection, 'Indexing corpus');
	try {
		await service.index.scan(throttled((done, total) => {
			progress?.report(Math.round((done / total) * 100), `Indexing corpus ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
		}), progress?.token);
	} catch (e) {
		connection.console.error(`zh-corpus: indexing failed: ${String(e)}`);
	} finally {
		progress?.done();
	}
}
