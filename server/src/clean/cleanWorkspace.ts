/**
 * "Clean workspace…": fix-all of chosen rule families over every corpus file. Up to
 * `zhCorpus.clean.previewLimit` changed files become one WorkspaceEdit whose edits are
 * annotated per rule with `needsConfirmation` (VS Code opens its refactor preview, grouped by
 * rule); more files are written as a batch after a confirmation with counts per rule, with
 * backups, a manifest for "Undo last clean", and a JSON Lines review report (cleanFiles.ts).
 */
import { promises as fs } from 'node:fs';
import { AnnotatedTextEdit, ChangeAnnotation, Connection, MessageType, ShowMessageNotification, TextDocumentEdit, TextDocuments, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toRange } from '../lsp/convert';
import { cleanBatch, Skipped, SkipReason } from './cleanBatch';
import { decodeUtf8 } from '../files/fileReader';
import { fixStreamed, streamAboveBytes } from '../files/fixFile';
import { NotUtf8, StreamedText } from '../files/streamedText';
import { UndoRefused, undoLastClean } from './undoClean';
import { BoundaryError, WorkspaceBoundary } from '../files/workspaceBoundary';
import { LspWorkspace, uriToPath } from '../lsp/lspWorkspace';
import { CorpusDocument, grouped, LanguageService, ruleFamilies, RuleEdit } from '../service';
import type { FixedPart } from '../service/parts';
import type { Settings, SettingsCache } from '../settings';
import { beginProgress, throttled } from '../lsp/workDoneProgress';
import { requests, serverCommands } from '../protocol';

export const cleanCommand = serverCommands.cleanWorkspace;
export const undoCleanCommand = serverCommands.undoLastClean;
export const familiesRequest = requests.ruleFamilies;

export interface CleanContext {
	readonly connection: Connection;
	readonly service: LanguageService;
	readonly documents: TextDocuments<TextDocument>;
	readonly workspace: LspWorkspace;
	readonly settings: SettingsCache;
	/** The client applies versioned `documentChanges` / honours change annotations. */
	readonly documentChanges: boolean;
	readonly changeAnnotations: boolean;
	/** Resolves when the index has taken every watched-file change received so far. */
	readonly indexReady: () => Promise<void>;
	/** Corpus files the index could not read as text (binary, not UTF-8…): named as skipped. */
	readonly unreadFiles: () => Iterable<string>;
	/** The workspace boundary every path read or written goes through. */
	readonly boundary: WorkspaceBoundary;
	/** This installation's key for signing manifests (kept outside every workspace). */
	readonly manifestKey: () => Promise<Buffer>;
	/** Restricted Mode: the folder is not trusted; nothing is cleaned or undone. */
	readonly restricted: boolean;
	/** Tells the user (a notification: clients need not answer it). */
	readonly inform: (message: string, warning?: boolean) => void;
	/** Fix-all of a file's text limited to rule families, in parts (on a corpus worker when it fits one). */
	readonly fixText: (uri: string, text: string, settings: Settings, families: readonly string[]) => Promise<FixedPart[]>;
	/** Holds the corpus's background work (tagging) until the returned function is called. */
	readonly holdBackground: () => () => void;
	/** Fix-all of one part of a large file limited to rule families (on a corpus worker): its edits against the part. */
	readonly fixPart: (part: CorpusDocument, settings: Settings, families: readonly string[]) => Promise<readonly RuleEdit[]>;
}

export interface CleanArgs {
	/** Rule families to apply (`boilerplate`, `mixed-script`…); all when absent. */
	readonly families?: readonly string[];
	/** Skip the confirmation and the preview (scripts, tests). */
	readonly assumeYes?: boolean;
}

