/**
 * `zh-corpus check` and `zh-corpus fix` over files: every file is read (in its own encoding) and
 * indexed first, so the cross-file rules see the whole set (repeated template lines, shared
 * passages, names with --names), then each is checked or fixed with the server's core. The
 * per-file work (facts, checking, fixing) runs on the server's corpus workers, one per core this
 * process may use (cli/parallel.ts); this thread reads, keeps the indexes and writes, in file order.
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, grouped, LanguageService, severityRank } from '../service';
import type { FixedPart } from '../service/parts';
import type { Severity, TextEdit } from '../service/types';
import type { Settings } from '../settings';
import { jiebaSegmenter } from '../segmenter';
import { corpusSnapshot } from '../worker/snapshot';
import { CorpusFile, listCorpusFiles, readCorpus, writeCorpus } from './files';
import { inOrder, Jobs } from './parallel';
import { WriteRefused } from '../files/safeWrite';
import { unifiedDiff } from './diff';
import { WorkspaceBoundary } from '../files/workspaceBoundary';
import { fileNote, Reported, sarif, textLine } from './report';
import { Progress } from './progress';
import { skippedMessage } from '../files/fileNotes';
import { maxGlobstars } from '../files/gitignoreRules';

export const version = '0.1.0';

interface Loaded { readonly service: LanguageService; readonly files: CorpusFile[]; readonly notes: Reported[]; readonly jobs: Jobs }

const log = (m: string) => process.stderr.write(`${m}\n`);
/** Reading holds this thread at most this long before the workers' messages are handled. */
const yieldAfterMs = 4;
/** A job's failure, thrown where its file comes. */
const orThrow = <R>(r: { result: R } | { error: unknown }): R => { if ('error' in r) { throw r.error; } return r.result; };

