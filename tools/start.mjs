// npm start: opens samples/ (or the folder given) in VS Code with the extension when `code`
// is on the PATH; otherwise checks every .txt file there through the stdio language server
// and prints one line per problem: file:line:col rule message.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = resolve(process.argv[2] ?? join(root, 'samples'));
const severities = ['', 'error', 'warning', 'info', 'hint'];

const hasCode = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { stdio: 'ignore' }).status === 0;
if (hasCode && !process.env.ZH_CORPUS_NO_EDITOR) {
	console.log(`Opening ${folder} in VS Code with zh-corpus loaded from ${root}`);
	spawn('code', ['--extensionDevelopmentPath', root, folder], { stdio: 'inherit', detached: true }).unref();
} else {
	await checkFolder(folder);
}

function corpusFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) { return name === 'node_modules' || name.startsWith('.') ? [] : corpusFiles(full); }
		return name.endsWith('.txt') ? [full] : [];
	});
}

/** "1 file", "2 files": the count with its noun in the singular or plural. */
function counted(n, noun) { return `${n} ${noun}${n === 1 ? '' : 's'}`; }

async function checkFolder(dir) {
	const files = corpusFiles(dir);
	console.log(`VS Code (code) is not on the PATH: checking ${counted(files.length, 'file')} in ${dir} through the language server.`);
	const server = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
	const pending = new Map();
	connection.onNotification('textDocument/publishDiagnostics', (p) => pending.get(p.uri)?.(p.diagnostics));
	connection.onNotification('window/showMessage', (p) => console.error(p.message));
	connection.listen();
	await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'samples' }], capabilities: {} });
	await connection.sendNotification('initialized', {});
	let total = 0;
	for (const file of files) {
		const uri = pathToFileURL(file).href;
		const diagnostics = await new Promise((res) => {
			pending.set(uri, res);
			void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: readFileSync(file, 'utf8') } });
		});
		for (const d of diagnostics) {
			console.log(`${relative(process.cwd(), file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severities[d.severity]} ${d.code} ${d.message}`);
		}
		total += diagnostics.length;
	}
	console.log(`${counted(total, 'problem')} in ${counted(files.length, 'file')}.`);
	await connection.sendRequest('shutdown');
	await connection.sendNotification('exit');
	connection.dispose();
}
