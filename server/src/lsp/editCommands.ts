/**
 * What the server does to text when asked: code actions (fix-all computed when chosen), the
 * fix-all, convert, clean, undo and encoding commands. The session owns the state; this reads it
 * through `EditContext` and returns workspace edits or applies them.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanCommand, CleanContext, cleanWorkspace, notify, undoClean, undoCleanCommand } from '../clean/cleanWorkspace';
import { WorkspaceBoundary } from '../files/workspaceBoundary';
import { fixInPartsYielding, maxCharsPerWorkerJob } from '../files/fixFile';
import { textStamp } from '../files/fileReader';
import { corpusSnapshot } from '../worker/snapshot';
import { partSnapshotInSteps } from '../worker/partSnapshot';
import { drive } from '../corpus/drive';
import { Priority } from '../corpus/workerPool';
import { Corpus } from '../corpus/corpus';
import { codeActions, fixAllCommand, isFixAllData, workspaceEdit } from './codeActions';
import { DiagnosticsPublisher } from './diagnostics';
import { LspWorkspace } from './lspWorkspace';
import { ConversionTarget, CorpusDocument, LanguageService, LintOptions, RuleEdit } from '../service';
import { SettingsCache } from '../settings';
import { convertEncodingCommand, convertToUtf8 } from './encodingConversion';
import { largeDocument, OpenDocuments } from './openDocuments';
import { serverCommands } from '../protocol';

const convertCommand = serverCommands.convertDocument;

/** The commands this server executes (`workspace/executeCommand`). */
export const editCommandNames = [convertCommand, cleanCommand, undoCleanCommand, convertEncodingCommand, fixAllCommand];

/** What the edit commands read of the session. */
export interface EditContext {
	readonly connection: Connection;
	readonly documents: TextDocuments<TextDocument>;
	readonly service: LanguageService;
	readonly open: OpenDocuments;
	readonly settings: SettingsCache;
	readonly corpus: Corpus;
	readonly workspace: LspWorkspace;
	readonly boundary: WorkspaceBoundary;
	readonly publisher: DiagnosticsPublisher;
	readonly manifestKey: () => Promise<Buffer>;
	readonly restricted: boolean;
	readonly documentChanges: boolean;
	/** The client resolves code actions' edits (fix-all is computed when chosen). */
	readonly resolvesEdits: boolean;
	readonly changeAnnotations: boolean;
	/** Settles when the corpus index has taken every change so far. */
	readonly indexReady: () => Promise<void>;
}

export class EditCommands {
	readonly #c: EditContext;

	constructor(context: EditContext) {
		this.#c = context;
	}

