/**
 * "Clean workspace…": fix-all of chosen rule families over every corpus file. Up to
 * `zhCorpus.clean.previewLimit` changed files become one WorkspaceEdit whose edits are
 * annotated per rule with `needsConfirmation` (VS Code opens its refactor preview, grouped by
 * rule); more files are written as a batch after a confirmation with counts per rule, with
 * backups, a manifest for "Undo last clean", and a JSON Lines review report (cleanFiles.ts).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AnnotatedTextEdit, ChangeAnnotation, Connection, MessageType, ShowMessageNotification, TextDocumentEdit, TextDocuments, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toRange } from './convert';
import { CleanRun, decodeUtf8, runStamp, undoLastClean } from './cleanFiles';
import { LspWorkspace, uriToPath } from './lspWorkspace';
import { CorpusDocument, LanguageService, reviewRows, ruleFamilies, RuleEdit } from './service';
import { applyEdits } from './service/edits';
import type { Translate } from './service/messages';
import type { SettingsCache } from './settings';
import { beginProgress, throttled } from './workDoneProgress';

export const cleanCommand = 'zhCorpus.server.cleanWorkspace';
export const undoCleanCommand = 'zhCorpus.server.undoLastClean';
export const familiesRequest = 'zhCorpus/ruleFamilies';

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
}

type SkipReason = 'unsaved' | 'notUtf8' | 'outsideFolder' | 'unreadable';

/** The file's text as a clean sees it: the open document's, else the file's when it is UTF-8. */
async function readForClean(ctx: CleanContext, uri: string): Promise<{ text: string; version?: number; bytes?: Buffer } | SkipReason> {
	const open = ctx.documents.get(uri);
	if (open) { return { text: open.getText(), version: open.version }; }
	const file = uriToPath(uri);
	const bytes = file ? await fs.readFile(file).catch(() => undefined) : undefined;
	if (!bytes) { return 'unreadable'; }
	const text = decodeUtf8(bytes);
	return text === undefined ? 'notUtf8' : { text, bytes };
}

