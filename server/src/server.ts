/**
 * The language server: capabilities and one short handler per feature. Every handler goes
 * document → core → convert; the logic lives in `service/`.
 */
import {
	CodeActionKind, Connection, DidChangeConfigurationNotification, DocumentDiagnosticReportKind, FileChangeType,
	InitializeParams, InitializeResult, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanCommand, CleanContext, cleanWorkspace, familiesRequest, undoClean, undoCleanCommand } from './cleanWorkspace';
import { codeActions, fixAllKind, workspaceEdit } from './codeActions';
import { toDiagnostic } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { LspWorkspace, uriToPath } from './lspWorkspace';
import { ConversionTarget, CorpusDocument, LanguageService, ruleFamilies } from './service';
import { messagesFor } from './service/messages';
import { toDocumentSymbols, toFoldingRanges } from './outlineProtocol';
import { jiebaSegmenter } from './segmenter';
import { SettingsCache } from './settings';
import { indexWorkspace } from './workspaceScan';
import { registerEntityFeatures, semanticLegend } from './entityFeatures';
import { isGazetteerUri, loadGazetteers } from './gazetteerFiles';

export const convertCommand = 'zhCorpus.convertDocument';
export const summaryRequest = 'zhCorpus/corpusSummary';
export const entitiesChangedNotification = 'zhCorpus/entitiesChanged';

