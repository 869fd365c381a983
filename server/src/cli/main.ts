/**
 * The command line (`zh-corpus`, bundled as dist/cli.js): the server's core without an editor.
 *
 *   zh-corpus check <paths…> [--format text|json|sarif] [--fail-on error|warning|info|hint|never]
 *   zh-corpus fix <paths…> [--dry-run] [--families boilerplate,mixed-script]
 *   zh-corpus fix --jsonl [--removed] < records.jsonl > cleaned.jsonl
 *
 * Settings come from `.zh-corpus/config.json` (the same keys as the zhCorpus.* settings: see
 * projectConfig.ts), found in the current folder or above the first path, or `--config FILE`.
 * Exit codes: 0 clean (or below --fail-on), 1 problems at or above --fail-on, 2 usage or I/O error.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { promises as fs } from 'node:fs';
import { configFile, readConfigFile, withProjectConfig } from '../files/projectConfig';
import { sanitize, Settings } from '../settings';
import { messagesFor } from '../service/messages';
import { localeOf } from './locale';
import { check, fix } from './run';
import { fixJsonLines } from './jsonl';

const usage = `usage:
  zh-corpus check <paths…> [--format text|json|sarif] [--fail-on error|warning|info|hint|never]
  zh-corpus fix <paths…> [--dry-run] [--families boilerplate,mixed-script,…]
  zh-corpus fix --jsonl [--removed]      (JSON Lines {"id", "text"} on stdin → cleaned records on stdout)
options: --config FILE   --lang en|zh-cn|zh-tw   --names (find names: entity.variant; slow)   --quiet
`;

export async function main(argv: readonly string[]): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv], allowPositionals: true, options: {
				format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string', default: 'warning' },
				'dry-run': { type: 'boolean', default: false }, families: { type: 'string' }, jsonl: { type: 'boolean', default: false },
				removed: { type: 'boolean', default: false }, config: { type: 'string' }, lang: { type: 'string' }, names: { type: 'boolean', default: false },
				quiet: { type: 'boolean', short: 'q', default: false }, help: { type: 'boolean', short: 'h', default: false },
			},
		});
	} catch (e) {
		process.stderr.write(`zh-corpus: ${e instanceof Error ? e.message : String(e)}\n${usage}`);
		return 2;
	}
	const { values: o, positionals: [command, ...paths] } = parsed;
	if (o.help || !command) { process.stdout.write(usage); return command || o.help ? 0 : 2; }
	const locale = localeOf(o.lang);
	const t = messagesFor(locale);
	const warn = (m: string) => { if (!o.quiet) { process.stderr.write(`${m}\n`); } };
	const settings = await loadSettings(o.config, paths[0], t, warn);
	if (!settings) { return 2; }
	try {
		if (command === 'check') {
			if (!['text', 'json', 'sarif'].includes(o.format!)) { throw new UsageError(`--format must be text, json or sarif, not "${o.format}"`); }
			if (!['error', 'warning', 'info', 'hint', 'never'].includes(o['fail-on']!)) { throw new UsageError(`--fail-on must be error, warning, info, hint or never, not "${o['fail-on']}"`); }
			if (paths.length === 0) { throw new UsageError('check needs at least one path'); }
			return await check({ paths, settings, locale, format: o.format as 'text' | 'json' | 'sarif', failOn: o['fail-on'] as 'warning', names: o.names!, quiet: o.quiet! });
		}
		if (command === 'fix') {
			const families = o.families?.split(',').map((f) => f.trim()).filter(Boolean);
			if (o.jsonl) { return await fixJsonLines({ settings, locale, families, removed: o.removed! }); }
			if (paths.length === 0) { throw new UsageError('fix needs at least one path (or --jsonl)'); }
			return await fix({ paths, settings, locale, families, dryRun: o['dry-run']!, quiet: o.quiet! });
		}
		throw new UsageError(`unknown command "${command}"`);
	} catch (e) {
		process.stderr.write(`zh-corpus: ${e instanceof Error ? e.message : String(e)}\n${e instanceof UsageError ? usage : ''}`);
		return 2;
	}
}

class UsageError extends Error { }

/** The project file's settings (sanitized: a bad value is named and replaced by its default). */
async function loadSettings(explicit: string | undefined, firstPath: string | undefined, t: ReturnType<typeof messagesFor>, warn: (m: string) => void): Promise<Settings | undefined> {
	let file: string | undefined;
	if (explicit) {
		file = path.resolve(explicit);
		if (!(await fs.stat(file).catch(() => undefined))) { process.stderr.write(`zh-corpus: ${explicit}: no such file\n`); return undefined; }
	} else {
		for (const start of [process.cwd(), path.resolve(firstPath ?? '.')]) {
			for (let dir = start; ; dir = path.dirname(dir)) {
				if (await fs.stat(path.join(dir, configFile)).catch(() => undefined)) { file = path.join(dir, configFile); break; }
				if (path.dirname(dir) === dir) { break; }
			}
			if (file) { break; }
		}
	}
	const config = file ? await readConfigFile(file, t) : undefined;
	for (const problem of config?.problems ?? []) { warn(`zh-corpus: ${problem}`); }
	return sanitize(withProjectConfig({}, config), t, warn);
}