/** Lists, reads and indexes every file; files that are not text become notes. */
async function load(paths: readonly string[], settings: Settings, locale: string, names: boolean, progress: Progress): Promise<Loaded> {
	const jieba = jiebaSegmenter(log);
	const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, locale, segmenter: jieba, tagger: jieba });
	const t = service.t;
	const list = await listCorpusFiles(paths, async () => settings, (file, rule) => process.stderr.write(`${t('files.gitignoreRefused', file, rule.line, rule.text, maxGlobstars)}\n`),
		(count) => process.stderr.write(`${t('files.linksOutside', count)}\n`));
	const files: CorpusFile[] = [];
	const notes: Reported[] = [];
	const unreadable = (file: string, e: unknown) => notes.push(fileNote(file, 'file.unreadable', t('file.unreadable', (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))), 'error'));
	// A path that does not exist is an error among the results; when none exists, it is a usage error (exit 2).
	if (list.missing.length === paths.length) { throw new Error(`${list.missing[0]}: no such file or folder`); }
	for (const missing of list.missing) { unreadable(missing, Object.assign(new Error(), { code: 'ENOENT' })); }
	// Files are indexed as they are read: the workers start once there is enough text, and index while reading goes on.
	const jobs = new Jobs(jieba, settings, locale, log);
	async function* read(): AsyncGenerator<CorpusFile> {
		const seen = new Set<string>();
		let turn = performance.now();
		for (const [i, file] of list.files.entries()) {
			// Reads are synchronous (cli/files.ts): every few milliseconds a turn of the event loop
			// hands the workers their next jobs and takes their results.
			if (performance.now() - turn > yieldAfterMs) { await new Promise((resolve) => setImmediate(resolve)); turn = performance.now(); }
			progress.tick(i, list.files.length, 'reading');
			// A link is read (and written) as its target; two names of one file are one file.
			let real = file;
			try { real = realpathSync.native(file); } catch { /* a dangling link: reading it says why */ }
			if (seen.has(real)) { continue; }
			seen.add(real);
			let f: CorpusFile;
			// A file that cannot be read (a dangling link, no permission) is one error among the results.
			try { f = readCorpus(file, settings.maxFileSizeMB * 2 ** 20, real); } catch (e) { unreadable(file, e); continue; }
			if (f.text === undefined) {
				const s = f.skipped ?? { skipped: 'unreadable' as const, detail: '' };
				const reason = s.skipped === 'missing' ? 'unreadable' : s.skipped;
				notes.push(fileNote(file, `file.${reason}`, skippedMessage(t, { reason: s.skipped, detail: s.detail, encoding: s.encoding, size: s.size, limit: s.limit })));
				continue;
			}
			files.push(f);
			jobs.add(f.text.length);
			yield f;
		}
	}
	try {
		await inOrder(jobs, read(), (f) => ({ kind: 'index', uri: f.uri, text: f.text! }) as const, (f, r, i) => {
			const { facts } = orThrow(r);
			if (facts) { service.index.setFacts(f.uri, facts); }
			if (names) { service.entities.index.discover(f.uri, f.text!); }
			progress.tick(i + 1, list.files.length, 'indexing');
		});
	} catch (e) {
		await jobs.dispose();
		throw e;
	}
	service.index.releaseSpare();
	if (names) { for (const f of files) { service.entities.index.match(f.uri, f.text!); service.entities.markDiscovered(f.uri, new CorpusDocument(f.uri, 0, f.text!).stamp); } }
	return { service, files, notes, jobs };
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
	const { service, files, notes, jobs } = await load(o.paths, o.settings, o.locale, o.names, progress);
	const results: Reported[] = [...notes];
	try {
		// The workers check in parts as the server does; the file.large note comes first.
		await inOrder(jobs, files, (f) => ({ kind: 'check', uri: f.uri, text: f.text!, options: o.settings, corpus: corpusSnapshot(service, f.uri), rows: true }) as const, (f, r, i) => {
			for (const [line, column, endLine, endColumn, severity, rule, message] of orThrow(r).rows ?? []) {
				results.push({ file: f.file, line: line + 1, column: column + 1, endLine: endLine + 1, endColumn: endColumn + 1, severity, rule, message });
			}
			progress.tick(i + 1, files.length, 'checking');
		});
	} finally {
		await jobs.dispose();
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
	return service.t('cli.summary', grouped(files), by('error'), by('warning'), by('info'), by('hint'));
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
	const { service, files, notes, jobs } = await load(o.paths, o.settings, o.locale, false, progress);
	for (const n of notes) { process.stderr.write(`${textLine(n)}\n`); }
	// The paths given are the workspace: a link is written through only to a target inside them.
	const boundary = WorkspaceBoundary.of(o.paths);
	let changedFiles = 0, changes = 0, failed = 0;
	const name = (f: CorpusFile) => path.relative(process.cwd(), f.file) || f.file;
	const fail = (f: CorpusFile, why: string) => { failed++; process.stderr.write(`${name(f)}: ${service.t('cli.notWritten', why)}\n`); };
	// In parts, as the checker reads it (on the workers): a file of hundreds of megabytes never has its whole fix in memory.
	const fixJob = (f: CorpusFile) => ({ kind: 'fix', uri: f.uri, text: f.text!, options: o.settings, corpus: corpusSnapshot(service, f.uri), families: o.families }) as const;
	try {
		await inOrder(jobs, files, fixJob, async (f, r, i) => {
			progress.tick(i + 1, files.length, o.dryRun ? 'checking' : 'fixing');
			if ('error' in r) { fail(f, r.error instanceof Error ? r.error.message : String(r.error)); return; }
			const parts: readonly FixedPart[] = r.result.parts;
			const edits = parts.reduce((n, p) => n + p.edits.length, 0);
			if (edits === 0) { return; }
			if (o.dryRun) {
				changedFiles++;
				changes += edits;
				for (const chunk of unifiedDiff(name(f), f.text!, shifted(parts))) { if (!process.stdout.write(chunk)) { await new Promise((res) => process.stdout.once('drain', res)); } }
				return;
			}
			if (!(await boundary.contains(f.snap.file))) { fail(f, 'it lies outside the folders given (a symbolic link to elsewhere)'); return; }
			try {
				await writeCorpus(f, parts);
			} catch (e) {
				fail(f, e instanceof WriteRefused ? e.detail || e.reason : e instanceof Error ? e.message : String(e));
				return;
			}
			changedFiles++;
			changes += edits;
			if (!o.quiet) { process.stderr.write(`${name(f)}: ${service.t('cli.fixedFile', edits)}\n`); }
		});
	} finally {
		await jobs.dispose();
	}
	progress.done();
	if (!o.quiet) { process.stderr.write(`${service.t(o.dryRun ? 'cli.wouldFix' : 'cli.fixed', grouped(changedFiles), grouped(files.length), grouped(changes))}\n`); }
	if (failed > 0) { process.stderr.write(`${service.t('cli.notFixed', failed)}\n`); }
	return failed > 0 ? 1 : 0;
}

/** The parts' edits in offsets of the whole text. */
function* shifted(parts: readonly FixedPart[]): Generator<TextEdit> {
	for (const p of parts) { for (const e of p.edits) { yield p.start === 0 ? e : { start: e.start + p.start, end: e.end + p.start, newText: e.newText }; } }
}
