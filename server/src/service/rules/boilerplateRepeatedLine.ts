/**
 * boilerplate.repeated-line — a short line (≤ 40 characters, digits and dates normalized) that
 * recurs in at least `zhCorpus.boilerplate.repeatedLineMinFiles` files (default 20) and in at
 * least 1 % of the corpus, and that no other rule recognizes: template text no pattern knows
 * (a site's slogan, a column name). The message says in how many files; the fix deletes the line.
 */
import type { Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { excerpt, lineFinding } from '../boilerplate/findings';
import { repeatedLineKey } from '../boilerplate/lineKey';

/** Files that must hold a line for it to count as template text: the setting's minimum and 1 % of the corpus. */
export function repeatedLineThreshold(minFiles: number, fileCount: number): number {
	return Math.max(minFiles, Math.ceil(fileCount * 0.01));
}

export const boilerplateRepeatedLine: Rule = {
	id: 'boilerplate.repeated-line',
	description: 'A short line repeated in many files of the corpus that no other rule recognizes: template text.',
	defaultSeverity: 'info',
	corpus: {
		reads: 'line-counts',
		/** Files holding a key whose count crossed the threshold, or any key between the old and new threshold (it moves with the corpus size). */
		*affected({ before, after }, corpus, options) {
			const threshold = (files: number) => repeatedLineThreshold(options.repeatedLineMinFiles, files);
			const [t0, t1] = [threshold(before.fileCount), threshold(after.fileCount)];
			const crossing = new Set<string>();
			const wasHeld = new Set(before.keys), isHeld = new Set(after.keys);
			for (const key of new Set([...before.keys, ...after.keys])) {
				const now = corpus.filesWithLine(key);
				const then = now + (wasHeld.has(key) ? 1 : 0) - (isHeld.has(key) ? 1 : 0);
				if ((then >= t0) !== (now >= t1)) { crossing.add(key); }
			}
			if (crossing.size === 0 && t0 === t1) { return; }
			const [lo, hi] = [Math.min(t0, t1), Math.max(t0, t1)];
			for (const [uri, keys] of corpus.files()) {
				if (keys.some((k) => crossing.has(k) || (t0 !== t1 && corpus.filesWithLine(k) >= lo && corpus.filesWithLine(k) < hi))) { yield uri; }
			}
		},
	},
	*check(doc, ctx) {
		const { corpus, options } = ctx;
		const threshold = repeatedLineThreshold(options.repeatedLineMinFiles, corpus.fileCount);
		if (corpus.fileCount < threshold) { return; }
		const a = analyze(doc);
		for (let i = 0; i < doc.lines.length; i++) {
			if (a.matches[i] || a.inBlock[i]) { continue; }
			const key = repeatedLineKey(doc.lines[i].text);
			if (!key) { continue; }
			const files = corpus.filesWithLine(key);
			if (files >= threshold) {
				yield lineFinding(doc, 'boilerplate.repeated-line', i, i, ctx.t('boilerplate.repeated-line', excerpt(doc.lines[i].text), files, corpus.fileCount), ctx);
			}
		}
	},
};
