/**
 * Entry point of the standalone language server: `node dist/server.js --stdio` (or
 * `--node-ipc`, `--socket=N`, as vscode-languageserver reads them from the command line).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { boundHeapGrowth } from './worker/heldMemory';

boundHeapGrowth();

const connection = createConnection(ProposedFeatures.all);
// Anything written to stdout would corrupt the stdio transport: route console output to the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (e) => connection.console.error(`zh-corpus: uncaught ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`zh-corpus: unhandled rejection ${String(e)}`));

startServer(connection);
