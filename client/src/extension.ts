/**
 * The VS Code client: starts the language server and forwards commands to it. No linting
 * logic lives here, so every LSP editor gets the same behaviour from the server.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { EntityTree, goToMention } from './entityView';
import { reusingLastUri } from './lastUri';
import { CorpusStatus, StatusBar } from './statusBar';
import { SummaryProvider, summaryScheme } from './summary';
import { debugRequests, notifications, requests, serverCommands, serverEnvironmentDefaults, serverNodeOptions } from '../../server/src/protocol';

let client: LanguageClient | undefined;

const convertCommands: Record<string, string> = {
	'zhCorpus.convertToSimplified': 'simplified',
	'zhCorpus.convertToTraditionalTw': 'traditional-tw',
	'zhCorpus.convertToTraditionalHk': 'traditional-hk',
	'zhCorpus.convertToTraditional': 'traditional',
};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const manifestKey = await installationKey(context.globalStorageUri.fsPath);
	const serverModule = context.asAbsolutePath('dist/server.js');
	// The server opens a debug port only when asked (ZH_CORPUS_INSPECT=6019, set by the "Run
	// Extension" launch configuration): a fixed open port in every debugged window would clash.
	const inspectPort = /^\d{1,5}$/.test(process.env.ZH_CORPUS_INSPECT ?? '') ? process.env.ZH_CORPUS_INSPECT : undefined;
	// The server's environment defaults (glibc's allocator; see protocol.ts), unless already set.
	const env = { ...serverEnvironmentDefaults, ...process.env };
	const server = {
		module: serverModule, transport: TransportKind.ipc,
		options: { env, execArgv: [...serverNodeOptions, ...(inspectPort ? ['--nolazy', `--inspect=127.0.0.1:${inspectPort}`] : [])] },
	};
	const serverOptions: ServerOptions = { run: server, debug: server };
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: 'plaintext' },
			{ scheme: 'file', language: 'zh-corpus' },
			{ scheme: 'untitled', language: 'zh-corpus' },
		],
		synchronize: {
			fileEvents: [
				vscode.workspace.createFileSystemWatcher('**/*.txt'),
				vscode.workspace.createFileSystemWatcher('**/.zh-corpus/entities.json'),
				vscode.workspace.createFileSystemWatcher('**/.gitignore'),
				vscode.workspace.createFileSystemWatcher('**/.zh-corpus/config.json'),
			],
		},
		outputChannelName: 'zh-corpus',
		// A references answer repeats each file's URI for every mention in it: parsed once per file (lastUri.ts).
		uriConverters: { code2Protocol: (uri) => uri.toString(), protocol2Code: reusingLastUri((value) => vscode.Uri.parse(value)) },
		// Read at every (re)start: trusting the folder restarts the server with its patterns and gazetteer.
		// The key that signs clean manifests lives in the extension's global storage, out of every workspace's reach.
		initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, debug: process.env.ZH_CORPUS_DEBUG === '1', manifestKey }),
		errorHandler: restartingErrorHandler(() => client),
		// Server messages in VS Code's display language (the server reads initialize's locale).
	};
	client = new LanguageClient('zhCorpus', 'zh-corpus', serverOptions, clientOptions);
	// Take pushed diagnostics only: the server pushes to every client, and a client that also
	// pulls would show each problem twice in VS Code (push and pull fill separate collections).
	client.registerFeature({
		fillClientCapabilities: (capabilities) => { delete capabilities.textDocument?.diagnostic; },
		initialize: () => undefined,
		getState: () => ({ kind: 'static' }),
		clear: () => undefined,
	});

	for (const [command, target] of Object.entries(convertCommands)) {
		context.subscriptions.push(vscode.commands.registerCommand(command, async () => {
			const editor = vscode.window.activeTextEditor;
			if (!editor || !client) { return; }
			await client.sendRequest('workspace/executeCommand', { command: serverCommands.convertDocument, arguments: [editor.document.uri.toString(), target] });
		}));
	}
	context.subscriptions.push(
		vscode.commands.registerCommand('zhCorpus.restartServer', () => client?.restart()),
		vscode.commands.registerCommand('zhCorpus.treatFolderAsCorpus', treatFolderAsCorpus),
		vscode.commands.registerCommand('zhCorpus.cleanWorkspace', cleanWorkspace),
		vscode.commands.registerCommand('zhCorpus.undoLastClean', () => client?.sendRequest('workspace/executeCommand', { command: serverCommands.undoLastClean, arguments: [] })),
		vscode.commands.registerCommand('zhCorpus.convertToUtf8', () => {
			const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.window.tabGroups.activeTabGroup.activeTab?.input;
			const target = uri instanceof vscode.Uri ? uri : (uri as { uri?: vscode.Uri } | undefined)?.uri;
			return target && client?.sendRequest('workspace/executeCommand', { command: serverCommands.convertToUtf8, arguments: [target.toString()] });
		}),
		vscode.commands.registerCommand('zhCorpus.nextMention', () => goToMention(client, 1)),
		vscode.commands.registerCommand('zhCorpus.previousMention', () => goToMention(client, -1)),
	);
	const entityTree = new EntityTree(() => client);
	context.subscriptions.push(
		vscode.window.registerTreeDataProvider('zhCorpus.entities', entityTree),
		vscode.commands.registerCommand('zhCorpus.refreshEntities', () => entityTree.refresh()),
	);
	const statusBar = new StatusBar(() => client);
	const summary = new SummaryProvider(() => client);
	context.subscriptions.push(
		statusBar,
		vscode.workspace.registerTextDocumentContentProvider(summaryScheme, summary),
		vscode.commands.registerCommand('zhCorpus.showSummary', () => summary.show()),
		vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
		vscode.languages.onDidChangeDiagnostics((e) => {
			const active = vscode.window.activeTextEditor?.document.uri.toString();
			if (e.uris.some((u) => u.toString() === active)) { statusBar.update(); }
		}),
	);
	context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()));
	if (process.env.ZH_CORPUS_DEBUG === '1') {
		// Tests only: the server exits; the client must start it again.
		context.subscriptions.push(vscode.commands.registerCommand('zhCorpus.debug.crashServer', () => client?.sendRequest(debugRequests.crash).catch(() => undefined)));
	}
	await client.start();
	// The server says when the corpus's names changed (first scan done, names found in other files).
	client.onNotification(notifications.entitiesChanged, () => entityTree.refresh());
	client.onNotification(notifications.status, (status: CorpusStatus) => statusBar.corpusChanged(status));
	statusBar.update();
}

