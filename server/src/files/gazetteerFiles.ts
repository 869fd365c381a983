/**
 * Reads the user's gazetteers (`.zh-corpus/entities.json` in each workspace folder), merges
 * them, and shows their problems as diagnostics on the file itself. A missing file is an empty
 * gazetteer; a broken entry is skipped with a message, the rest still count.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection, DiagnosticSeverity, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Gazetteer, parseGazetteer } from '../service';
import { gazetteerLimits, oversizedGazetteer } from '../service/entities/gazetteer';
import type { Translate } from '../service/messages';
import { ownDir } from '../lsp/lspWorkspace';
import { ownFileRefusal } from './workspaceBoundary';

export const gazetteerFile = 'entities.json';

export function isGazetteerUri(uri: string): boolean {
	return uri.endsWith(`/${ownDir}/${gazetteerFile}`);
}

/**
 * `parse`: how a file's text becomes a gazetteer; the server parses in a worker (30,000 entries
 * take half a second), the default parses here.
 */
export async function loadGazetteers(connection: Connection, folders: readonly string[], t?: Translate, parse: (uri: string, text: string) => Promise<Gazetteer> = async (uri, text) => parseGazetteer(uri, text, t)): Promise<Gazetteer> {
	const merged: { entries: Gazetteer['entries'][number][]; ignore: string[] } = { entries: [], ignore: [] };
	let folded: string[] | undefined = [];
	for (const folder of folders) {
		const file = path.join(folder, ownDir, gazetteerFile);
		const uri = pathToFileURL(file).href;
		// Workspace content: never read through a link out of the folder, never a FIFO.
		const refused = await ownFileRefusal(folder, file);
		if (refused) {
			void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `zh-corpus: ${file}: ${refused}; it is not read.` });
			continue;
		}
		// A file far beyond the limit is not read into memory: UTF-8 has at most 4 bytes per character.
		const size = await fs.stat(file).then((s) => s.size, () => undefined);
		const text = size === undefined || size > 4 * gazetteerLimits.maxChars ? undefined : await fs.readFile(file, 'utf8').catch(() => undefined);
		const tooLarge = size !== undefined && size > 4 * gazetteerLimits.maxChars;
		if (text === undefined && !tooLarge) {
			void connection.sendDiagnostics({ uri, diagnostics: [] });
			continue;
		}
		const g = text === undefined ? oversizedGazetteer(size!, t) : await parse(uri, text);
		for (const e of g.entries) { merged.entries.push(e); }
		for (const s of g.ignore) { merged.ignore.push(s); }
		// Folded keys count only when every file came with them.
		if (g.ignoreKeys && folded) { for (const k of g.ignoreKeys) { folded.push(k); } } else { folded = undefined; }
		const doc = TextDocument.create(uri, 'jsonc', 0, text ?? '');
		void connection.sendDiagnostics({
			uri,
			diagnostics: g.problems.map((p) => ({
				range: { start: doc.positionAt(p.offset), end: doc.positionAt(p.offset + p.length) },
				message: p.message, severity: DiagnosticSeverity.Warning, source: 'zh-corpus',
			})),
		});
	}
	return { entries: merged.entries, ignore: merged.ignore, ignoreKeys: folded, problems: [] };
}

