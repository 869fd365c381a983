/**
 * `zh-corpus check` and `zh-corpus fix` over files: every file is read (in its own encoding) and
 * indexed first, so the cross-file rules see the whole set (repeated template lines, shared
 * passages, names with --names), then each is checked or fixed with the server's core.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, LanguageService, severityRank } from '../service';
import { checkInParts, FixedPart, fixInParts, partsNote } from '../service/parts';
import type { Severity, TextEdit } from '../service/types';
import { fileFacts } from '../service/workspace';
import type { Settings } from '../settings';
import { jiebaSegmenter } from '../segmenter';
import { CorpusFile, listCorpusFiles, readCorpus, writeCorpus } from './files';
import { WriteRefused } from '../files/safeWrite';
import { unifiedDiff } from './diff';
import { WorkspaceBoundary } from '../files/workspaceBoundary';
import { fileNote, Reported, reported, sarif, textLine } from './report';
import { Progress } from './progress';
import { skippedMessage } from '../fileNotes';
import { maxGlobstars } from '../gitignoreRules';

export const version = '0.1.0';

interface Loaded { readonly service: LanguageService; readonly files: CorpusFile[]; readonly notes: Reported[] }

/** Lists, reads and indexes every file; files that are not text become notes. */
async function load(paths: readonly string[], settings: Settings, locale: string, names: boolean, progress: Progress): Promise<Loaded> {
	const jieba = jiebaSegmenter((m) => process.stderr.write(`${m}\n`));
	const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, locale, segmenter: jieba, tagger: jieba });
	const t = service.t;
	const list = await listCorpusFiles(paths, async () => settings, (file, rule) => process.stderr.write(`${t('files.gitignoreRefused', file, rule.line, rule.text, maxGlobstars)}\n`));
	const files: CorpusFile[] = [];
	const notes: Reported[] = [];
	const unreadable = (file: string, e: unknown) => notes.push(fileNote(file, 'file.unreadable', t('file.unreadable', (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))), 'error'));
	// A path that does not exist is an error among the results; when none exists, it is a usage error (exit 2).
	if (list.missing.length === paths.length) { throw new Error(`${list.missing[0]}: no such file or folder`); }
	for (const missing of list.missing) { unreadable(missing, Object.assign(new Error(), { code: 'ENOENT' })); }
	const seen = new Set<string>();
	for (const [i, file] of list.files.entries()) {
		// A link is read (and written) as its target; two names of one file are one file.
		const real = await fs.realpath(file).catch(() => file);
		if (seen.has(real)) { continue; }
		seen.add(real);
		// A file that cannot be read (a dangling link, no permission) is one error among the results.
		const f = await readCorpus(file, settings.maxFileSizeMB * 2 ** 20, real).catch((e: unknown) => { unreadable(file, e); return undefined; });
		if (!f) { continue; }
		if (f.text === undefined) {
			const s = f.skipped ?? { skipped: 'unreadable' as const, detail: '' };
			const reason = s.skipped === 'missing' ? 'unreadable' : s.skipped;
			notes.push(fileNote(file, `file.${reason}`, skippedMessage(t, { reason: s.skipped, detail: s.detail, encoding: s.encoding, size: s.size, limit: s.limit })));
		} else {
			files.push(f);
			service.index.setFacts(f.uri, fileFacts(f.text));
			if (names) { service.entities.index.discover(f.uri, f.text); }
		}
		progress.tick(i + 1, list.files.length, 'reading');
	}
	if (names) { for (const f of files) { service.entities.index.match(f.uri, f.text!); service.entities.markDiscovered(f.uri, new CorpusDocument(f.uri, 0, f.text!).stamp); } }
	return { service, files, notes };
}

export interface CheckOptions {
	readonly paths: readonly string[];
	readonly settings: Settings;
	readonly locale: string;
	readonly format: 'text' | 'json' | 'sarif';
	readonly failOn: Exclude<Severity, 'off'> | 'never';
	readonly names: boolean;
	readonly quiet: boolean;
}

