/** Entry point of the `zh-corpus` command (dist/cli.js). */
import { main } from './main';
import { boundHeapGrowth } from '../worker/heldMemory';

boundHeapGrowth();

// `zh-corpus check … | head`: the reader went away; stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') { process.exit(process.exitCode ?? 0); } throw e; });

main(process.argv.slice(2)).then(
	(code) => { process.exitCode = code; },
	(e: unknown) => { process.stderr.write(`zh-corpus: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 2; },
);