export async function cleanWorkspace(ctx: CleanContext, args: CleanArgs = {}): Promise<CleanResult> {
	const { service, connection } = ctx;
	const t = service.t;
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
	const skipped = new Map<SkipReason, number>();
	const progress = await beginProgress(connection, t('clean.checking', 0, corpusUris.length));
	const report = throttled((done, total) => progress?.report(Math.round((done / total) * 100), t('clean.checking', done, total)));
	try {
		for (const [i, uri] of corpusUris.entries()) {
			if (progress?.token.isCancellationRequested) { return { mode: 'cancelled', files: corpusUris.length, changedFiles: 0, changes: 0, applied: false }; }
			const file = await readForClean(ctx, uri);
			report(i + 1, corpusUris.length);
			if (typeof file === 'string') { skipped.set(file, (skipped.get(file) ?? 0) + 1); continue; }
			const doc = new CorpusDocument(uri, file.version ?? 0, file.text);
			const edits = service.clean(doc, await ctx.settings.get(uri), families);
			if (edits.length === 0) { continue; }
			for (const e of edits) { counts.set(e.ruleId, (counts.get(e.ruleId) ?? 0) + 1); }
			// Only a preview needs the edits kept; a batch recomputes them file by file.
			changed.push(changed.length < limit ? { uri, doc, edits } : { uri });
		}
	} finally {
		progress?.done();
	}
	const changes = [...counts.values()].reduce((a, b) => a + b, 0);
	const base = { files: corpusUris.length, changedFiles: changed.length, changes };
	if (changed.length === 0) {
		inform(connection, t('clean.nothing', families.join(', '), corpusUris.length));
		return { ...base, mode: 'nothing', applied: false };
	}
	const perRule = [...counts].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n.toLocaleString('en')}`).join(', ');
	if (changed.length <= limit) {
		// Without annotations the client cannot preview: confirm first.
		const preview = ctx.documentChanges && ctx.changeAnnotations && !args.assumeYes;
		if (!preview && !args.assumeYes && !(await confirm(ctx, t('clean.confirmPreview', changed.length, perRule), changed.length))) {
			return { ...base, mode: 'cancelled', applied: false };
		}
		const edit = previewEdit(ctx, changed as Required<(typeof changed)[number]>[], preview);
		// VS Code shows edits that need confirmation unticked, grouped by rule: say what to do.
		if (preview) { inform(connection, t('clean.reviewPreview', changed.length, perRule)); }
		const { applied } = await connection.workspace.applyEdit({ label: t('clean.previewLabel'), edit });
		if (skipped.size > 0) { inform(connection, skippedMessage(t, skipped)); }
		return { ...base, mode: 'preview', applied, skipped: Object.fromEntries(skipped) };
	}
	if (!args.assumeYes && !(await confirm(ctx, t('clean.confirm', changed.length, corpusUris.length, perRule), changed.length))) {
		return { ...base, mode: 'cancelled', applied: false };
	}
	return cleanBatch(ctx, changed.map((c) => c.uri), families, base, skipped);
}

/** A notification, not showInformationMessage's request: clients need not answer it. */
function inform(connection: Connection, message: string): void {
	void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
}

async function confirm(ctx: CleanContext, message: string, files: number): Promise<boolean> {
	const t = ctx.service.t;
	const yes = t('clean.confirmAction', files.toLocaleString('en'));
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

/** Writes every changed file: recomputed on the file's current bytes, backed up, written atomically. */
async function cleanBatch(ctx: CleanContext, uris: readonly string[], families: readonly string[], base: Omit<CleanResult, 'mode' | 'applied'>, skippedWhenChecking: ReadonlyMap<SkipReason, number>): Promise<CleanResult> {
	const t = ctx.service.t;
	const stamp = runStamp();
	const runs = new Map<string, CleanRun>();
	// Files skipped while checking (not UTF-8, unreadable) are named in the result too.
	const skipped = new Map<SkipReason, number>(skippedWhenChecking);
	const skip = (reason: SkipReason) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
	let written = 0;
	let changes = 0;
	const progress = await beginProgress(ctx.connection, t('clean.writing', 0, uris.length));
	const report = throttled((done, total) => progress?.report(Math.round((done / total) * 100), t('clean.writing', done, total)));
	let stopped = false;
	try {
		for (const [i, uri] of uris.entries()) {
			if (progress?.token.isCancellationRequested) { stopped = true; break; }
			report(i + 1, uris.length);
			const file = uriToPath(uri);
			const folder = file && ctx.workspace.folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
			if (!file || !folder) { skip('outsideFolder'); continue; }
			const bytes = await fs.readFile(file).catch(() => undefined);
			if (!bytes) { skip('unreadable'); continue; }
			const text = decodeUtf8(bytes);
			if (text === undefined) { skip('notUtf8'); continue; }
			// An editor holding other text than the disk has unsaved work: never write under it.
			const open = ctx.documents.get(uri);
			if (open && open.getText() !== text) { skip('unsaved'); continue; }
			const doc = new CorpusDocument(uri, 0, text);
			const edits = ctx.service.clean(doc, await ctx.settings.get(uri), families);
			if (edits.length === 0) { continue; }
			let run = runs.get(folder);
			if (!run) {
				run = new CleanRun(folder, stamp);
				await run.open();
				runs.set(folder, run);
			}
			try {
				await run.write(file, bytes, applyEdits(text, edits), reviewRows(doc, edits));
			} catch (e) {
				ctx.connection.console.error(`zh-corpus: clean: ${file}: ${String(e)}`);
				skip('unreadable');
				continue;
			}
			written++;
			changes += edits.length;
		}
	} finally {
		for (const run of runs.values()) { await run.close(); }
		progress?.done();
	}
	const dirs = [...runs.values()].map((r) => r.dir);
	const skippedText = skipped.size === 0 ? '' : ` ${skippedMessage(t, skipped)}`;
	const message = stopped
		? t('clean.stopped', written, dirs.join(', '))
		: t('clean.done', written, changes, dirs.join(', ') || '-', [...runs.values()].map((r) => r.reportFile).join(', ') || '-');
	inform(ctx.connection, message + skippedText);
	return { ...base, mode: 'batch', changedFiles: written, changes, applied: written > 0, runs: dirs, skipped: Object.fromEntries(skipped) };
}

function skippedMessage(t: Translate, skipped: ReadonlyMap<SkipReason, number>): string {
	const total = [...skipped.values()].reduce((a, b) => a + b, 0);
	return t('clean.skipped', total, [...skipped].map(([reason, n]) => `${n} ${t(`clean.skip.${reason}`)}`).join('; '));
}

export async function undoClean(ctx: CleanContext): Promise<{ restored: number; changed: readonly string[] } | undefined> {
	const t = ctx.service.t;
	const result = await undoLastClean(ctx.workspace.folders);
	if (!result) {
		inform(ctx.connection, t('clean.undoNone'));
		return undefined;
	}
	const changed = result.changed.length > 0 ? ` ${t('clean.undoSkipped', result.changed.slice(0, 10).join(', ') + (result.changed.length > 10 ? ', …' : ''))}` : '';
	inform(ctx.connection, t('clean.undone', result.restored, result.runs.join(', ')) + changed);
	return { restored: result.restored, changed: result.changed };
}