export interface CleanResult {
	readonly mode: 'nothing' | 'preview' | 'batch' | 'cancelled';
	readonly files: number;
	readonly changedFiles: number;
	readonly changes: number;
	readonly applied: boolean;
	readonly runs?: readonly string[];
	readonly skipped?: Readonly<Record<string, number>>;
	/** The files skipped (the first thousand), with why. */
	readonly skippedFiles?: readonly { readonly file: string; readonly reason: string; readonly detail?: string }[];
	/** Why the clean stopped without writing more (a `.zh-corpus/` that is a link out of the folder…). */
	readonly refused?: string;
}

/**
 * The file's text as a clean sees it: the open document's, else the file's when it is UTF-8;
 * `real`: the file's real path (a document that is no file, an untitled one, has none).
 */
async function readForClean(ctx: CleanContext, uri: string): Promise<{ text: string; version?: number; real?: string } | { large: string; real: string } | SkipReason> {
	const open = ctx.documents.get(uri);
	const file = uriToPath(uri);
	if (!file) { return open ? { text: open.getText(), version: open.version } : 'outsideFolder'; }
	// A link is read only when its target lies inside a workspace folder.
	const target = await ctx.boundary.locate(file);
	if (!target) { return 'outsideFolder'; }
	if (open) { return { text: open.getText(), version: open.version, real: target.real }; }
	// A regular file only (a FIFO or device is never opened); a large one is read part after part.
	const stat = await fs.stat(target.real).catch(() => undefined);
	if (!stat?.isFile()) { return 'unreadable'; }
	if (stat.size > streamAboveBytes) { return { large: target.real, real: target.real }; }
	const bytes = await fs.readFile(target.real).catch(() => undefined);
	if (!bytes) { return 'unreadable'; }
	const text = decodeUtf8(bytes);
	return text === undefined ? 'notUtf8' : { text, real: target.real };
}

/** A large file's fixes per rule, its text read part after part and each part fixed on a worker (never held whole). */
async function countLarge(ctx: CleanContext, uri: string, file: string, settings: Settings, families: readonly string[]): Promise<Map<string, number> | SkipReason> {
	const source = await StreamedText.open(file).catch(() => undefined);
	if (!source) { return 'unreadable'; }
	const counts = new Map<string, number>();
	try {
		for await (const { fixed } of fixStreamed(uri, source.parts(), (part) => ctx.fixPart(part, settings, families))) {
			for (const e of fixed.edits) { counts.set(e.ruleId, (counts.get(e.ruleId) ?? 0) + 1); }
		}
	} catch (e) {
		if (e instanceof NotUtf8) { return 'notUtf8'; }
		throw e;
	} finally {
		await source.close();
	}
	return counts;
}

