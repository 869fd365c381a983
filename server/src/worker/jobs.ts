/**
 * The per-file work of the corpus workers: read a closed file, then compute its facts, check it,
 * tag it for names or match the known names in it; fix a text for the command line. Runs in a worker thread (corpusWorker.ts), or
 * on the server's thread when workers cannot start.
 */
import { fileURLToPath } from 'node:url';
import { CorpusDocument, forgetEdits, LanguageService, type Problem, type TextRange } from '../service';
import type { Diagnostic } from 'vscode-languageserver-types';
import { foldText } from '../service/entities/discovery';
import { checkInPartsCounted, fixInParts, partSize, partsNote } from '../service/parts';
import { linePositions } from '../service/text/linePositions';
import type { Segmenter, Tagger } from '../service/types';
import { fileFacts } from '../service/workspace';
import { closedVersion, fileNotice, toClosedRow, toDiagnostic } from '../lsp/convert';
import { defaultMaxBytes, ReadOutcome, readCorpusFile, SkipReason, textStamp } from '../files/fileReader';
import { discoverFile, discoverInParts, matchFile, matchInParts, readsInParts } from './partJobs';
import { NameList } from './nameList';
import { CachePolicy, configureLineCaches } from '../service/lruCache';
import { snapshotView } from './snapshotView';
import { SentDiagnostics } from './sentDiagnostics';
import { collectAfterLargeJob, collectBetweenParts, collectYoung } from './heldMemory';
import { applyChange, keptSnapshots } from './textChange';
import type { BatchResult, CheckResult, Control, CorpusSnapshot, ProblemRow, DiscoverResult, FixResult, GazetteerResult, IndexResult, Job, MatchResult, OutlineResult, ReadLimits } from './protocol';
import { parseGazetteer } from '../service/entities/gazetteer';
import { largeOutline } from '../largeOutline';


export type AnyResult = IndexResult | CheckResult | DiscoverResult | MatchResult | GazetteerResult | OutlineResult | FixResult | BatchResult<IndexResult> | BatchResult<CheckResult>;

export interface JobRunner {
	run(job: Job): Promise<AnyResult>;
	control(c: Control): void;
	/** Open documents whose last version is kept here. */
	readonly openDocuments: number;
	/** Once a job's result is sent: collects when the job read or was given a large text. */
	afterJob(): void;
}

/**
 * Where the work on an open document's text (its indexing, tagging and matching) may stop: parts
 * of this many UTF-16 units (a few milliseconds of tagging each), with `pause` between them.
 */
const stepSize = 4096;

/**
 * `pause`, when given, is called between the parts of a job that `yields`: it returns when the
 * job may go on (corpusWorker.ts waits there while the pool asks, workerPool.ts).
 */
