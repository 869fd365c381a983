/**
 * The language server: capabilities and one short handler per feature. Every handler goes
 * document → core → convert; the logic lives in `service/`.
 */
import {
	CancellationToken, CodeAction, CodeActionKind, Connection, ErrorCodes, ResponseError, WorkspaceDiagnosticParams, DidChangeConfigurationNotification, DocumentDiagnosticReportKind,
	InitializeParams, InitializeResult, MessageType, ShowMessageNotification, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanCommand, CleanContext, cleanWorkspace, familiesRequest, notify, undoClean, undoCleanCommand } from './cleanWorkspace';
import { defaultStateDir, manifestKey } from './files/manifest';
import { WorkspaceBoundary } from './files/workspaceBoundary';
import { fixInPartsYielding, maxCharsPerWorkerJob } from './files/fixFile';
import { textStamp } from './fileReader';
import { corpusSnapshot } from './worker/snapshot';
import { Priority } from './workerPool';
import { codeActions, fixAllCommand, isFixAllData, workspaceEdit } from './codeActions';
import { DiagnosticsPublisher } from './diagnostics';
import { LspWorkspace, uriToPath } from './lspWorkspace';
import { ConversionTarget, CorpusDocument, LanguageService, LintOptions, RuleEdit, ruleFamilies } from './service';
import { messagesFor } from './service/messages';
import { jiebaSegmenter } from './segmenter';
import { SettingsCache } from './settings';
import { registerEntityFeatures } from './entityFeatures';
import { serverCapabilities } from './capabilities';
import { watchedFileChanged, WatchedFilesContext } from './watchedFiles';
import { Corpus } from './corpus';
import { registerDebugRequests } from './debugRequests';
import { convertEncodingCommand, convertToUtf8 } from './encodingConversion';
import { largeDocument, OpenDocuments } from './openDocuments';
import { summaryMarkdown } from './summaryMarkdown';
import { documentStatus } from './documentStatus';
import { ProjectConfigs, withProjectConfig } from './projectConfig';
import { commandArgumentsProblem } from './commandArguments';
import { notifications, requests, serverCommands } from './protocol';
import { safeHandlers } from './safe';

const convertCommand = serverCommands.convertDocument;

