/**
 * The language server: capabilities and one short handler per feature. Every handler goes
 * document → core → convert; the logic lives in `service/`. `startServer` listens; at
 * initialize it builds a `Session` for the client, which owns the server's state and registers
 * the handlers.
 */
import {
	CancellationToken, CodeAction, Connection, ErrorCodes, FileEvent, ResponseError, WorkspaceDiagnosticParams, DidChangeConfigurationNotification,
	DocumentDiagnosticReport, DocumentDiagnosticReportKind, InitializeParams, InitializeResult, MessageType, ShowMessageNotification, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { familiesRequest, notify } from '../clean/cleanWorkspace';
import { defaultStateDir, manifestKey } from '../files/manifest';
import { WorkspaceBoundary } from '../files/workspaceBoundary';
import { DiagnosticsPublisher } from './diagnostics';
import { LspWorkspace, uriToPath } from './lspWorkspace';
import { LanguageService, ruleFamilies } from '../service';
import { messagesFor } from '../service/messages';
import { jiebaSegmenter } from '../segmenter';
import { SettingsCache } from '../settings';
import { registerEntityFeatures } from './entityFeatures';
import { serverCapabilities } from './capabilities';
import { watchedFileChanged, WatchedFilesContext } from './watchedFiles';
import { Corpus } from '../corpus/corpus';
import { registerDebugRequests } from './debugRequests';
import { OpenDocuments } from './openDocuments';
import { summaryMarkdown } from './summaryMarkdown';
import { documentStatus } from './documentStatus';
import { ProjectConfigs, withProjectConfig } from '../files/projectConfig';
import { commandArgumentsProblem } from './commandArguments';
import { notifications, requests } from '../protocol';
import { Safe, safeHandlers } from './safe';
import { EditCommands, editCommandNames } from './editCommands';

/** What the client said it can do, at initialize. */
interface ClientAbilities {
	/** Versioned `documentChanges` in workspace edits. */
	readonly documentChanges: boolean;
	readonly changeAnnotations: boolean;
	/** `workspace/configuration`: settings are pulled per folder (else pushed with didChangeConfiguration). */
	readonly pullsConfiguration: boolean;
	readonly semanticRefresh: boolean;
	/** `codeAction/resolve` for `edit`: fix-all is computed when chosen. */
	readonly resolvesEdits: boolean;
	/** Pull diagnostics (`textDocument/diagnostic`). */
	readonly pullsDiagnostics: boolean;
}

type InitOptions = { settings?: unknown; workers?: number; debug?: boolean; trusted?: boolean; manifestKey?: string; stateDir?: string } | undefined;

export function startServer(connection: Connection): void {
	const documents = new TextDocuments(TextDocument);
	let session: Session | undefined;
	connection.onInitialize((params: InitializeParams): InitializeResult => {
		session = new Session(connection, documents, params);
		return {
			capabilities: serverCapabilities(session.client.pullsDiagnostics, editCommandNames),
			serverInfo: { name: 'zh-corpus-language-server', version: '0.1.0' },
		};
	});
	connection.onInitialized(() => session?.initialized());
	connection.onShutdown(() => session?.dispose());
	documents.listen(connection);
	connection.listen();
}

/**
 * The server for one client, built at initialize from what the client said: the core, settings,
 * the open documents, the corpus; it registers every handler.
 */
class Session {
	readonly client: ClientAbilities;
	readonly #safe: Safe;
	/** Restricted Mode (the folder is not trusted): what the workspace supplies (patterns, gazetteers, the project file) is ignored. */
	readonly #restricted: boolean;
	/** Settings the client pushed (a client that cannot be asked for them). */
	#pushedSettings: unknown;
	readonly #service: LanguageService;
	readonly #settings: SettingsCache;
	/** `.zh-corpus/config.json` per workspace folder. */
	readonly #projectConfigs: ProjectConfigs;
	readonly #workspace: LspWorkspace;
	readonly #boundary: WorkspaceBoundary;
	readonly #publisher: DiagnosticsPublisher;
	readonly #corpus: Corpus;
	readonly #open: OpenDocuments;
	/** This installation's key for clean manifests: passed by the client, else from the user's state folder. */
	readonly #manifestKey: () => Promise<Buffer>;
	// Index updates run in order; requests about the corpus wait for those already received.
	#indexUpdates = Promise.resolve();
	readonly #edits: EditCommands;

	constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>, params: InitializeParams) {
		const caps = params.capabilities;
		this.client = {
			documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
			changeAnnotations: caps.workspace?.workspaceEdit?.changeAnnotationSupport !== undefined,
			pullsConfiguration: caps.workspace?.configuration === true,
			semanticRefresh: caps.workspace?.semanticTokens?.refreshSupport === true,
			resolvesEdits: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true && caps.textDocument.codeAction.dataSupport === true,
			pullsDiagnostics: caps.textDocument?.diagnostic !== undefined,
		};
		this.#safe = safeHandlers(connection);
		const initOptions = params.initializationOptions as InitOptions;
		let key: Promise<Buffer> | undefined;
		this.#manifestKey = () => key ??= manifestKey(initOptions?.manifestKey, typeof initOptions?.stateDir === 'string' ? initOptions.stateDir : defaultStateDir());
		if (initOptions?.debug === true) { registerDebugRequests(connection, documents, () => this.#corpus.pool.threadIds); }
		// An editor that says the folder is not trusted (VS Code's Restricted Mode).
		this.#restricted = initOptions?.trusted === false;
		this.#pushedSettings = initOptions?.settings;
		const warn = (message: string) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
		// A notification, not showWarningMessage's request: clients need not answer it.
		this.#settings = new SettingsCache((uri) => this.#fetchSettings(uri), messagesFor(params.locale), warn, this.#restricted);
		this.#projectConfigs = new ProjectConfigs(() => this.#workspace.folders, (message) => warn(`zh-corpus: ${message}`), messagesFor(params.locale));
		this.#workspace = new LspWorkspace(documents, (uri) => this.#settings.get(uri), (folderUri) => this.#editorExclusions(folderUri));
		const jieba = jiebaSegmenter((message) => connection.console.error(message));
		this.#service = new LanguageService({ workspace: this.#workspace, locale: params.locale, segmenter: jieba, tagger: jieba });
		this.#boundary = new WorkspaceBoundary(() => this.#workspace.folders);
		this.#workspace.folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
			.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
		this.#publisher = new DiagnosticsPublisher(connection, (uri) => this.#open.diagnostics(uri), this.client.pullsDiagnostics);
		this.#corpus = new Corpus({
			connection, service: this.#service, workspace: this.#workspace, settings: this.#settings, publisher: this.#publisher, locale: params.locale, workers: initOptions?.workers,
			isOpen: (uri) => documents.get(uri) !== undefined,
			recheckOpen: () => this.#recheckOpen(),
			entitiesChanged: () => this.#entitiesChanged(),
			restricted: this.#restricted,
		});
		this.#open = new OpenDocuments({
			connection, documents, workspace: this.#workspace, service: this.#service, settings: this.#settings, corpus: this.#corpus,
			schedule: (uri) => this.#publisher.schedule(uri),
			onNewNames: () => this.#scheduleNamePropagation(),
		});
		this.#edits = new EditCommands({
			connection, documents, service: this.#service, open: this.#open, settings: this.#settings, corpus: this.#corpus, workspace: this.#workspace,
			boundary: this.#boundary, publisher: this.#publisher, manifestKey: this.#manifestKey, restricted: this.#restricted,
			documentChanges: this.client.documentChanges, resolvesEdits: this.client.resolvesEdits, changeAnnotations: this.client.changeAnnotations, indexReady: () => this.#indexUpdates,
		});
		this.#register();
	}

	/** The editor's settings under the project file's (not in Restricted Mode: the project file is workspace-supplied). */
	async #fetchSettings(uri: string | undefined): Promise<unknown> {
		const editor = this.client.pullsConfiguration
			? await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'zhCorpus' })
			: (this.#pushedSettings as { zhCorpus?: unknown } | undefined)?.zhCorpus ?? this.#pushedSettings;
		return this.#restricted ? editor : withProjectConfig(editor, await this.#projectConfigs.of(uri ? this.#workspace.folderUriOf(uri) : undefined));
	}

	/** VS Code's own exclusions: globs whose value is true (a `when` condition counts as no). */
	async #editorExclusions(folderUri: string): Promise<string[]> {
		if (!this.client.pullsConfiguration) { return []; }
		const globs = await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }) as Record<string, unknown> | null;
		return Object.entries(globs ?? {}).filter(([, v]) => v === true).map(([g]) => g);
	}

	initialized(): void {
		if (this.client.pullsConfiguration) { void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'zhCorpus' }); }
		// Not queued with the index updates: hovers and references answer from what is known while the first scan runs.
		void (async () => {
			if (!this.#restricted) { await this.#corpus.loadGazetteers(); }
			await this.#corpus.start();
		})().catch((e: unknown) => this.connection.console.error(`zh-corpus: ${String(e)}`));
	}

	dispose(): Promise<void> { return this.#corpus.dispose(); }

	/** Runs after the index updates already received, in order. */
	#afterIndexUpdates(work: () => Promise<void>): void {
		this.#indexUpdates = this.#indexUpdates.then(this.#safe(undefined, work));
	}

	#recheckOpen(): void {
		for (const doc of this.documents.all()) { this.#publisher.schedule(doc.uri); }
	}

	/** Editors re-ask for semantic tokens; the entity view reloads. */
	#entitiesChanged(): void {
		if (this.client.semanticRefresh) { void this.connection.languages.semanticTokens.refresh().catch(() => undefined); }
		void this.connection.sendNotification(notifications.entitiesChanged);
	}

	/** Names new to the corpus (typed in an editor) are looked for in every other file once the user pauses. */
	#scheduleNamePropagation(): void {
		this.#service.clearNewNames();
		this.#corpus.names.schedulePropagation();
	}

	#register(): void {
		const { connection, documents } = this;
		const safe = this.#safe;
		documents.onDidOpen((e) => this.#publisher.schedule(e.document.uri));
		documents.onDidChangeContent((e) => this.#publisher.schedule(e.document.uri));
		documents.onDidClose((e) => this.#closed(e.document.uri));
		connection.onDidChangeConfiguration((change) => this.#configurationChanged(change.settings));
		connection.onDidChangeWatchedFiles(({ changes }) => this.#watchedFilesChanged(changes));

		connection.languages.diagnostics.on(safe({ kind: DocumentDiagnosticReportKind.Full, items: [] }, (params) => this.#pullDiagnostics(params.textDocument.uri)));
		connection.languages.diagnostics.onWorkspace((params, token) => this.#workspaceDiagnostics(params, token));

		connection.onCodeAction(safe([], (params) => this.#edits.codeActions(params)));
		// On failure the action comes back as it was (without an edit: the editor applies nothing).
		connection.onCodeActionResolve((action) => safe(action, (a: CodeAction) => this.#edits.resolveFixAll(a))(action));

		connection.onDocumentSymbol(safe([], async (params) => (await this.#open.outline(params.textDocument.uri))?.symbols ?? []));
		connection.onFoldingRanges(safe([], async (params) => (await this.#open.outline(params.textDocument.uri))?.folding ?? []));

		const commands = this.#edits.commands();
		connection.onExecuteCommand(safe(undefined, (params) => {
			// Arguments are checked against the command's schema first: anything may send anything.
			const problem = commandArgumentsProblem(params.command, params.arguments, this.#service.t);
			if (problem) {
				void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: problem });
				return new ResponseError(ErrorCodes.InvalidParams, problem);
			}
			return commands[params.command]?.(params.arguments ?? []);
		}));

		connection.onRequest(familiesRequest, () => ruleFamilies(this.#service.rules));
		connection.onRequest(requests.corpusSummary, async () => {
			await this.#indexUpdates;
			const summary = this.#corpus.summary(this.#open.problems);
			return { ...summary, markdown: summaryMarkdown(summary, this.#service.t) };
		});
		connection.onRequest(requests.documentStatus, async ({ uri }: { uri: string }) => {
			const doc = await this.#open.get(uri);
			return doc ? documentStatus(doc, this.#open.problemsOf(uri), this.#corpus.status()) : null;
		});

		registerEntityFeatures({
			connection, service: () => this.#service, documents, corpusDocument: (uri) => this.#open.withCurrentNames(uri),
			// Requests answer from what is indexed so far while the first scan runs; afterwards they see every change received.
			indexReady: () => this.#corpus.indexer.ready ? this.#indexUpdates : Promise.resolve(),
			realInside: async (uri) => { const file = uriToPath(uri); return file === undefined ? undefined : (await this.#boundary.locate(file))?.real; },
			inform: notify(connection),
		});
	}

	#closed(uri: string): void {
		this.#settings.forget(uri);
		this.#open.forget(uri);
		// The file on disk is what the corpus holds again; its problems as a closed file replace the open ones.
		this.#afterIndexUpdates(async () => {
			const keep = (await this.#settings.get(this.#workspace.folderUriOf(uri))).problemsScope === 'workspace' && await this.#workspace.isCorpusUri(uri);
			this.#publisher.close(uri, keep);
			if (await this.#workspace.isCorpusUri(uri)) {
				await this.#corpus.indexer.fileChanged(uri);
				void this.#corpus.names.fileChanged(uri);
			}
		});
	}

	#configurationChanged(pushed: unknown): void {
		if (!this.client.pullsConfiguration) { this.#pushedSettings = pushed; }
		this.#settings.clear();
		this.#open.invalidate();
		this.#recheckOpen();
		// Severities, rules and the problems' scope apply to closed files too; include/exclude change which files count.
		this.#afterIndexUpdates(async () => {
			await this.#corpus.configure();
			await this.#corpus.rescan();
			this.#corpus.indexer.recheckAll();
		});
	}

	#watchedFilesChanged(changes: FileEvent[]): void {
		// A .gitignore, the project file or a link may have changed which open documents are corpus documents.
		this.#open.invalidate();
		const ctx: WatchedFilesContext = {
			connection: this.connection, service: this.#service, documents: this.documents, workspace: this.#workspace, corpus: this.#corpus, restricted: this.#restricted,
			reloadSettings: () => {
				this.#projectConfigs.clear();
				this.#settings.clear();
				this.#open.invalidate();
				this.#recheckOpen();
			},
		};
		this.#afterIndexUpdates(async () => { for (const change of changes) { await watchedFileChanged(ctx, change); } });
	}

	async #pullDiagnostics(uri: string): Promise<DocumentDiagnosticReport> {
		this.#publisher.markPulled(uri);
		// A pull answers for the version current when it is answered: a check overtaken by an edit is done again.
		let result = await this.#open.diagnostics(uri);
		while (result === 'superseded') { result = await this.#open.diagnostics(uri); }
		return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] };
	}

	async #workspaceDiagnostics(params: WorkspaceDiagnosticParams, token: CancellationToken) {
		const previous = new Map(params.previousResultIds.map((p): [string, string] => [p.uri, p.value]));
		try {
			return await this.#publisher.workspaceReport(previous, (uri) => this.documents.get(uri) !== undefined, token);
		} catch (e) {
			this.connection.console.error(`zh-corpus: ${String(e)}`);
			return { items: [] };
		}
	}
}
