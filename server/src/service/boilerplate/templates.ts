/**
 * Template text across the corpus: a site's menus, footers and side lists recur, line for line,
 * in every page the site serves. A line is template text when at least `minFiles` files of the
 * corpus hold it (lineKey.ts folds script, punctuation and digits) and this file shares at least
 * `groupLines` such lines with the corpus — it belongs to a group of files cut from one template,
 * so a lone line that two unrelated pages happen to share is not one. The counts come from the
 * workspace index (per-file line keys, counted by the server; a worker gets the counts of its
 * file's keys), so the threshold is absolute: five pages of a site are enough, in a corpus of ten
 * files or of a million.
 */
import type { CorpusFacts, CorpusView, FactsChange, LintOptions } from '../types';
import type { Analysis } from './analysis';

/** Lines of a file that recur for it to count as cut from a shared template. */
export const groupLines = 3;
/** Files that must hold template text outside the article for its fix to be applied by fix-all: a few more than to report it. */
export const certainFiles = 5;

export interface Recurrence {
	/** Per line: files of the corpus holding it when it is template text, else 0. */
	readonly files: Int32Array;
	/** Template lines in the file. */
	readonly count: number;
}

export function recurrence(a: Analysis, corpus: CorpusView, minFiles: number): Recurrence {
	const files = new Int32Array(a.keys.length);
	if (corpus.fileCount < minFiles) { return { files, count: 0 }; }
	let count = 0;
	a.keys.forEach((key, i) => {
		const n = key ? corpus.filesWithLine(key) : 0;
		if (n >= minFiles) { files[i] = n; count++; }
	});
	if (count < groupLines) { files.fill(0); count = 0; }
	return { files, count };
}

/**
 * The files whose template findings can change when one file's line keys change (it was indexed,
 * edited or deleted): those holding a key whose count crossed a threshold (reported from the
 * setting's count of files, fixed by fix-all from `certainFiles`).
 */
export function* templateAffected({ before, after }: FactsChange, corpus: CorpusFacts, options: LintOptions): Iterable<string> {
	const thresholds = [options.repeatedLineMinFiles, certainFiles];
	const crossing = new Set<string>();
	const wasHeld = new Set(before.keys), isHeld = new Set(after.keys);
	for (const key of new Set([...before.keys, ...after.keys])) {
		const now = corpus.filesWithLine(key);
		const then = now + (wasHeld.has(key) ? 1 : 0) - (isHeld.has(key) ? 1 : 0);
		if (thresholds.some((t) => (then >= t) !== (now >= t))) { crossing.add(key); }
	}
	if (crossing.size === 0) { return; }
	for (const [uri, keys] of corpus.files()) { if (keys.some((k) => crossing.has(k))) { yield uri; } }
}