export function startServer(connection: Connection): void {
	const documents = new TextDocuments(TextDocument);
	let service!: LanguageService;
	let settings!: SettingsCache;
	let workspace!: LspWorkspace;
	let publisher!: DiagnosticsPublisher;
	let corpus!: Corpus;
	let restricted = false;
	let pushedSettings: unknown;
	/** `.zh-corpus/config.json` per workspace folder (created at initialize, when the folders are known). */
	let projectConfigs!: ProjectConfigs;
	let open!: OpenDocuments;
	let documentChanges = false;
	let changeAnnotations = false;
	let canPullConfiguration = false;
	let semanticRefresh = false;
	let resolvesEdits = false;
	/** This installation's key for clean manifests: passed by the client, else from the user's state folder. */
	let manifestKeyOf!: () => Promise<Buffer>;
	let boundary!: WorkspaceBoundary;
	// Index updates run in order; requests about the corpus wait for those already received.
	let indexUpdates = Promise.resolve();

	const corpusDocument = (uri: string) => open.get(uri);
	const safe = safeHandlers(connection);

	connection.onInitialize((params: InitializeParams): InitializeResult => {
		const caps = params.capabilities;
		documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
		changeAnnotations = caps.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined;
		canPullConfiguration = caps.workspace?.configuration === true;
		semanticRefresh = caps.workspace?.semanticTokens?.refreshSupport === true;
		resolvesEdits = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true && caps.textDocument.codeAction.dataSupport === true;
		const initOptions = params.initializationOptions as { settings?: unknown; workers?: number; debug?: boolean; trusted?: boolean; manifestKey?: string; stateDir?: string } | undefined;
		let key: Promise<Buffer> | undefined;
		manifestKeyOf = () => key ??= manifestKey(initOptions?.manifestKey, typeof initOptions?.stateDir === 'string' ? initOptions.stateDir : defaultStateDir());
		if (initOptions?.debug === true) { registerDebugRequests(connection, documents); }
		// An editor that says the folder is not trusted (VS Code's Restricted Mode): what the
		// workspace supplies (patterns, gazetteers) is ignored until it is.
		restricted = initOptions?.trusted === false;
		pushedSettings = initOptions?.settings;
		const editorSettings = async (uri: string | undefined) => canPullConfiguration
			? connection.workspace.getConfiguration({ scopeUri: uri, section: 'zhCorpus' })
			: (pushedSettings as { zhCorpus?: unknown } | undefined)?.zhCorpus ?? pushedSettings;
		// The project file under the editor's settings (not in Restricted Mode: it is workspace-supplied).
		const fetch = async (uri: string | undefined) => {
			const editor = await editorSettings(uri);
			return restricted ? editor : withProjectConfig(editor, await projectConfigs.of(uri ? workspace.folderUriOf(uri) : undefined));
		};
		// A notification, not showWarningMessage's request: clients need not answer it.
		settings = new SettingsCache(fetch, messagesFor(params.locale), (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }), restricted);
		projectConfigs = new ProjectConfigs(() => workspace.folders, (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `zh-corpus: ${message}` }), messagesFor(params.locale));
		workspace = new LspWorkspace(documents, (uri) => settings.get(uri), async (folderUri) => {
			if (!canPullConfiguration) { return []; }
			// VS Code's own exclusions: globs whose value is true (a `when` condition counts as no).
			const globs = await connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }) as Record<string, unknown> | null;
			return Object.entries(globs ?? {}).filter(([, v]) => v === true).map(([g]) => g);
		});
		const jieba = jiebaSegmenter((message) => connection.console.error(message));
		service = new LanguageService({ workspace, locale: params.locale, segmenter: jieba, tagger: jieba });
		boundary = new WorkspaceBoundary(() => workspace.folders);
		workspace.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
			.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
		const pull = caps.textDocument?.diagnostic !== undefined;
		publisher = new DiagnosticsPublisher(connection, (uri) => open.diagnostics(uri), pull);
		corpus = new Corpus({
			connection, service, workspace, settings, publisher, locale: params.locale, workers: initOptions?.workers,
			isOpen: (uri) => documents.get(uri) !== undefined,
			recheckOpen: () => { for (const doc of documents.all()) { publisher.schedule(doc.uri); } },
			entitiesChanged: () => entitiesChanged(),
			restricted,
		});
		open = new OpenDocuments({
			connection, documents, workspace, service, settings, corpus,
			schedule: (uri) => publisher.schedule(uri),
			onNewNames: () => scheduleNamePropagation(),
		});
		return {
			capabilities: serverCapabilities(pull, [convertCommand, cleanCommand, undoCleanCommand, convertEncodingCommand, fixAllCommand]),
			serverInfo: { name: 'zh-corpus-language-server', version: '0.1.0' },
		};
	});

	connection.onInitialized(() => {
		if (canPullConfiguration) { void connection.client.register(DidChangeConfigurationNotification.type, { section: 'zhCorpus' }); }
		// Not queued with the index updates: hovers and references answer from what is known while the first scan runs.
		void (async () => {
			if (!restricted) { await corpus.loadGazetteers(); }
			await corpus.start();
		})().catch((e: unknown) => connection.console.error(`zh-corpus: ${String(e)}`));
	});

	documents.onDidOpen((e) => publisher.schedule(e.document.uri));
	documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
	documents.onDidClose((e) => {
		const uri = e.document.uri;
		settings.forget(uri);
		open.forget(uri);
		// The file on disk is what the corpus holds again; its problems as a closed file replace the open ones.
		indexUpdates = indexUpdates.then(safe(undefined, async () => {
			const keep = (await settings.get(workspace.folderUriOf(uri))).problemsScope === 'workspace' && await workspace.isCorpusUri(uri);
			publisher.close(uri, keep);
			if (await workspace.isCorpusUri(uri)) {
				await corpus.indexer.fileChanged(uri);
				void corpus.names.fileChanged(uri);
			}
		}));
	});

	connection.onDidChangeConfiguration((change) => {
		if (!canPullConfiguration) { pushedSettings = change.settings; }
		settings.clear();
		open.invalidate();
		for (const doc of documents.all()) { publisher.schedule(doc.uri); }
		// Severities, rules and the problems' scope apply to closed files too; include/exclude change which files count.
		indexUpdates = indexUpdates.then(safe(undefined, async () => {
			await corpus.configure();
			await corpus.rescan();
			corpus.indexer.recheckAll();
		}));
	});

	connection.onDidChangeWatchedFiles(({ changes }) => {
		// A .gitignore, the project file or a link may have changed which open documents are corpus documents.
		open.invalidate();
		const ctx: WatchedFilesContext = {
			connection, service, documents, workspace, corpus, restricted,
			reloadSettings: () => {
				projectConfigs.clear();
				settings.clear();
				open.invalidate();
				for (const doc of documents.all()) { publisher.schedule(doc.uri); }
			},
			entitiesChanged,
		};
		indexUpdates = indexUpdates.then(safe(undefined, async () => { for (const change of changes) { await watchedFileChanged(ctx, change); } }));
	});

	/** Editors re-ask for semantic tokens; the entity view reloads. */
	const entitiesChanged = () => {
		if (semanticRefresh) { void connection.languages.semanticTokens.refresh().catch(() => undefined); }
		void connection.sendNotification(notifications.entitiesChanged);
	};

	/** Names new to the corpus (typed in an editor) are looked for in every other file once the user pauses. */
	const scheduleNamePropagation = () => {
		service.clearNewNames();
		corpus.names.schedulePropagation();
	};

	connection.languages.diagnostics.on(safe({ kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params) => {
		publisher.markPulled(params.textDocument.uri);
		// A pull answers for the version current when it is answered: a check overtaken by an edit is done again.
		let result = await open.diagnostics(params.textDocument.uri);
		while (result === 'superseded') { result = await open.diagnostics(params.textDocument.uri); }
		return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] };
	}));
	connection.languages.diagnostics.onWorkspace(async (params: WorkspaceDiagnosticParams, token: CancellationToken) => {
		const previous = new Map(params.previousResultIds.map((p): [string, string] => [p.uri, p.value]));
		try {
			return await publisher.workspaceReport(previous, (uri) => documents.get(uri) !== undefined, token);
		} catch (e) {
			connection.console.error(`zh-corpus: ${String(e)}`);
			return { items: [] };
		}
	});

	connection.onCodeAction(safe([], async (params) => {
		const encoding = params.context.diagnostics.find((d) => d.code === 'file.encoding' && (d.data as { encoding?: string } | undefined)?.encoding);
		if (encoding) {
			const name = (encoding.data as { encoding: string }).encoding;
			return [{ title: service.t('encoding.convertTitle', name), kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [encoding], command: { title: service.t('encoding.convertTitle', name), command: convertEncodingCommand, arguments: [params.textDocument.uri] } }];
		}
		const doc = await corpusDocument(params.textDocument.uri);
		if (!doc) { return []; }
		return codeActions({ service, doc, settings: await settings.get(doc.uri), documentChanges, resolvesEdits, counts: open.problemsOf(doc.uri)?.counts }, params);
	}));

	/**
	 * A fix-all of the open document's current text: a large one on a corpus worker (seconds on
	 * 1 MB), with the index's view of the file (its positions only when the index holds this text).
	 */
	const fixAllOf = async (doc: CorpusDocument, options: LintOptions, rule: string | undefined): Promise<RuleEdit[]> => {
		if (doc.text.length <= largeDocument) { return service.fixAll(doc, options, rule); }
		const view = corpusSnapshot(service, doc.uri, corpus.indexer.stampOf(doc.uri) === doc.stamp);
		const { parts } = await corpus.pool.run({ kind: 'fix', uri: doc.uri, text: doc.text, options, corpus: view, rule }, Priority.Interactive);
		return parts.flatMap((p) => p.edits.map((e) => ({ ...e, start: e.start + p.start, end: e.end + p.start })));
	};
	const resolveFixAll = async (action: CodeAction): Promise<CodeAction> => {
		if (!isFixAllData(action.data)) { return action; }
		const doc = await corpusDocument(action.data.fixAll.uri);
		if (!doc) { return action; }
		const edits = await fixAllOf(doc, await settings.get(doc.uri), action.data.fixAll.rule);
		return { ...action, edit: workspaceEdit({ doc, documentChanges }, edits) };
	};
	// On failure the action comes back as it was (without an edit: the editor applies nothing).
	connection.onCodeActionResolve((action) => safe(action, resolveFixAll)(action));
	/** The fix-all command (clients that do not resolve code actions, on a large document): computed, then applied unless the text changed meanwhile. */
	const runFixAll = async (uri: string, rule: string | undefined): Promise<undefined> => {
		const doc = await corpusDocument(uri);
		if (!doc) { return undefined; }
		const edits = await fixAllOf(doc, await settings.get(uri), rule);
		if (edits.length > 0 && documents.get(uri)?.version === doc.version) {
			await connection.workspace.applyEdit({ label: 'zh-corpus: fix all', edit: workspaceEdit({ doc, documentChanges }, edits) });
		}
		return undefined;
	};

	connection.onDocumentSymbol(safe([], async (params) => (await open.outline(params.textDocument.uri))?.symbols ?? []));
	connection.onFoldingRanges(safe([], async (params) => (await open.outline(params.textDocument.uri))?.folding ?? []));

	const cleanContext = (): CleanContext => ({
		connection, service, documents, workspace, settings, documentChanges, changeAnnotations, indexReady: () => indexUpdates, unreadFiles: () => corpus.indexer.skipped.keys(),
		boundary, manifestKey: manifestKeyOf, restricted, inform: notify(connection),
		fixText: async (uri, text, options, families) => {
			// On a corpus worker, with what the index holds for the file (its positions only when the index holds this very text).
			if (text.length > maxCharsPerWorkerJob) { return fixInPartsYielding(uri, text, (part) => service.clean(part, options, families)); }
			const corpusView = corpusSnapshot(service, uri, corpus.indexer.stampOf(uri) === textStamp(text));
			return [...(await corpus.pool.run({ kind: 'fix', uri, text, options, corpus: corpusView, families }, Priority.Interactive)).parts];
		},
	});
	const convertDocument = async (uri: string, target: ConversionTarget): Promise<undefined> => {
		const doc = await corpusDocument(uri);
		const edits = doc ? service.convert(doc, target) : [];
		if (doc && edits.length > 0) {
			await connection.workspace.applyEdit({ label: 'zh-corpus: convert', edit: workspaceEdit({ doc, documentChanges }, edits) });
		}
		return undefined;
	};
	const commands: Record<string, (args: unknown[]) => Promise<unknown>> = {
		[fixAllCommand]: ([uri, rule]) => runFixAll(uri as string, rule as string | undefined),
		[convertCommand]: ([uri, target]) => convertDocument(uri as string, target as ConversionTarget),
		[cleanCommand]: ([args]) => cleanWorkspace(cleanContext(), args as Parameters<typeof cleanWorkspace>[1]),
		[undoCleanCommand]: () => undoClean(cleanContext()),
		[convertEncodingCommand]: ([uri, options]) => convertToUtf8({
			connection, documents, boundary, manifestKey: manifestKeyOf, t: service.t, documentChanges, isCorpusUri: (u) => workspace.isCorpusUri(u),
			fileChanged: async (u) => { await corpus.indexer.fileChanged(u); publisher.schedule(u); },
		}, uri as string, (options as { assumeYes?: boolean } | undefined)?.assumeYes),
	};
	connection.onExecuteCommand(safe(undefined, (params) => {
		// Arguments are checked against the command's schema first: anything may send anything.
		const problem = commandArgumentsProblem(params.command, params.arguments, service.t);
		if (problem) {
			void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: problem });
			return new ResponseError(ErrorCodes.InvalidParams, problem);
		}
		return commands[params.command]?.(params.arguments ?? []);
	}));

	connection.onRequest(familiesRequest, () => ruleFamilies(service.rules));

	connection.onRequest(requests.corpusSummary, async () => {
		await indexUpdates;
		const summary = corpus.summary(open.problems);
		return { ...summary, markdown: summaryMarkdown(summary, service.t) };
	});

	connection.onRequest(requests.documentStatus, async ({ uri }: { uri: string }) => {
		const doc = await corpusDocument(uri);
		return doc ? documentStatus(doc, open.problemsOf(uri), corpus.status()) : null;
	});

	registerEntityFeatures({
		connection, service: () => service, documents, corpusDocument: (uri) => open.withCurrentNames(uri),
		// Requests answer from what is indexed so far while the first scan runs; afterwards they see every change received.
		indexReady: () => corpus.indexer.ready ? indexUpdates : Promise.resolve(),
		realInside: async (uri) => { const file = uriToPath(uri); return file === undefined ? undefined : (await boundary.locate(file))?.real; },
		inform: notify(connection),
	});

	connection.onShutdown(() => corpus?.dispose());

	documents.listen(connection);
	connection.listen();
}
