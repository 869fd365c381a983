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
	/** The keys of the corpus snapshots the worker keeps for it, the last used first (`keptSnapshots` at most). */
	readonly corpusKeys: readonly string[];
}

/**
 * Snapshots a worker keeps per open document. Two, as the server's thread keeps two: the indexed
 * text's (with shared passages and names located in it) and the edited text's. Typing and undoing
 * it switches between them at every keystroke, and with one kept each switch sent the indexed
 * one again (0.9 MB cloned per keystroke for the bench's 1 MB document).
 */
export const keptSnapshots = 2;

/**
 * The snapshot keys the worker keeps after it answered a job with `key` built on `held` (none:
 * the job was sent whole). Both threads order them the same way, last used first; the server
 * claims no more than the job showed it, so a worker never lacks a key the server counts on
 * unless it was renewed or the document closed, when it asks for the job again (`resend`).
 */
export function keysAfter(held: HeldByWorker | undefined, key: string): string[] {
	return [key, ...(held?.corpusKeys ?? []).filter((k) => k !== key)].slice(0, keptSnapshots);
}

/** The check job of `text` (version `version`) building on `held`; without it, everything whole. */
export function openCheckJob(uri: string, version: number, text: string, options: LintOptions, corpus: CorpusSnapshot, corpusKey: string, token: number, held?: HeldByWorker): Extract<Job, { kind: 'check' }> {
	return {
		kind: 'check', uri, options, version, token, corpusKey, base: held?.token,
		...(held ? { edit: textChange(held.version, held.text, text) } : { text }),
		...(held?.corpusKeys.includes(corpusKey) ? {} : { corpus }),
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