export async function check(o: CheckOptions): Promise<number> {
	const progress = new Progress(o.quiet);
	const { service, files, notes } = await load(o.paths, o.settings, o.locale, o.names, progress);
	const results: Reported[] = [...notes];
	for (const [i, f] of files.entries()) {
		const doc = new CorpusDocument(f.uri, 0, f.text!);
		const note = partsNote(doc.text, service.t);
		if (note) { results.push(fileNote(f.file, 'file.large', note)); }
		for (const p of checkInParts(doc, (part) => service.lint(part, o.settings))) { results.push(reported(f.file, doc, p)); }
		progress.tick(i + 1, files.length, 'checking');
	}
	progress.done();
	if (o.format === 'json') {
		process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
	} else if (o.format === 'sarif') {
		process.stdout.write(`${JSON.stringify(sarif(results, service.rules, version), null, 1)}\n`);
	} else {
		for (const r of results) { process.stdout.write(`${textLine(r)}\n`); }
		if (!o.quiet) { process.stderr.write(`${summaryLine(service, results, files.length + notes.length)}\n`); }
	}
	const failing = o.failOn === 'never' ? 0 : results.filter((r) => severityRank[r.severity] >= severityRank[o.failOn as Severity]).length;
	return failing > 0 ? 1 : 0;
}

function summaryLine(service: LanguageService, results: readonly Reported[], files: number): string {
	const by = (s: string) => results.filter((r) => r.severity === s).length;
	return service.t('cli.summary', files.toLocaleString('en'), by('error'), by('warning'), by('info'), by('hint'));
}

export interface FixOptions {
	readonly paths: readonly string[];
	readonly settings: Settings;
	readonly locale: string;
	/** Only these rule families (`boilerplate`, `mixed-script`…); else every rule fix-all applies. */
	readonly families?: readonly string[];
	readonly dryRun: boolean;
	readonly quiet: boolean;
}

export async function fix(o: FixOptions): Promise<number> {
	const progress = new Progress(o.quiet);
	const { service, files, notes } = await load(o.paths, o.settings, o.locale, false, progress);
	for (const n of notes) { process.stderr.write(`${textLine(n)}\n`); }
	// The paths given are the workspace: a link is written through only to a target inside them.
	const boundary = WorkspaceBoundary.of(o.paths);
	let changedFiles = 0, changes = 0, failed = 0;
	const name = (f: CorpusFile) => path.relative(process.cwd(), f.file) || f.file;
	const fail = (f: CorpusFile, why: string) => { failed++; process.stderr.write(`${name(f)}: ${service.t('cli.notWritten', why)}\n`); };
	for (const [i, f] of files.entries()) {
		progress.tick(i + 1, files.length, o.dryRun ? 'checking' : 'fixing');
		let parts: FixedPart[];
		try {
			// In parts, as the checker reads it: a file of hundreds of megabytes never has its whole fix in memory.
			parts = fixInParts(f.uri, f.text!, (part) => o.families ? service.clean(part, o.settings, o.families) : service.fixAll(part, o.settings));
		} catch (e) {
			fail(f, e instanceof Error ? e.message : String(e));
			continue;
		}
		const edits = parts.reduce((n, p) => n + p.edits.length, 0);
		if (edits === 0) { continue; }
		if (o.dryRun) {
			changedFiles++;
			changes += edits;
			for (const chunk of unifiedDiff(name(f), f.text!, shifted(parts))) { if (!process.stdout.write(chunk)) { await new Promise((r) => process.stdout.once('drain', r)); } }
			continue;
		}
		if (!(await boundary.contains(f.snap.file))) { fail(f, 'it lies outside the folders given (a symbolic link to elsewhere)'); continue; }
		try {
			await writeCorpus(f, parts);
		} catch (e) {
			fail(f, e instanceof WriteRefused ? e.detail || e.reason : e instanceof Error ? e.message : String(e));
			continue;
		}
		changedFiles++;
		changes += edits;
		if (!o.quiet) { process.stderr.write(`${name(f)}: ${service.t('cli.fixedFile', edits)}\n`); }
	}
	progress.done();
	if (!o.quiet) { process.stderr.write(`${service.t(o.dryRun ? 'cli.wouldFix' : 'cli.fixed', changedFiles.toLocaleString('en'), files.length.toLocaleString('en'), changes.toLocaleString('en'))}\n`); }
	if (failed > 0) { process.stderr.write(`${service.t('cli.notFixed', failed)}\n`); }
	return failed > 0 ? 1 : 0;
}

/** The parts' edits in offsets of the whole text. */
function* shifted(parts: readonly FixedPart[]): Generator<TextEdit> {
	for (const p of parts) { for (const e of p.edits) { yield p.start === 0 ? e : { start: e.start + p.start, end: e.end + p.start, newText: e.newText }; } }
}
