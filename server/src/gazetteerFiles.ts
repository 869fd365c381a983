/**
 * Reads the user's gazetteers (`.zh-corpus/entities.json` in each workspace folder), merges
 * them, and shows their problems as diagnostics on the file itself. A missing file is an empty
 * gazetteer; a broken entry is skipped with a message, the rest still count.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Gazetteer, parseGazetteer } from './service';
import { ownDir } from './lspWorkspace';

export const gazetteerFile = 'entities.json';

export function isGazetteerUri(uri: string): boolean {
	return uri.endsWith(`/${ownDir}/${gazetteerFile}`);
}

export async function loadGazetteers(connection: Connection, folders: readonly string[]): Promise<Gazetteer> {
	const merged: { entries: Gazetteer['entries'][number][]; ignore: string[] } = { entries: [], ignore: [] };
	for (const folder of folders) {
		const file = path.join(folder, ownDir, gazetteerFile);
		const uri = pathToFileURL(file).href;
		let text: string;
		try { text = await fs.readFile(file, 'utf8'); } catch {
			void connection.sendDiagnostics({ uri, diagnostics: [] });
			continue;
		}
		const g = parseGazetteer(uri, text);
		merged.entries.push(...g.entries);
		merged.ignore.push(...g.ignore);
		const doc = TextDocument.create(uri, 'jsonc', 0, text);
		void connection.sendDiagnostics({
			uri,
			diagnostics: g.problems.map((p) => ({
				range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
				message: p.message, severity: DiagnosticSeverity.Warning, source: 'zh-corpus',
			})),
		});
	}
	return { entries: merged.entries, ignore: merged.ignore, problems: [] };
}
