/**
 * "Convert File to UTF-8": a corpus file in GB18030, Big5 or UTF-16 (detected from its bytes)
 * becomes UTF-8 after the user has seen how it reads. A closed file is written by the server,
 * atomically, with the original kept in `.zh-corpus/backup/` (Undo Last Clean restores it). An
 * open document's file is never written by the server: the editor read the bytes as UTF-8, so its
 * text is replaced with the right reading and saving it writes UTF-8.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Connection, MessageType, ShowMessageNotification, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CleanRun, runStamp } from './cleanFiles';
import { decodeAs, decodeCorpusBytes } from './fileReader';
import { uriToPath } from './lspWorkspace';
import type { Translate } from './service/messages';

export const convertEncodingCommand = 'zhCorpus.server.convertToUtf8';

export interface ConversionContext {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly folders: readonly string[];
	readonly t: Translate;
	/** The client applies versioned `documentChanges`. */
	readonly documentChanges: boolean;
	/** The file was rewritten: index and check it again. */
	fileChanged(uri: string): Promise<void>;
	/** Skip the question (tests, scripts). */
	readonly assumeYes?: boolean;
}

export interface ConversionResult { readonly converted: boolean; readonly encoding?: string; readonly reason?: string }

const excerpt = (text: string) => text.replace(/\s+/g, ' ').slice(0, 40);

export async function convertToUtf8(ctx: ConversionContext, uri: string, assumeYes = ctx.assumeYes ?? false): Promise<ConversionResult> {
	const { connection, t } = ctx;
	const file = uriToPath(uri);
	const name = path.basename(file ?? uri);
	// Notifications, not requests: clients need not answer them.
	const say = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
	const fail = (reason: string): ConversionResult => {
		say(MessageType.Warning, t('encoding.failed', name, reason));
		return { converted: false, reason };
	};
	if (!file) { return fail('not a file'); }
	const bytes = await fs.readFile(file).catch(() => undefined);
	if (!bytes) { return fail('it cannot be read'); }
	const outcome = decodeCorpusBytes(bytes);
	if (outcome.text !== undefined) { return { converted: false, reason: 'already UTF-8' }; }
	if (outcome.skipped !== 'encoding' || !outcome.encoding) { return fail(outcome.skipped === 'binary' ? 'it is not text' : 'its encoding is not recognized'); }
	const encoding = outcome.encoding;
	const text = decodeAs(bytes, encoding);
	if (text === undefined) { return fail(`it does not decode as ${encoding}`); }
	const ask = async (message: string) => assumeYes || (await connection.window.showWarningMessage(message, { title: t('encoding.convertAction') }, { title: t('clean.cancelAction') }))?.title === t('encoding.convertAction');

	const open = ctx.documents.get(uri);
	if (open) {
		if (!(await ask(t('encoding.confirmOpen', name, encoding, excerpt(text))))) { return { converted: false, encoding, reason: 'cancelled' }; }
		const range = { start: { line: 0, character: 0 }, end: open.positionAt(open.getText().length) };
		const edit = ctx.documentChanges
			? { documentChanges: [{ textDocument: { uri, version: open.version }, edits: [{ range, newText: text }] }] }
			: { changes: { [uri]: [{ range, newText: text }] } };
		const { applied } = await connection.workspace.applyEdit({ label: t('encoding.convertTitle', encoding), edit });
		return { converted: applied, encoding };
	}

	const folder = ctx.folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
	if (!folder) { return fail('it is outside the workspace folders'); }
	const run = new CleanRun(folder, runStamp());
	if (!(await ask(t('encoding.confirm', name, encoding, excerpt(text), path.relative(folder, run.dir))))) { return { converted: false, encoding, reason: 'cancelled' }; }
	// Changed since it was read? Then it is not this text any more.
	const again = await fs.readFile(file).catch(() => undefined);
	if (!again || !again.equals(bytes)) { return fail('it changed meanwhile'); }
	await run.open();
	try {
		await run.write(file, bytes, text, [{ line: 1, column: 1, rule: 'file.encoding', removed: '', inserted: `(re-encoded from ${encoding} to UTF-8)` }]);
	} finally {
		await run.close();
	}
	await ctx.fileChanged(uri);
	say(MessageType.Info, t('encoding.converted', name, encoding, path.relative(folder, run.dir)));
	return { converted: true, encoding };
}
