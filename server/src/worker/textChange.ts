/**
 * An open document's check as its pinned worker receives it: the edit since the version the
 * worker checked last instead of the whole text (a megabyte copied across threads per
 * keystroke), and the corpus snapshot only when it changed. The server's thread builds the job
 * from what it knows the worker holds; the worker applies the edit to the text it holds, or
 * answers `resend` when it holds another version (a dropped job, a renewed worker).
 */
import { changedRange, type LintOptions } from '../service';
import type { CorpusSnapshot, Job, TextChange } from './protocol';

/** What the server's thread knows its worker holds of an open document: its last answered check. */
export interface HeldByWorker {
	/** The diagnostics list the worker sent for it (the next answer may be a change of it). */
	readonly token: number;
	readonly version: number;
	readonly text: string;
	readonly corpusKey: string;
}

/** The check job of `text` (version `version`) building on `held`; without it, everything whole. */
export function openCheckJob(uri: string, version: number, text: string, options: LintOptions, corpus: CorpusSnapshot, corpusKey: string, token: number, held?: HeldByWorker): Extract<Job, { kind: 'check' }> {
	return {
		kind: 'check', uri, options, version, token, corpusKey, base: held?.token,
		...(held ? { edit: textChange(held.version, held.text, text) } : { text }),
		...(held?.corpusKey === corpusKey ? {} : { corpus }),
	};
}

/** The change turning `before` (the text of version `from`) into `after`. */
export function textChange(from: number, before: string, after: string): TextChange {
	const { start, oldEnd, newEnd } = changedRange(before, after);
	return { from, length: before.length, start, end: oldEnd, text: after.slice(start, newEnd) };
}

/** The text after `change`, from the text of its version. */
export function applyChange(before: string, change: TextChange): string {
	return before.slice(0, change.start) + change.text + before.slice(change.end);
}
