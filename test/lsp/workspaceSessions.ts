/**
 * Servers started on temporary workspaces written from a map of files, all stopped and their
 * folders removed by `stopAll` (call it in `afterEach`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

export type ClientOptions = Partial<ConstructorParameters<typeof LspClient>[0]>;

/** Writes `files` (relative names, folders made as needed) into a new temporary folder. */
export function writeWorkspace(prefix: string, files: Record<string, string | Buffer>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

export function workspaceSessions(prefix: string) {
	const clients: LspClient[] = [];
	const dirs: string[] = [];
	return {
		/** A server on a new workspace holding `files`, initialized, reporting progress. */
		async start(files: Record<string, string | Buffer>, options: ClientOptions = {}) {
			const dir = writeWorkspace(prefix, files);
			dirs.push(dir);
			const client = new LspClient({ workspaceFolder: dir, progress: true, ...options });
			clients.push(client);
			await client.initialize();
			return { dir, client, uri: (name: string) => pathToFileURL(path.join(dir, name)).href };
		},
		async stopAll(): Promise<void> {
			for (const c of clients.splice(0)) { await c.stop(); }
			for (const d of dirs.splice(0)) { fs.rmSync(d, { recursive: true, force: true }); }
		},
	};
}