/**
 * This installation's key for signing the manifests of cleans (Undo restores only what it
 * signed), created once in the extension's global storage (mode 0600). Undefined when that
 * folder cannot be written: the server then keeps its own key in the user's state folder.
 */
async function installationKey(dir: string): Promise<string | undefined> {
	const file = path.join(dir, 'manifest.key');
	try {
		const existing = await fs.readFile(file).catch(() => undefined);
		if (existing && existing.length >= 32) { return existing.toString('hex'); }
		await fs.mkdir(dir, { recursive: true });
		await fs.writeFile(file, randomBytes(32), { mode: 0o600, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => { if (e.code !== 'EEXIST') { throw e; } });
		return (await fs.readFile(file)).toString('hex');
	} catch {
		return undefined;
	}
}

interface RuleFamily { id: string; rules: { id: string; description: string }[] }

/**
 * Asks which rule families to apply, then lets the server clean (preview or batch). Scripts
 * and keybindings may pass `{ families, assumeYes }` to skip the questions.
 */
async function cleanWorkspace(args?: { families?: string[]; assumeYes?: boolean }): Promise<unknown> {
	if (!client) { return undefined; }
	// A keybinding or another extension may pass anything; a menu passes the clicked file's URI.
	if (!validCleanArgs(args)) {
		void vscode.window.showErrorMessage(vscode.l10n.t('zh-corpus: Clean Workspace takes {0}, not {1}.', '{ "families": [...], "assumeYes": true }', JSON.stringify(args)?.slice(0, 80) ?? String(args)));
		return undefined;
	}
	let families = args?.families;
	if (!families) {
		const all = await client.sendRequest<RuleFamily[]>(requests.ruleFamilies);
		const picked = await vscode.window.showQuickPick(all.map((f) => ({
			label: f.id,
			description: f.rules.length === 1 ? f.rules[0].description : vscode.l10n.t('{0} rules', f.rules.length),
			detail: f.rules.length === 1 ? undefined : f.rules.map((r) => r.id.slice(f.id.length + 1)).join(', '),
			picked: true,
		})), { canPickMany: true, title: vscode.l10n.t('zh-corpus: Clean Workspace'), placeHolder: vscode.l10n.t('Rule families whose fixes to apply to every corpus file (zhCorpus.fixAll.rules adds rules such as boilerplate.source)') });
		if (!picked || picked.length === 0) { return undefined; }
		families = picked.map((p) => p.label);
	}
	return client.sendRequest('workspace/executeCommand', { command: serverCommands.cleanWorkspace, arguments: [{ families, assumeYes: args?.assumeYes }] });
}

/** Undefined, a URI (the explorer's menu) or `{ families?: string[], assumeYes?: boolean }`. */
function validCleanArgs(args: unknown): args is { families?: string[]; assumeYes?: boolean } | undefined {
	if (args === undefined || args === null || args instanceof vscode.Uri) { return true; }
	if (typeof args !== 'object' || Array.isArray(args)) { return false; }
	const { families, assumeYes } = args as { families?: unknown; assumeYes?: unknown };
	return (families === undefined || (Array.isArray(families) && families.every((f) => typeof f === 'string'))) && (assumeYes === undefined || typeof assumeYes === 'boolean');
}

/** Adds `"*.txt": "zh-corpus"` to the workspace's files.associations, keeping existing entries. */
async function treatFolderAsCorpus(): Promise<void> {
	if (!vscode.workspace.workspaceFolders?.length) {
		void vscode.window.showWarningMessage(vscode.l10n.t('zh-corpus: open a folder first.'));
		return;
	}
	const files = vscode.workspace.getConfiguration('files');
	const current = files.inspect<Record<string, string>>('associations')?.workspaceValue ?? {};
	await files.update('associations', { ...current, '*.txt': 'zh-corpus' }, vscode.ConfigurationTarget.Workspace);
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}

/**
 * The client's default error handler, except that a failed write does not stop the client. When
 * the server dies while the editor sends to it (a crash as the user types), each pending write
 * fails with EPIPE, with no count over IPC, and the default then shuts the client down: the close
 * that follows is taken as that shutdown and the server is never started again (seen in the
 * crash test). A write fails only on a closed channel, so the close decides, with the default's
 * limit (4 restarts within 3 minutes).
 */
function restartingErrorHandler(clientOf: () => LanguageClient | undefined): ErrorHandler {
	let fallback: ErrorHandler | undefined;
	return {
		error: () => ({ action: ErrorAction.Continue }),
		closed: () => {
			fallback ??= clientOf()?.createDefaultErrorHandler();
			return fallback ? fallback.closed() : { action: CloseAction.DoNotRestart };
		},
	};
}
