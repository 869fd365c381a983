/**
 * Entry point of the standalone language server: `node dist/server.js --stdio` (or
 * `--node-ipc`, `--socket=N`, as vscode-languageserver reads them from the command line).
 */
import { inspect } from 'node:util';
import { createConnection, type MessageReader, ProposedFeatures, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { reusingJsonEncoder } from './lsp/stdioWriter';
import { boundHeapGrowth } from './worker/heldMemory';

boundHeapGrowth();

/** The transport the library would take from the command line: the first of its options given. */
const transport = process.argv.slice(2).map((a) => a.split('=')[0]).find((a) => ['--node-ipc', '--stdio', '--socket', '--pipe'].includes(a));
// stdio: the same streams, written by a writer that keeps its encoding buffer (stdioWriter.ts). The
// input stays the stream (the library reads it, and exits when it ends), which the types do not
// allow next to a writer: the library tells the two kinds apart at run time.
const connection = transport === '--stdio'
	? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StreamMessageWriter(process.stdout, { contentTypeEncoder: reusingJsonEncoder() }))
	: createConnection(ProposedFeatures.all);
// Anything written to stdout would corrupt the stdio transport: route console output to the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
if (transport === '--stdio') {
	// The other two that write to stdout, which the library routes when it makes the stdio writer itself.
	console.debug = console.log;
	console.dir = (item: unknown, options?: object) => connection.console.log(inspect(item, options));
}
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`zh-corpus: uncaught ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`zh-corpus: unhandled rejection ${String(e)}`));

startServer(connection);