export function startServer(connection: Connection): void {
	const documents = new TextDocuments(TextDocument);
	let service!: LanguageService;
	let settings!: SettingsCache;
	let workspace!: LspWorkspace;
	let publisher!: DiagnosticsPublisher;
	let pushedSettings: unknown;
	let documentChanges = false;
	let changeAnnotations = false;
	let canPullConfiguration = false;
	let semanticRefresh = false;
	// Index updates run in order; requests about the corpus wait for those already received.
	let indexUpdates = Promise.resolve();

	/** The open document as the core sees it, when it is a corpus document. */
	const corpusDocument = async (uri: string): Promise<CorpusDocument | undefined> => {
		const doc = documents.get(uri);
		if (!doc || !(await workspace.isCorpusDocument(doc))) { return undefined; }
		return new CorpusDocument(uri, doc.version, doc.getText());
	};
	const diagnosticsOf = async (uri: string) => {
		const doc = await corpusDocument(uri);
		if (!doc) { return undefined; }
		const options = await settings.get(uri);
		// A newer version may have arrived while settings were fetched: check only the latest.
		if (documents.get(uri)?.version !== doc.version) { return undefined; }
		// The open document's text is what the corpus holds for it (cross-file rules count it).
		service.index.set(uri, doc.text);
		if (service.entitiesStale(doc)) { scheduleEntityRefresh(uri); }
		return { version: doc.version, diagnostics: service.lint(doc, options).map((p) => toDiagnostic(doc, p)) };
	};
	const safe = <P, R>(fallback: R, handler: (p: P) => Promise<R> | R) => async (p: P): Promise<R> => {
		try { return await handler(p); } catch (e) {
			connection.console.error(`zh-corpus: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
			return fallback;
		}
	};

	connection.onInitialize((params: InitializeParams): InitializeResult => {
		const caps = params.capabilities;
		documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
		changeAnnotations = caps.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined;
		canPullConfiguration = caps.workspace?.configuration === true;
		semanticRefresh = caps.workspace?.semanticTokens?.refreshSupport === true;
		pushedSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
		const fetch = async (uri: string | undefined) => canPullConfiguration
			? connection.workspace.getConfiguration({ scopeUri: uri, section: 'zhCorpus' })
			: (pushedSettings as { zhCorpus?: unknown } | undefined)?.zhCorpus ?? pushedSettings;
		// A notification, not showWarningMessage's request: clients need not answer it.
		settings = new SettingsCache(fetch, messagesFor(params.locale), (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }));
		workspace = new LspWorkspace(documents, (uri) => settings.get(uri));
		const jieba = jiebaSegmenter((message) => connection.console.error(message));
		service = new LanguageService({ workspace, locale: params.locale, segmenter: jieba, tagger: jieba });
		workspace.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
			.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
		publisher = new DiagnosticsPublisher(connection, diagnosticsOf);
		const pull = caps.textDocument?.diagnostic !== undefined;
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
				documentSymbolProvider: { label: 'zh-corpus' },
				hoverProvider: true,
				definitionProvider: true,
				referencesProvider: true,
				documentHighlightProvider: true,
				workspaceSymbolProvider: true,
				renameProvider: { prepareProvider: true },
				semanticTokensProvider: { legend: semanticLegend, full: true },
				foldingRangeProvider: true,
				executeCommandProvider: { commands: [convertCommand, cleanCommand, undoCleanCommand] },
				diagnosticProvider: pull ? { identifier: 'zh-corpus', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
				workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
			},
			serverInfo: { name: 'zh-corpus-language-server', version: '0.1.0' },
		};
	});

	connection.onInitialized(() => {
		if (canPullConfiguration) { void connection.client.register(DidChangeConfigurationNotification.type, { section: 'zhCorpus' }); }
		// Not queued with the index updates: hovers and references answer from what is known while the first scan runs.
		void indexWorkspace(connection, service, () => loadGazetteers(connection, workspace.folders)).then(() => {
			// Open documents are checked again against the whole corpus (entity.variant, repeated lines).
			for (const doc of documents.all()) { publisher.schedule(doc.uri); }
			entitiesChanged();
		});
	});

	documents.onDidOpen((e) => publisher.schedule(e.document.uri));
	documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
	documents.onDidClose((e) => {
		publisher.close(e.document.uri);
		clearTimeout(entityTimers.get(e.document.uri));
		settings.forget(e.document.uri);
		// The file on disk is what the corpus holds again.
		void service.updateFile(e.document.uri);
	});

	connection.onDidChangeConfiguration((change) => {
		if (!canPullConfiguration) { pushedSettings = change.settings; }
		settings.clear();
		for (const doc of documents.all()) { publisher.schedule(doc.uri); }
	});

	connection.onDidChangeWatchedFiles(({ changes }) => {
		indexUpdates = indexUpdates.then(safe(undefined, async () => {
			for (const change of changes) {
				if (isGazetteerUri(change.uri)) {
					await service.entities.setGazetteer(await loadGazetteers(connection, workspace.folders), service.index.uris());
					entitiesChanged();
					continue;
				}
				if (documents.get(change.uri)) { continue; }
				if (change.type === FileChangeType.Deleted) { service.removeFile(change.uri); }
				else if (await workspace.isCorpusUri(change.uri)) { await service.updateFile(change.uri); }
			}
			if (service.hasNewNames) { scheduleNamePropagation(); }
		}));
	});

	/**
	 * An edited document's names are indexed when the user pauses (tagging a large document on
	 * every keystroke would slow checking down), then it is checked again with them.
	 */
	const entityTimers = new Map<string, NodeJS.Timeout>();
	const scheduleEntityRefresh = (uri: string) => {
		clearTimeout(entityTimers.get(uri));
		entityTimers.set(uri, setTimeout(() => void safe(undefined, async () => {
			entityTimers.delete(uri);
			const doc = await corpusDocument(uri);
			if (!doc) { return; }
			service.entityMentions(doc);
			publisher.schedule(uri);
			if (service.hasNewNames) { scheduleNamePropagation(); }
		})(undefined), 400));
	};

	/** Editors re-ask for semantic tokens; the entity view reloads. */
	const entitiesChanged = () => {
		if (semanticRefresh) { void connection.languages.semanticTokens.refresh().catch(() => undefined); }
		void connection.sendNotification(entitiesChangedNotification);
	};

	/**
	 * Names new to the corpus (typed in an editor, or in a changed file) are looked for in every
	 * other file once the user pauses, then open documents are checked again (entity.variant).
	 */
	let propagationTimer: NodeJS.Timeout | undefined;
	const scheduleNamePropagation = () => {
		clearTimeout(propagationTimer);
		propagationTimer = setTimeout(() => {
			indexUpdates = indexUpdates.then(safe(undefined, async () => {
				await service.propagateNames();
				for (const doc of documents.all()) { publisher.schedule(doc.uri); }
				entitiesChanged();
			}));
		}, 1500);
	};

	connection.languages.diagnostics.on(safe({ kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params) => {
		publisher.markPulled(params.textDocument.uri);
		const result = await diagnosticsOf(params.textDocument.uri);
		return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] };
	}));

	connection.onCodeAction(safe([], async (params) => {
		const doc = await corpusDocument(params.textDocument.uri);
		if (!doc) { return []; }
		return codeActions({ service, doc, settings: await settings.get(doc.uri), documentChanges }, params);
	}));

	const outlineOf = async (uri: string) => {
		const doc = await corpusDocument(uri);
		return doc ? { doc, nodes: service.outline(doc, await settings.get(uri)) } : undefined;
	};
	connection.onDocumentSymbol(safe([], async (params) => {
		const o = await outlineOf(params.textDocument.uri);
		return o ? toDocumentSymbols(o.doc, o.nodes) : [];
	}));
	connection.onFoldingRanges(safe([], async (params) => {
		const o = await outlineOf(params.textDocument.uri);
		return o ? toFoldingRanges(o.doc, o.nodes) : [];
	}));

	const cleanContext = (): CleanContext => ({ connection, service, documents, workspace, settings, documentChanges, changeAnnotations, indexReady: () => indexUpdates });
	const convertDocument = async (uri: string, target: ConversionTarget): Promise<undefined> => {
		const doc = await corpusDocument(uri);
		const edits = doc ? service.convert(doc, target) : [];
		if (doc && edits.length > 0) {
			await connection.workspace.applyEdit({ label: 'zh-corpus: convert', edit: workspaceEdit({ service, doc, settings: await settings.get(uri), documentChanges }, edits) });
		}
		return undefined;
	};
	const commands: Record<string, (args: unknown[]) => Promise<unknown>> = {
		[convertCommand]: ([uri, target]) => convertDocument(uri as string, target as ConversionTarget),
		[cleanCommand]: ([args]) => cleanWorkspace(cleanContext(), args as Parameters<typeof cleanWorkspace>[1]),
		[undoCleanCommand]: () => undoClean(cleanContext()),
	};
	connection.onExecuteCommand(safe(undefined, (params) => commands[params.command]?.(params.arguments ?? [])));

	connection.onRequest(familiesRequest, () => ruleFamilies(service.rules));

	connection.onRequest(summaryRequest, async () => {
		await indexUpdates;
		return service.index.summary();
	});

	registerEntityFeatures({
		connection, service: () => service, documents, corpusDocument,
		indexReady: () => indexUpdates,
		onNewNames: () => scheduleNamePropagation(),
	});

	documents.listen(connection);
	connection.listen();
}