export async function cleanWorkspace(ctx: CleanContext, args: CleanArgs = {}): Promise<CleanResult | undefined> {
	const { service, connection } = ctx;
	const t = service.t;
	if (ctx.restricted) {
		ctx.inform(t('clean.restricted'), true);
		return undefined;
	}
	const families = args.families ?? ruleFamilies(service.rules).map((f) => f.id);
	await ctx.indexReady();
	const unread = new Set(ctx.unreadFiles());
	const uris = [...new Set([...service.index.uris(), ...unread, ...ctx.documents.all().map((d) => d.uri)])];
	const corpusUris: string[] = [];
	for (const uri of uris) {
		const open = ctx.documents.get(uri);
		if (open ? await ctx.workspace.isCorpusDocument(open) : service.index.get(uri) || unread.has(uri)) { corpusUris.push(uri); }
	}
	const limit = (await ctx.settings.get(undefined)).cleanPreviewLimit;
	const counts = new Map<string, number>();
	const changed: { uri: string; doc?: CorpusDocument; edits?: RuleEdit[] }[] = [];
	const skipped = new Skipped();
	let large = false;
	const seen = new Set<string>();
	const progress = await beginProgress(connection, t('clean.checking', 0, corpusUris.length));
	const report = throttled((done, total) => progress?.report(Math.round((done / total) * 100), t('clean.checking', done, total)));
	// Tagging waits while files are fixed (not while the user answers): the files a clean rewrites
	// are tagged again once written, and a large file's tagging results beside the clean's parts
	// took memory past 1 GB.
	const release = ctx.holdBackground();
	try {
		for (const [i, uri] of corpusUris.entries()) {
			if (progress?.token.isCancellationRequested) { return { mode: 'cancelled', files: corpusUris.length, changedFiles: 0, changes: 0, applied: false }; }
			const file = await readForClean(ctx, uri);
			report(i + 1, corpusUris.length);
			if (typeof file === 'string') { skipped.add(file, uriToPath(uri) ?? uri); continue; }
			// A file reached by two names (a link inside the folder) is cleaned once: the editor would apply a preview's edits twice.
			if (file.real !== undefined) {
				if (seen.has(file.real)) { continue; }
				seen.add(file.real);
			}
			const settings = await ctx.settings.get(uri);
			if ('large' in file) {
				// Counted only: the batch reads it again to write it.
				let fileCounts: Map<string, number> | SkipReason;
				try {
					fileCounts = await countLarge(ctx, uri, file.large, settings, families);
				} catch (e) {
					connection.console.error(`zh-corpus: clean: ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
					skipped.add('failed', uriToPath(uri) ?? uri, String(e));
					continue;
				}
				if (typeof fileCounts === 'string') { skipped.add(fileCounts, uriToPath(uri) ?? uri); continue; }
				if (fileCounts.size === 0) { continue; }
				for (const [rule, n] of fileCounts) { counts.set(rule, (counts.get(rule) ?? 0) + n); }
				large = true;
				changed.push({ uri });
				continue;
			}
			// In parts, as the checker reads it: a large file's fix is never held whole.
			let parts: FixedPart[];
			try {
				parts = await ctx.fixText(uri, file.text, settings, families);
			} catch (e) {
				// One file's failure is named; the run goes on.
				connection.console.error(`zh-corpus: clean: ${uri}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
				skipped.add('failed', uriToPath(uri) ?? uri, String(e));
				continue;
			}
			let n = 0;
			for (const p of parts) { for (const e of p.edits) { n++; counts.set(e.ruleId, (counts.get(e.ruleId) ?? 0) + 1); } }
			if (n === 0) { continue; }
			// Only a preview needs the edits kept (of a file in one part); a batch recomputes them file by file.
			if (parts.length > 1) { large = true; }
			changed.push(changed.length < limit && parts.length === 1 ? { uri, doc: new CorpusDocument(uri, file.version ?? 0, file.text), edits: [...parts[0].edits] } : { uri });
		}
	} finally {
		release();
		progress?.done();
	}
	const changes = [...counts.values()].reduce((a, b) => a + b, 0);
	const base = { files: corpusUris.length, changedFiles: changed.length, changes };
	if (changed.length === 0) {
		ctx.inform(t('clean.nothing', families.join(', '), corpusUris.length) + (skipped.size > 0 ? ` ${skipped.message(t)}` : ''));
		return { ...base, mode: 'nothing', applied: false };
	}
	const perRule = [...counts].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${grouped(n)}`).join(', ');
	// A file checked in parts is too large for the editor's preview: a batch writes it.
	if (changed.length <= limit && !large) {
		// Without annotations the client cannot preview: confirm first.
		const preview = ctx.documentChanges && ctx.changeAnnotations && !args.assumeYes;
		if (!preview && !args.assumeYes && !(await confirm(ctx, t('clean.confirmPreview', changed.length, perRule), changed.length))) {
			return { ...base, mode: 'cancelled', applied: false };
		}
		const edit = previewEdit(ctx, changed as Required<(typeof changed)[number]>[], preview);
		// VS Code shows edits that need confirmation unticked, grouped by rule: say what to do.
		if (preview) { ctx.inform(t('clean.reviewPreview', changed.length, perRule)); }
		const { applied } = await connection.workspace.applyEdit({ label: t('clean.previewLabel'), edit });
		if (skipped.size > 0) { ctx.inform(skipped.message(t)); }
		return { ...base, mode: 'preview', applied, skipped: Object.fromEntries(skipped.counts), skippedFiles: skipped.files };
	}
	if (!args.assumeYes && !(await confirm(ctx, t('clean.confirm', changed.length, corpusUris.length, perRule), changed.length))) {
		return { ...base, mode: 'cancelled', applied: false };
	}
	return cleanBatch(ctx, changed.map((c) => c.uri), families, base, skipped);
}

/** A notification, not showInformationMessage's request: clients need not answer it. */
export function notify(connection: Connection): (message: string, warning?: boolean) => void {
	return (message, warning) => void connection.sendNotification(ShowMessageNotification.type, { type: warning ? MessageType.Warning : MessageType.Info, message });
}

async function confirm(ctx: CleanContext, message: string, files: number): Promise<boolean> {
	const t = ctx.service.t;
	const yes = t('clean.confirmAction', grouped(files));
	const answer = await ctx.connection.window.showWarningMessage(message, { title: yes }, { title: t('clean.cancelAction') });
	return answer?.title === yes;
}

/** One WorkspaceEdit for every changed file, each edit annotated with its rule. */
function previewEdit(ctx: CleanContext, changed: readonly { doc: CorpusDocument; edits: RuleEdit[] }[], needsConfirmation: boolean): WorkspaceEdit {
	if (!ctx.documentChanges) {
		return { changes: Object.fromEntries(changed.map(({ doc, edits }) => [doc.uri, edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }))])) };
	}
	const changeAnnotations: Record<string, ChangeAnnotation> = {};
	const documentChanges = changed.map(({ doc, edits }) => {
		const open = ctx.documents.get(doc.uri);
		return TextDocumentEdit.create({ uri: doc.uri, version: open ? doc.version : null }, edits.map((e) => {
			const description = ctx.service.rules.find((r) => r.id === e.ruleId)?.description ?? e.ruleId;
			changeAnnotations[e.ruleId] ??= { label: e.ruleId, description, needsConfirmation };
			return ctx.changeAnnotations
				? AnnotatedTextEdit.replace(toRange(doc, e.start, e.end), e.newText, e.ruleId)
				: { range: toRange(doc, e.start, e.end), newText: e.newText };
		}));
	});
	return ctx.changeAnnotations ? { documentChanges, changeAnnotations } : { documentChanges };
}

export interface UndoCleanResult { readonly restored: number; readonly changed: readonly string[]; readonly failed: readonly { file: string; reason: string }[] }

export async function undoClean(ctx: CleanContext): Promise<UndoCleanResult | { refused: string } | undefined> {
	const t = ctx.service.t;
	if (ctx.restricted) {
		ctx.inform(t('clean.restricted'), true);
		return undefined;
	}
	let result;
	try {
		result = await undoLastClean(ctx.boundary, ctx.workspace.folders, await ctx.manifestKey());
	} catch (e) {
		if (!(e instanceof UndoRefused) && !(e instanceof BoundaryError)) { throw e; }
		const reason = e instanceof UndoRefused ? t('clean.undoRefused', e.run, e.reason) : t('clean.refused', e.message);
		ctx.inform(reason, true);
		return { refused: reason };
	}
	if (!result) {
		ctx.inform(t('clean.undoNone'));
		return undefined;
	}
	const list = (files: readonly string[]) => files.slice(0, 10).join(', ') + (files.length > 10 ? ', …' : '');
	const changed = result.changed.length > 0 ? ` ${t('clean.undoSkipped', list(result.changed))}` : '';
	const failed = result.failed.length > 0 ? ` ${t('clean.undoFailed', list(result.failed.map((f) => `${f.file} (${f.reason})`)))}` : '';
	ctx.inform(t('clean.undone', result.restored, result.runs.join(', ')) + changed + failed, failed !== '');
	return { restored: result.restored, changed: result.changed, failed: result.failed };
}
