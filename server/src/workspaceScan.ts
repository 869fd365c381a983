/**
 * The first scan of the workspace's corpus files, with work-done progress
 * ("Indexing corpus 3,200/10,000") when the client supports it.
 */
import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from './service';

export async function indexWorkspace(connection: Connection, service: LanguageService): Promise<void> {
	let progress: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | undefined;
	try {
		progress = await connection.window.createWorkDoneProgress();
	} catch {
		progress = undefined; // The client does not support server-initiated progress.
	}
	progress?.begin('zh-corpus', 0, 'Indexing corpus', true);
	let lastReport = 0;
	try {
		await service.index.scan((done, total) => {
			const now = Date.now();
			if (now - lastReport > 100 || done === total) {
				lastReport = now;
				progress?.report(Math.round((done / total) * 100), `Indexing corpus ${done.toLocaleString('en')}/${total.toLocaleString('en')}`);
			}
		}, progress?.token);
	} catch (e) {
		connection.console.error(`zh-corpus: indexing failed: ${String(e)}`);
	} finally {
		progress?.done();
	}
}