	async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
		const service = this.#c.service;
		const encoding = params.context.diagnostics.find((d) => d.code === 'file.encoding' && (d.data as { encoding?: string } | undefined)?.encoding);
		if (encoding) {
			const name = (encoding.data as { encoding: string }).encoding;
			return [{ title: service.t('encoding.convertTitle', name), kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [encoding], command: { title: service.t('encoding.convertTitle', name), command: convertEncodingCommand, arguments: [params.textDocument.uri] } }];
		}
		const doc = await this.#c.open.get(params.textDocument.uri);
		if (!doc) { return []; }
		return codeActions({ service, doc, settings: await this.#c.settings.get(doc.uri), documentChanges: this.#c.documentChanges, resolvesEdits: this.#c.resolvesEdits, counts: this.#c.open.problemsOf(doc.uri)?.counts, held: this.#c.open.heldOf(doc.uri, doc.version) }, params);
	}

	/**
	 * A fix-all of the open document's current text: a large one on a corpus worker (seconds on
	 * 1 MB), with the index's view of the file (its positions only when the index holds this text).
	 */
	async #fixAllOf(doc: CorpusDocument, options: LintOptions, rule: string | undefined): Promise<RuleEdit[]> {
		if (doc.text.length <= largeDocument) { return this.#c.service.fixAll(doc, options, rule); }
		const view = corpusSnapshot(this.#c.service, doc.uri, this.#c.corpus.indexer.stampOf(doc.uri) === doc.stamp);
		const { parts } = await this.#c.corpus.pool.run({ kind: 'fix', uri: doc.uri, text: doc.text, options, corpus: view, rule }, Priority.Interactive);
		return parts.flatMap((p) => p.edits.map((e) => ({ ...e, start: e.start + p.start, end: e.end + p.start })));
	}

	async resolveFixAll(action: CodeAction): Promise<CodeAction> {
		if (!isFixAllData(action.data)) { return action; }
		const doc = await this.#c.open.get(action.data.fixAll.uri);
		if (!doc) { return action; }
		const edits = await this.#fixAllOf(doc, await this.#c.settings.get(doc.uri), action.data.fixAll.rule);
		return { ...action, edit: workspaceEdit({ doc, documentChanges: this.#c.documentChanges }, edits) };
	}

	/** The fix-all command (clients that do not resolve code actions, on a large document): computed, then applied unless the text changed meanwhile. */
	async #runFixAll(uri: string, rule: string | undefined): Promise<undefined> {
		const doc = await this.#c.open.get(uri);
		if (!doc) { return undefined; }
		const edits = await this.#fixAllOf(doc, await this.#c.settings.get(uri), rule);
		if (edits.length > 0 && this.#c.documents.get(uri)?.version === doc.version) {
			await this.#c.connection.workspace.applyEdit({ label: 'zh-corpus: fix all', edit: workspaceEdit({ doc, documentChanges: this.#c.documentChanges }, edits) });
		}
		return undefined;
	}

	/**
	 * One part of a large file fixed on a corpus worker, with the index's counts of the part's own
	 * line keys (looked up in slices): the server's thread never runs a part's lint.
	 */
	async #fixPart(part: CorpusDocument, options: LintOptions, families: readonly string[]): Promise<readonly RuleEdit[]> {
		const corpus = await drive(partSnapshotInSteps(this.#c.service, part.text));
		const { parts } = await this.#c.corpus.pool.run({ kind: 'fix', uri: part.uri, text: part.text, options, corpus, families }, Priority.Interactive, { apart: true });
		// A part is at most `partSize` long: the worker fixes it whole, as one part.
		if (parts.length !== 1) { throw new Error(`a part of ${part.text.length} characters came back in ${parts.length} parts`); }
		return parts[0].edits;
	}

	#cleanContext(): CleanContext {
		const { connection, documents } = this.#c;
		const service = this.#c.service;
		return {
			connection, service, documents, workspace: this.#c.workspace, settings: this.#c.settings, documentChanges: this.#c.documentChanges, changeAnnotations: this.#c.changeAnnotations,
			indexReady: this.#c.indexReady, unreadFiles: () => this.#c.corpus.indexer.skipped.keys(),
			boundary: this.#c.boundary, manifestKey: this.#c.manifestKey, restricted: this.#c.restricted, inform: notify(connection),
			fixText: async (uri, text, options, families) => {
				// On a corpus worker, with what the index holds for the file (its positions only when the index holds this very text).
				if (text.length > maxCharsPerWorkerJob) { return fixInPartsYielding(uri, text, (part) => this.#fixPart(part, options, families)); }
				const corpusView = corpusSnapshot(service, uri, this.#c.corpus.indexer.stampOf(uri) === textStamp(text));
				return [...(await this.#c.corpus.pool.run({ kind: 'fix', uri, text, options, corpus: corpusView, families }, Priority.Interactive)).parts];
			},
			fixPart: (part, options, families) => this.#fixPart(part, options, families),
			holdBackground: () => this.#c.corpus.pool.hold('clean'),
		};
	}

	async #convertDocument(uri: string, target: ConversionTarget): Promise<undefined> {
		const doc = await this.#c.open.get(uri);
		const edits = doc ? this.#c.service.convert(doc, target) : [];
		if (doc && edits.length > 0) {
			await this.#c.connection.workspace.applyEdit({ label: 'zh-corpus: convert', edit: workspaceEdit({ doc, documentChanges: this.#c.documentChanges }, edits) });
		}
		return undefined;
	}

	commands(): Record<string, (args: unknown[]) => Promise<unknown>> {
		return {
			[fixAllCommand]: ([uri, rule]) => this.#runFixAll(uri as string, rule as string | undefined),
			[convertCommand]: ([uri, target]) => this.#convertDocument(uri as string, target as ConversionTarget),
			[cleanCommand]: ([args]) => cleanWorkspace(this.#cleanContext(), args as Parameters<typeof cleanWorkspace>[1]),
			[undoCleanCommand]: () => undoClean(this.#cleanContext()),
			[convertEncodingCommand]: ([uri, options]) => convertToUtf8({
				connection: this.#c.connection, documents: this.#c.documents, boundary: this.#c.boundary, manifestKey: this.#c.manifestKey, t: this.#c.service.t, documentChanges: this.#c.documentChanges,
				isCorpusUri: (u) => this.#c.workspace.isCorpusUri(u),
				fileChanged: async (u) => { await this.#c.corpus.indexer.fileChanged(u); this.#c.publisher.schedule(u); },
			}, uri as string, (options as { assumeYes?: boolean } | undefined)?.assumeYes),
		};
	}
}
