/**
 * The first scan of the workspace's corpus files, with work-done progress
 * ("Indexing corpus 3,200/10,000") when the client supports it.
 */
import type { Connection } from 'vscode-languageserver';
import type { Gazetteer, LanguageService } from './service';

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

/** Indexes every corpus file, then finds the names in them (a second, slower pass: tagging). */
export async function indexWorkspace(connection: Connection, service: LanguageService, gazetteer: () => Promise<Gazetteer>): Promise<void> {
	const progress = await beginProgress(connection, 'Indexing corpus');
	const count = (n: number) => n.toLocaleString('en');
	try {
		await service.index.scan(throttled((done, total) => {
			progress?.report(Math.round((done / total) * 50), `Indexing corpus ${count(done)}/${count(total)}`);
		}), progress?.token);
		service.entities.index.setGazetteer(await gazetteer());
		await service.entities.scan(service.index.uris(), throttled((done, total) => {
			progress?.report(50 + Math.round((done / total) * 50), `Finding names ${count(Math.ceil(done / 2))}/${count(total / 2)}`);
		}), progress?.token);
	} catch (e) {
		connection.console.error(`zh-corpus: indexing failed: ${String(e)}`);
	} finally {
		progress?.done();
	}
}
