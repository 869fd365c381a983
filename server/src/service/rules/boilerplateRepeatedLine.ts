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
	scope: 'corpus',
	*check(doc, ctx) {
		const { corpus, options } = ctx;
		const threshold = repeatedLineThreshold(options.repeatedLineMinFiles, corpus.fileCount);
		if (corpus.fileCount < threshold) { return; }
		const a = analyze(doc);
		const inTail = a.tail ? a.tail.first : doc.lines.length;
		for (let i = 0; i < doc.lines.length; i++) {
			if (a.matches[i] || a.inBlock[i] || i >= inTail) { continue; }
			const key = repeatedLineKey(doc.lines[i].text);
			if (!key) { continue; }
			const files = corpus.filesWithLine(key);
			if (files >= threshold) {
				yield lineFinding(doc, 'boilerplate.repeated-line', i, i, ctx.t('boilerplate.repeated-line', excerpt(doc.lines[i].text), files, corpus.fileCount), ctx);
			}
		}
	},
};