export function createJobRunner(jieba: Segmenter & Tagger, own = true, pause?: () => void): JobRunner {
	// A worker reads each closed file once: only template lines repeat (see lruCache.ts). Large
	// open documents checked here keep every line, as on the server's thread. Without workers
	// (`own` false) the caches stay as they are.
	if (own) { configureLineCaches({ scale: 0.1, maxKeyLength: 120 }); }
	const names = new NameList();
	const whole = { scale: 1, maxKeyLength: Infinity };
	const newService = (locale?: string, cachePolicy?: CachePolicy) => new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, locale, segmenter: jieba, tagger: jieba, cachePolicy });
	let service = newService();
	let openService = newService(undefined, whole);
	let limits: ReadLimits | undefined;
	/** Open documents checked here (large ones): their last version, so the next one reuses its lines. */
	const open = new Map<string, CorpusDocument>();
	/** The diagnostics last sent for each of them: the next check sends a change of them. */
	const sent = new SentDiagnostics();
	/** The corpus snapshots last given for each of them, by key, the last used first: the server sends one again only when it is not kept. */
	const corpora = new Map<string, { readonly key?: string; readonly corpus: CorpusSnapshot }[]>();
	/** Uses `entry` for `uri`: first of its kept snapshots (the server orders them the same way: textChange.ts). */
	const useSnapshot = (uri: string, entry: { readonly key?: string; readonly corpus: CorpusSnapshot }) => {
		corpora.set(uri, [entry, ...(corpora.get(uri) ?? []).filter((e) => e !== entry && (e.key === undefined || e.key !== entry.key))].slice(0, keptSnapshots));
	};
	/**
	 * An open document's text and snapshot, from the job or from what is kept here; undefined when
	 * the job builds on what is not kept. With an edit: the version it applies to and where it changed the text.
	 */
	const openInputs = (job: Extract<Job, { kind: 'check' }>): { text?: string; corpus?: CorpusSnapshot; edited?: { from: CorpusDocument; range: TextRange } } | undefined => {
		let text = job.text;
		let edited: { from: CorpusDocument; range: TextRange } | undefined;
		if (job.edit) {
			const held = open.get(job.uri);
			if (held?.version !== job.edit.from || held.text.length !== job.edit.length) { return undefined; }
			text = applyChange(held.text, job.edit);
			edited = { from: held, range: { start: job.edit.start, oldEnd: job.edit.end, newEnd: job.edit.start + job.edit.text.length } };
		}
		if (job.corpus) {
			useSnapshot(job.uri, { key: job.corpusKey, corpus: job.corpus });
			return { text, corpus: job.corpus, edited };
		}
		const kept = job.corpusKey === undefined ? undefined : corpora.get(job.uri)?.find((e) => e.key === job.corpusKey);
		if (!kept) { return undefined; }
		useSnapshot(job.uri, kept);
		return { text, corpus: kept.corpus, edited };
	};

	/** A job read a text of more than one part: its garbage is collected before the next job (which may be long: tagging it). */
	let large = false;
	/** The job was an open document's check: the next one follows the user's next keystroke. */
	let edited = false;
	const read = (uri: string, text?: string): ReadOutcome => {
		const file = text !== undefined ? { text, bytes: text.length } : readCorpusFile(fileURLToPath(uri), limits?.maxBytes);
		large ||= (file.text?.length ?? 0) > partSize;
		return file;
	};
	const maxBytes = () => limits?.maxBytes ?? defaultMaxBytes;
	const skipped = (r: { skipped: SkipReason; detail: string; encoding?: string; size?: number; limit?: number }) => ({ reason: r.skipped, detail: r.detail, encoding: r.encoding, size: r.size, limit: r.limit });

	const run = async (job: Job): Promise<AnyResult> => {
		large ||= ((job as { text?: string }).text?.length ?? 0) > partSize;
		edited = job.kind === 'check' && job.version !== undefined;
		try {
			return await runJob(job);
		} finally {
			// A worker collects once the result is sent (a large file's diagnostics are garbage then too).
			if (!own) { afterJob(); }
		}
	};
	const afterJob = () => {
		if (large) { large = false; edited = false; collectAfterLargeJob(); }
		// In a worker only: on the server's thread (no workers) the editor's requests would wait for it.
		if (edited && own) { edited = false; collectYoung(); }
	};

	const runJob = async (job: Job): Promise<AnyResult> => {
		const steps = pause && 'yields' in job && job.yields ? { size: stepSize, between: pause } : undefined;
		switch (job.kind) {
			case 'index': {
				const file = await read(job.uri, job.text);
				if (file.skipped) { return { uri: job.uri, skipped: skipped(file) }; }
				steps?.between();
				const facts = fileFacts(file.text);
				// The recognizer's words judge only a match of a known name: while none is known (a first
				// scan) its model (≈ 50 ms to read) is left unread, and the matches are the same (none).
				const words = names.size > 0 ? jieba.nameModel?.words : undefined;
				return { uri: job.uri, stamp: textStamp(file.text), facts, matches: matchInParts(file.text, job.found ?? new Int32Array(0), names, words, steps) };
			}
			case 'check': {
				const given: { text?: string; corpus?: CorpusSnapshot; edited?: { from: CorpusDocument; range: TextRange } } | undefined = job.version === undefined ? { text: job.text, corpus: job.corpus } : openInputs(job);
				if (!given?.corpus) {
					if (job.version !== undefined) { return { uri: job.uri, resend: true }; }
					throw new Error(`check of ${job.uri} without a corpus snapshot`);
				}
				let text = given.text;
				if (text === undefined) {
					const file = await read(job.uri);
					if (file.skipped) { return { uri: job.uri, skipped: skipped(file) }; }
					text = file.text;
				}
				const last = job.version === undefined ? undefined : open.get(job.uri);
				// The edit says where the text changed (comparing the texts again costs two passes over a megabyte).
				const range = given.edited?.from === last ? given.edited?.range : undefined;
				const doc = last ? CorpusDocument.derive(last, job.version!, text, range) : new CorpusDocument(job.uri, job.version ?? closedVersion, text);
				if (job.version !== undefined) { open.set(job.uri, doc); }
				const options = { ...job.options, maxProblems: Number.MAX_SAFE_INTEGER };
				const view = snapshotView(given.corpus, { names, tagger: jieba });
				// Parts of a very large file: positions of shared passages and mentions are the whole file's.
				const partView = { corpus: { ...view.corpus, sharedWith: () => [] } };
				const checker = job.version === undefined ? service : openService;
				// Only the problems shown are kept; the others are counted.
				const { first: shown, total, counts } = checkInPartsCounted(doc, (part, whole) => {
					if (!whole) { collectBetweenParts(); }
					return checker.lintWithView(part, options, whole ? view : partView);
				}, job.options.maxProblems);
				// A file checked in parts: positions from a table of line starts, not the whole file's line objects.
				const positioned = text.length > partSize ? { uri: doc.uri, version: doc.version, ...linePositions(text) } : doc;
				const note = partsNote(text, checker.t);
				if (job.rows) {
					const rows: ProblemRow[] = shown.map((p) => {
						const start = positioned.positionAt(p.start);
						const end = positioned.positionAt(p.end);
						return [start.line, start.character, end.line, end.character, p.severity, p.ruleId, p.message];
					});
					if (note) { rows.unshift([0, 0, 0, 0, 'info', 'file.large', note]); }
					return { uri: job.uri, rows, capped: total > shown.length };
				}
				const capped = total > shown.length;
				if (job.closedRows) { return { uri: job.uri, stamp: textStamp(text), closedRows: shown.map((p) => toClosedRow(positioned, p)), notice: note, counts, capped }; }
				const convert = (p: Problem) => toDiagnostic(positioned, p);
				let diagnostics: Diagnostic[];
				if (job.version !== undefined && !note) {
					const answer = sent.answer(job, doc, shown, convert, given.edited);
					if ('delta' in answer) { return { uri: job.uri, delta: answer.delta, counts, capped }; }
					diagnostics = answer.diagnostics;
				} else {
					if (job.version !== undefined) { sent.forget(job.uri); }
					diagnostics = shown.map(convert);
					if (note) { diagnostics.unshift(fileNotice('file.large', note)); }
				}
				// Only a closed file's check needs the stamp (was it edited since it was indexed?): an open
				// document is current by its version, and hashing a megabyte per keystroke costs ≈ 1 ms.
				return { uri: job.uri, stamp: job.version === undefined ? textStamp(text) : undefined, diagnostics, counts, capped };
			}
			case 'indexBatch': {
				const results: IndexResult[] = [];
				let units = 0;
				for (const f of job.files) {
					if (results.length > 0 && units >= job.budget) { break; }
					const r = await runJob({ kind: 'index', uri: f.uri, found: f.found }) as IndexResult;
					results.push(r);
					units += r.facts?.length ?? 0;
				}
				return { results };
			}
			case 'checkBatch': {
				const results: CheckResult[] = [];
				for (const f of job.files) { results.push(await runJob({ kind: 'check', uri: f.uri, options: job.options, corpus: f.corpus, closedRows: true }) as CheckResult); }
				return { results };
			}
			case 'discover': {
				if (job.text === undefined && readsInParts(fileURLToPath(job.uri))) {
					large = true;
					const r = discoverFile(fileURLToPath(job.uri), maxBytes(), jieba);
					return r.skipped ? { uri: job.uri, skipped: skipped(r) } : { uri: job.uri, stamp: r.stamp, found: r.found };
				}
				const file = await read(job.uri, job.text);
				if (file.skipped) { return { uri: job.uri, skipped: skipped(file) }; }
				return { uri: job.uri, stamp: textStamp(file.text), found: discoverInParts(file.text, jieba, steps) };
			}
			case 'match': {
				if (job.text === undefined && readsInParts(fileURLToPath(job.uri))) {
					large = true;
					return { uri: job.uri, matches: matchFile(fileURLToPath(job.uri), maxBytes(), job.found, names, jieba.nameModel?.words) };
				}
				const file = await read(job.uri, job.text);
				return { uri: job.uri, matches: file.skipped ? undefined : matchInParts(file.text, job.found, names, jieba.nameModel?.words, steps) };
			}
			case 'outline':
				return largeOutline(openService, job.uri, job.version, job.text, job.options);
			case 'gazetteer': {
				const g = parseGazetteer(job.uri, job.text, service.t);
				return { ...g, entries: g.entries.map((e) => ({ ...e, keys: [e.name, ...e.aliases].map(foldText) })), ignoreKeys: g.ignore.map(foldText) };
			}
			case 'fix': {
				// A clean's part of a large file (≈ a megabyte): its passes' garbage is collected before the next part.
				large ||= job.text.length > partSize / 2;
				const view = snapshotView(job.corpus);
				// Parts of a very large file: positions of shared passages are the whole file's.
				const partView = { corpus: { ...view.corpus, sharedWith: () => [] } };
				const fix = (part: CorpusDocument) => {
					const whole = part.text.length === job.text.length;
					if (!whole) { collectBetweenParts(); }
					return service.fixWithView(part, job.options, whole ? view : partView, job.families, job.rule);
				};
				return { uri: job.uri, parts: fixInParts(job.uri, job.text, fix) };
			}
		}
	};

	const control = (c: Control): void => {
		if (c.kind === 'init') {
			limits = c.limits;
			service = newService(c.locale);
			openService = newService(c.locale, whole);
		} else if (c.kind === 'names') {
			names.update(c.rows, c.reset);
		} else if (c.kind === 'closed') {
			open.delete(c.uri);
			corpora.delete(c.uri);
			sent.forget(c.uri);
			forgetEdits(c.uri);
		}
	};
	return { run, control, afterJob, get openDocuments() { return open.size; } };
}

/** Typed arrays of a result move to the other thread instead of being copied. */
export function transferables(result: AnyResult): ArrayBuffer[] {
	const out: ArrayBuffer[] = [];
	const add = (a: ArrayBufferView | undefined) => { if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) { out.push(a.buffer); } };
	const each = (r: Partial<IndexResult & MatchResult & DiscoverResult>) => {
		if (r.facts) { for (const a of Object.values(r.facts.prints)) { add(a); } }
		add(r.matches?.mentions);
		add(r.found?.spans);
	};
	if ('results' in result) { for (const r of result.results) { each(r); } } else { each(result as Partial<IndexResult & MatchResult & DiscoverResult>); }
	return out;
}
