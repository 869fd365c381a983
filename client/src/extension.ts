/**
 * The VS Code client: starts the language server and forwards commands to it. No linting
 * logic lives here, so every LSP editor gets the same behaviour from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const convertCommands: Record<string, string> = {
	'zhCorpus.convertToSimplified': 'simplified',
	'zhCorpus.convertToTraditionalTw': 'traditional-tw',
	'zhCorpus.convertToTraditionalHk': 'traditional-hk',
	'zhCorpus.convertToTraditional': 'traditional',
};

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const serverModule = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module: serverModule, transport: TransportKind.ipc },
		debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: 'plaintext' },
			{ scheme: 'file', language: 'zh-corpus' },
			{ scheme: 'untitled', language: 'zh-corpus' },
		],
		synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.txt') },
		outputChannelName: 'zh-corpus',
	};
	client = new LanguageClient('zhCorpus', 'zh-corpus', serverOptions, clientOptions);

	for (const [command, target] of Object.entries(convertCommands)) {
		context.subscriptions.push(vscode.commands.registerCommand(command, async () => {
			const editor = vscode.window.activeTextEditor;
			if (!editor || !client) { return; }
			await client.sendRequest('workspace/executeCommand', { command: 'zhCorpus.convertDocument', arguments: [editor.document.uri.toString(), target] });
		}));
	}
	context.subscriptions.push(vscode.commands.registerCommand('zhCorpus.restartServer', () => client?.restart()));
	await client.start();
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
