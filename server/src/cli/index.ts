/** Entry point of the `zh-corpus` command (dist/cli.js). */
import { main } from './main';

main(process.argv.slice(2)).then(
	(code) => { process.exitCode = code; },
	(e: unknown) => { process.stderr.write(`zh-corpus: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 2; },
);
