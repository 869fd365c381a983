/**
 * "Convert File to UTF-8": a corpus file in GB18030, Big5 or UTF-16 (detected from its bytes)
 * becomes UTF-8 after the user has seen how it reads. A closed file is written by the server,
 * atomically, with the original kept in `.zh-corpus/backup/` (Undo Last Clean restores it). An
 * open document's file is never written by the server: the editor read the bytes as UTF-8, so its
 * text is replaced with the right reading and saving it writes UTF-8.
 */
import * as path from 'node:path';
import { Connection, MessageType, ShowMessageNotification, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CleanRun, runStamp } from '../clean/cleanFiles';
import { decodeAs, decodeCorpusBytes } from '../files/fileReader';
import { canWriteBack, encodeEdited } from '../files/encodings';
import { FileSnapshot, readSnapshot, WriteRefused } from '../files/safeWrite';
import { BoundaryError, WorkspaceBoundary } from '../files/workspaceBoundary';
import { uriToPath } from './lspWorkspace';
import type { Translate } from '../service/messages';
import { serverCommands } from '../protocol';

export const convertEncodingCommand = serverCommands.convertToUtf8;

export interface ConversionContext {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	/** Only corpus files inside a workspace folder (links followed to a target inside) are converted. */
	readonly boundary: WorkspaceBoundary;
	isCorpusUri(uri: string): Promise<boolean>;
	readonly manifestKey: () => Promise<Buffer>;
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

export async function convertToUtf8(ctx: ConversionContext, uri: unknown, assumeYes = ctx.assumeYes ?? false): Promise<ConversionResult> {
	const { connection, t } = ctx;
	if (typeof uri !== 'string') { return { converted: false, reason: 'no file given' }; }
	const file = uriToPath(uri);
	const name = path.basename(file ?? uri);
	// Notifications, not requests: clients need not answer them.
	const say = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
	const fail = (reason: string): ConversionResult => {
		say(MessageType.Warning, t('encoding.failed', name, reason));
		return { converted: false, reason };
	};
	if (!file) { return fail('not a file'); }
	const target = await ctx.boundary.locate(file);
	if (!target) { return fail('it is outside the workspace folders'); }
	if (!(await ctx.isCorpusUri(uri))) { return fail('it is not a corpus file (zhCorpus.files.include)'); }
	let snap: FileSnapshot;
	try { snap = await readSnapshot(target.real); } catch { return fail('it cannot be read'); }
	const bytes = snap.bytes;
	const outcome = decodeCorpusBytes(bytes);
	if (outcome.text !== undefined) { return { converted: false, reason: 'already UTF-8' }; }
	if (outcome.skipped !== 'encoding' || !outcome.encoding) { return fail(outcome.skipped === 'binary' ? 'it is not text' : 'its encoding is not recognized'); }
	const encoding = outcome.encoding;
	const text = decodeAs(bytes, encoding);
	if (text === undefined) { return fail(`it does not decode as ${encoding}`); }
	// The reading must give back every byte when written in its encoding again, or it lost something.
	const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 0;
	const lossless = canWriteBack(encoding) ? encodeEdited(bytes, bom, text, [], encoding) : {};
	if ('refused' in lossless) { return fail(`its ${encoding} reading does not keep every byte (${lossless.refused})`); }
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

	const stamp = runStamp();
	const backupName = path.join('.zh-corpus', 'backup', stamp);
	if (!(await ask(t('encoding.confirm', name, encoding, excerpt(text), backupName)))) { return { converted: false, encoding, reason: 'cancelled' }; }
	let run: CleanRun | undefined;
	try {
		run = await CleanRun.open(ctx.boundary, target.folder, stamp, await ctx.manifestKey());
		await run.write(target, snap, Buffer.from(text, 'utf8'), [{ line: 1, column: 1, rule: 'file.encoding', removed: '', inserted: `(re-encoded from ${encoding} to UTF-8)` }]);
	} catch (e) {
		if (e instanceof WriteRefused) { return fail(e.reason === 'changed' ? 'it changed meanwhile' : e.detail || e.reason); }
		if (e instanceof BoundaryError) { return fail(e.message); }
		throw e;
	} finally {
		await run?.close();
	}
	await ctx.fileChanged(uri);
	say(MessageType.Info, t('encoding.converted', name, encoding, backupName));
	return { converted: true, encoding };
}
