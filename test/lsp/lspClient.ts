/**
 * A real JSON-RPC client for the stdio server (dist/server.js --stdio), used by the LSP tests
 * and the benchmark. Waits on events, never on fixed times.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	createProtocolConnection, InitializeParams, ProtocolConnection, PublishDiagnosticsParams,
	IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { type CorpusStatus, serverEnvironmentDefaults, serverNodeOptions } from '../../server/src/protocol';

export type { CorpusStatus };

export const repoRoot = process.env.ZH_CORPUS_ROOT ?? path.resolve(__dirname, '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');

/** Servers started by tests keep their manifest key (files/manifest.ts) in a folder of the test run, not the user's. */
process.env.ZH_CORPUS_STATE_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'zh-corpus-state-'));

export interface StartOptions {
	readonly workspaceFolder?: string;
	/** Settings the client answers `workspace/configuration` with (section zhCorpus). */
	settings?: Record<string, unknown>;
	readonly pullDiagnostics?: boolean;
	readonly progress?: boolean;
	/** Declare `workspaceEdit.changeAnnotationSupport` (VS Code does: annotated edits open its refactor preview). */
	readonly changeAnnotations?: boolean;
	readonly initializationOptions?: Record<string, unknown>;
	/** Declare `codeAction.resolveSupport` for edits (VS Code does: fix-all actions come without their edit). */
	readonly resolveCodeActions?: boolean;
}


export class LspClient {
	readonly connection: ProtocolConnection;
	readonly process: ChildProcess;
	/** Latest pushed diagnostics per URI. */
	readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
	readonly #waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void }[] = [];
	stderr = '';
	readonly progress: unknown[] = [];
	readonly messages: string[] = [];
	settings: Record<string, unknown>;

	constructor(readonly options: StartOptions = {}) {
		this.settings = options.settings ?? {};
		// ZH_CORPUS_TRANSPORT=ipc: Node's IPC channel, as VS Code starts the server; stdio otherwise (other editors).
		// The options and environment the VS Code client starts it with (protocol.ts).
		const ipc = process.env.ZH_CORPUS_TRANSPORT === 'ipc';
		this.process = spawn(process.execPath, [...serverNodeOptions, ...(process.env.ZH_CORPUS_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), serverPath, ipc ? '--node-ipc' : '--stdio'], { env: { ...serverEnvironmentDefaults, ...process.env }, stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc' as const] : [])] });
		this.process.stderr!.on('data', (d: Buffer) => { this.stderr += d.toString(); });
		this.process.on('exit', (code) => {
			// A crashed server fails every waiting test at once instead of leaving it hanging.
			for (const w of this.#waiters.splice(0)) { w.reject(new Error(`server exited with ${code}: ${this.stderr}`)); }
		});
		this.connection = ipc
			? createProtocolConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process))
			: createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
		this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
			this.diagnostics.set(p.uri, p);
			for (const w of [...this.#waiters]) {
				if (w.test(p)) { this.#waiters.splice(this.#waiters.indexOf(w), 1); w.resolve(p); }
			}
		});
		this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
		this.connection.onRequest('client/registerCapability', () => null);
		this.connection.onRequest('window/workDoneProgress/create', () => null);
		this.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
			this.progress.push(p);
			if (p.value.kind === 'end') { this.#progressEnded(); }
		});
		this.connection.onNotification('zhCorpus/status', (p: CorpusStatus) => {
			this.status = p;
			for (const w of this.#statusWaiters.splice(0)) { if (w.test(p)) { w.resolve(p); } else { this.#statusWaiters.push(w); } }
		});
		this.connection.onNotification('window/showMessage', (p: { message: string }) => { this.messages.push(p.message); });
		this.connection.onNotification('window/logMessage', (p: { message: string }) => { this.messages.push(p.message); });
		this.connection.onRequest('workspace/applyEdit', (p: unknown) => { this.appliedEdits.push(p); return { applied: true }; });
		this.connection.onRequest('window/showMessageRequest', (p: { message: string; actions?: { title: string }[] }) => {
			this.messageRequests.push(p);
			return this.answerMessage(p);
		});
		this.connection.listen();
	}

	/** The server's latest `zhCorpus/status`. */
	status: CorpusStatus | undefined;
	readonly #statusWaiters: { test: (s: CorpusStatus) => boolean; resolve: (s: CorpusStatus) => void }[] = [];

	/** Resolves with the next status that passes `test` (or the current one if it does). */
	waitForStatus(test: (s: CorpusStatus) => boolean): Promise<CorpusStatus> {
		if (this.status && test(this.status)) { return Promise.resolve(this.status); }
		return new Promise((resolve) => this.#statusWaiters.push({ test, resolve }));
	}

	/** Resolves when the first scan has ended and the background tagging for names is done. */
	async namesReady(): Promise<void> {
		await this.progressEnded;
		await this.waitForStatus((s) => !s.indexing && !s.tagging);
	}

	readonly appliedEdits: unknown[] = [];
	readonly messageRequests: { message: string; actions?: { title: string }[] }[] = [];
	/** How the user answers `window/showMessageRequest` (default: dismisses it). */
	answerMessage: (p: { message: string; actions?: { title: string }[] }) => { title: string } | null = () => null;
	#progressEnded: () => void = () => undefined;
	/** Resolves when the server's work-done progress (the first workspace scan) has ended. */
	readonly progressEnded = new Promise<void>((resolve) => { this.#progressEnded = resolve; });

	async initialize(): Promise<void> {
		const folder = this.options.workspaceFolder;
		const params: InitializeParams = {
			processId: process.pid,
			rootUri: folder ? pathToFileURL(folder).href : null,
			workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'corpus' }] : null,
			initializationOptions: this.options.initializationOptions,
			capabilities: {
				workspace: { configuration: true, workspaceEdit: { documentChanges: true, ...(this.options.changeAnnotations ? { changeAnnotationSupport: { groupsOnLabel: true } } : {}) }, didChangeConfiguration: { dynamicRegistration: true } },
				textDocument: {
					synchronization: { dynamicRegistration: false },
					publishDiagnostics: { versionSupport: true },
					codeAction: {
						codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
						...(this.options.resolveCodeActions ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
					},
					...(this.options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
				},
				window: { workDoneProgress: this.options.progress ?? false },
			},
		};
		await this.connection.sendRequest('initialize', params);
		await this.connection.sendNotification('initialized', {});
	}

	/** Resolves with the next pushed diagnostics for `uri` that pass `test` (or the current ones if they already do). */
	waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, includeCurrent = false): Promise<PublishDiagnosticsParams> {
		const current = this.diagnostics.get(uri);
		if (includeCurrent && current && test(current)) { return Promise.resolve(current); }
		return new Promise((resolve, reject) => this.#waiters.push({ test: (p) => p.uri === uri && test(p), resolve, reject }));
	}

	async open(uri: string, text: string, version = 1, languageId = 'plaintext'): Promise<void> {
		await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
	}

	async stop(): Promise<void> {
		const exited = new Promise<void>((resolve) => {
			if (this.process.exitCode !== null) { resolve(); return; }
			this.process.once('exit', () => resolve());
			// A server that does not exit on `exit` is stopped.
			setTimeout(resolve, 3000).unref();
		});
		try {
			await this.connection.sendRequest('shutdown');
			await this.connection.sendNotification('exit');
		} catch { /* already gone */ }
		await exited;
		this.connection.dispose();
		this.process.kill();
	}
}
