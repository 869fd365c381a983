/**
 * boilerplate.repeated-line — template text no other rule reports: lines this file shares with
 * at least `zhCorpus.boilerplate.repeatedLineMinFiles` files of the corpus (default 3), when the
 * file shares several such lines (boilerplate/templates.ts: a group of pages cut from one
 * template; five pages of a site are enough). Consecutive template lines are one finding that
 * says in how many files they occur; the fix deletes them. Outside the article and held by at
 * least five files they are a Warning fixed by fix-all; in fewer, or inside the article (a
 * subheading that a duplicated story repeats, say), Information; prose is never template text.
 *
 *   本栏目每日更新敬请关注  (in 340 of 2,000 files)  ⇒  (deleted)
 */
import type { Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { deleteLines, excerpt } from '../boilerplate/findings';
import { prose } from '../boilerplate/features';
import { certainFiles, recurrence, templateAffected } from '../boilerplate/templates';

export const boilerplateRepeatedLine: Rule = {
	id: 'boilerplate.repeated-line',
	description: 'Template text: lines this file shares with several files of the corpus (a site\'s menus, footers, side lists) that no other rule reports.',
	defaultSeverity: 'warning',
	corpus: { reads: 'line-counts', affected: templateAffected },
	*check(doc, ctx) {
		const a = analyze(doc);
		const { files } = recurrence(a, ctx.corpus, ctx.options.repeatedLineMinFiles);
		const inArticle = new Uint8Array(doc.lines.length);
		for (const art of a.articles) { inArticle.fill(1, art.first, art.last + 1); }
		const template = (i: number) => files[i] > 0 && !a.matches[i] && !a.inBlock[i] && !(inArticle[i] && prose(a.shapes[i]!));
		for (let i = 0; i < doc.lines.length; i++) {
			if (!template(i)) { continue; }
			// One finding for a run of template lines (blank lines between them included) on one side of an article edge.
			const inside = inArticle[i];
			let last = i, fewest = files[i];
			for (let j = i + 1; j < doc.lines.length; j++) {
				if (doc.lines[j].text.trim() === '') { continue; }
				if (!template(j) || inArticle[j] !== inside) { break; }
				last = j;
				fewest = Math.min(fewest, files[j]);
			}
			const lines = countNonBlank(doc.lines, i, last);
			const message = lines === 1
				? ctx.t('boilerplate.repeated-line', excerpt(doc.lines[i].text), fewest, ctx.corpus.fileCount)
				: ctx.t('boilerplate.repeated-lines', lines, excerpt(doc.lines[i].text), fewest, ctx.corpus.fileCount);
			const certain = !inside && fewest >= certainFiles;
			yield {
				ruleId: 'boilerplate.repeated-line', start: doc.lines[i].start, end: doc.lines[last].end, message,
				...(certain ? {} : { maxSeverity: 'info' as const }),
				fixes: [{ title: ctx.t(i === last ? 'fix.deleteLine' : 'fix.deleteLines', last - i + 1), edits: [deleteLines(doc, i, last)], isPreferred: true, safe: certain }],
			};
			i = last;
		}
	},
};

function countNonBlank(lines: readonly { text: string }[], first: number, last: number): number {
	let n = 0;
	for (let i = first; i <= last; i++) { if (lines[i].text.trim() !== '') { n++; } }
	return n;
}
