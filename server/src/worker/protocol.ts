/**
 * Messages between the server's thread and its corpus workers. Workers read closed files from
 * disk and do the per-file work (facts, checking, tagging, matching); the server's thread keeps
 * the corpus-wide indexes and tells each job what it needs of them. Everything here crosses
 * threads by structured clone: plain data and typed arrays.
 */
import type { Diagnostic, DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import type { EntityRef, LintOptions, Severity } from '../service/types';
import type { FileFacts } from '../service/workspace';
import type { FileMatches } from '../service/entities/matcher';
import type { Discovery } from '../service/entities/discoveryTally';
import type { NameRow } from '../service/entities/entityTable';
import type { SharedFile } from '../service/duplicates/passages';
import type { FixedPart } from '../service/parts';
import type { SkipReason } from '../files/fileReader';
import type { Gazetteer } from '../service/entities/gazetteer';
import type { DiagnosticsDelta } from '../lsp/diagnosticsDelta';
import type { ClosedRow } from '../lsp/convert';
import type { ControlOnTheWire } from './namesWire';

/** What the corpus holds beyond one file, as the server's indexes give it for a check. */
export interface CorpusSnapshot {
	readonly fileCount: number;
	/** The file's short-line keys held by two or more files, with how many. */
	readonly lineCounts: readonly (readonly [string, number])[];
	readonly shared: readonly SharedFile[];
	/** Only when one of the file's people has a sound-alike (entity.variant): the mentions of such people, and their sound-alikes. */
	readonly entities?: {
		readonly mentions: readonly (readonly [line: number, character: number, length: number, entity: EntityRef])[];
		readonly soundAlikes: readonly (readonly [id: number, others: readonly EntityRef[]])[];
		/** The text the mentions are located in, when the document checked is an edited version of it (editedMentions.ts). */
		readonly base?: string;
	};
}

export type Job =
	/**
	 * Read a file (or take a large open document's text); its facts for the indexes and its mentions
	 * of the known names. `yields` here and below: an open document's indexing, done in small parts
	 * that stop between two while the pool asks (workerPool.ts: the user types).
	 */
	| { readonly kind: 'index'; readonly uri: string; readonly found?: Int32Array; readonly text?: string; readonly yields?: boolean }
	/** Check a file with every rule against the snapshot (text given for a large open document). */
	| {
		readonly kind: 'check'; readonly uri: string; readonly options: LintOptions; readonly text?: string; readonly version?: number; readonly stamp?: string;
		/** Left out of an open document's check when it is the one of `corpusKey` the worker was last given for the document. */
		readonly corpus?: CorpusSnapshot;
		/** An open document's snapshot's name: the worker keeps the last one per document. */
		readonly corpusKey?: string;
		/** Instead of `text`: an open document's text as a change of the version the worker checked last. */
		readonly edit?: TextChange;
		/** Report rows instead of diagnostics (the command line): far less to copy back than LSP objects. */
		readonly rows?: boolean;
		/** A closed file's diagnostics as rows (a scan's batch: lsp/convert.ts `ClosedRow`). */
		readonly closedRows?: true;
		/**
		 * An open document's check: names the diagnostics this check returns (`token`), and the
		 * list the server holds (`base`): when the worker sent that list, it may answer with a change of it.
		 */
		readonly token?: number;
		readonly base?: number;
	}
	/**
	 * The first scan's files, several per job (scanBatches.ts): each indexed as `index` does, in
	 * order, until the texts read reach `budget` UTF-16 units; the rest are left for another job.
	 */
	| { readonly kind: 'indexBatch'; readonly files: readonly { readonly uri: string; readonly found?: Int32Array }[]; readonly budget: number }
	/** Closed files checked as `check` does, all with the same options, each with its snapshot. */
	| { readonly kind: 'checkBatch'; readonly options: LintOptions; readonly files: readonly { readonly uri: string; readonly corpus: CorpusSnapshot }[] }
	/** Tag a file for names (tier 1 of the entity index). */
	| { readonly kind: 'discover'; readonly uri: string; readonly text?: string; readonly yields?: boolean }
	/** Find the known names in a file again (tier 2), after new names. */
	| { readonly kind: 'match'; readonly uri: string; readonly found: Int32Array; readonly text?: string; readonly yields?: boolean }
	/** The outline of a large open document (its lines, its chrome and its cut paragraphs take seconds on a large text). */
	| { readonly kind: 'outline'; readonly uri: string; readonly options: LintOptions; readonly text: string; readonly version: number }
	/** Parse the user's gazetteer (`.zh-corpus/entities.json`): a large one takes the server's thread too long. */
	| { readonly kind: 'gazetteer'; readonly uri: string; readonly text: string }
	/** Fix-all of a file's text against the snapshot (the command line's `fix`), or only `families`' rules, or only `rule`'s problems. */
	| { readonly kind: 'fix'; readonly uri: string; readonly text: string; readonly options: LintOptions; readonly corpus: CorpusSnapshot; readonly families?: readonly string[]; readonly rule?: string };

/** `[start, end)` of the text of version `from` (`length` units long) replaced by `text`. */
export interface TextChange { readonly from: number; readonly length: number; readonly start: number; readonly end: number; readonly text: string }

/** Why a file was not read as text, with the message the user sees on it. */
export interface Skipped { readonly reason: SkipReason; readonly detail: string; readonly encoding?: string; readonly size?: number; readonly limit?: number }

export interface IndexResult { readonly uri: string; readonly skipped?: Skipped; readonly stamp?: string; readonly facts?: FileFacts; readonly matches?: FileMatches }
export interface CheckResult {
	readonly uri: string;
	readonly skipped?: Skipped;
	/** The worker does not hold what an open document's job builds on (the `edit`'s version, the snapshot): send it whole. */
	readonly resend?: true;
	/** The text's stamp: when it differs from the indexed one, the file changed between index and check. */
	readonly stamp?: string;
	readonly diagnostics?: Diagnostic[];
	/** Instead of `diagnostics`: the change of the job's `base` list (diagnosticsDelta.ts). */
	readonly delta?: DiagnosticsDelta;
	/** With `rows`: each problem as 0-based line, column, end line, end column (UTF-16), severity, rule, message. */
	readonly rows?: ProblemRow[];
	/** With `closedRows`: the diagnostics as rows, and the note on a file checked in parts. */
	readonly closedRows?: ClosedRow[];
	readonly notice?: string;
	/** Problems per rule before the cap. */
	readonly counts?: Record<string, number>;
	/** More problems than `maxProblems`: only the first ones are listed. */
	readonly capped?: boolean;
}
export type ProblemRow = readonly [line: number, column: number, endLine: number, endColumn: number, severity: Exclude<Severity, 'off'>, rule: string, message: string];
/** A batch's results, in the order of its files; an `indexBatch` answers for the first ones only (at least one). */
export interface BatchResult<R> { readonly results: readonly R[] }
export interface DiscoverResult { readonly uri: string; readonly skipped?: Skipped; readonly stamp?: string; readonly found?: Discovery }
export interface MatchResult { readonly uri: string; readonly matches?: FileMatches }
export type GazetteerResult = Gazetteer;
/** The outline as the editor takes it: positions are computed where the document's lines are. */
export interface OutlineResult { readonly symbols: DocumentSymbol[]; readonly folding: FoldingRange[] }
/** The file's fix-all edits, part by part (service/parts.ts: a part's edits never reach into another). */
export interface FixResult { readonly uri: string; readonly parts: readonly FixedPart[] }

export type JobResult<J extends Job> =
	J extends { kind: 'index' } ? IndexResult :
	J extends { kind: 'check' } ? CheckResult :
	J extends { kind: 'indexBatch' } ? BatchResult<IndexResult> :
	J extends { kind: 'checkBatch' } ? BatchResult<CheckResult> :
	J extends { kind: 'discover' } ? DiscoverResult :
	J extends { kind: 'gazetteer' } ? GazetteerResult :
	J extends { kind: 'outline' } ? OutlineResult :
	J extends { kind: 'fix' } ? FixResult :
	MatchResult;

/** Messages the server's thread sends besides jobs. */
export type Control =
	| { readonly kind: 'init'; readonly locale?: string; readonly limits: ReadLimits }
	/** Names for the matcher: a full list (reset) or the ones added and retyped since. */
	| { readonly kind: 'names'; readonly reset: boolean; readonly rows: readonly NameRow[] }
	/** An open document checked in this worker was closed: forget its last version. */
	| { readonly kind: 'closed'; readonly uri: string };

export interface ReadLimits {
	/** Files larger than this are not read (file.too-large). */
	readonly maxBytes: number;
}

/** Names rows cross as JSON (namesWire.ts). */
export type ToWorker = { readonly id: number; readonly job: Job } | { readonly id?: undefined; readonly control: ControlOnTheWire };
export type FromWorker =
	| { readonly id: number; readonly result?: unknown; readonly error?: string; readonly idle?: undefined }
	/** The worker has had no job for a while and collected its garbage (heldMemory.ts). */
	| { readonly id?: undefined; readonly idle: IdleReport }
	/** Sent once at start, on Linux: the worker's thread id in the system (benchmarks read its CPU in /proc). */
	| { readonly id?: undefined; readonly idle?: undefined; readonly thread: number };

export interface IdleReport {
	/** Heap committed and memory outside it (WebAssembly, typed arrays), after the collection. */
	readonly heldMb: number;
	/** Open documents whose last version the worker keeps (a replacement would check them whole again). */
	readonly openDocuments: number;
}
