/**
 * boilerplate.block — page chrome found from the page's structure, one finding per block: the
 * page model (boilerplate/page.ts) finds the article and judges every line around it; runs of
 * chrome lines become blocks (boilerplate/blocks.ts) that the message names by what they look
 * like and where they stand:
 *
 *   首页 / 新闻 / 体育 / … (68 short lines) ⇒ “a menu of 68 short lines before the article”
 *
 * The fix deletes the block. Blocks outside the article that the model is sure of are Warnings
 * fixed by fix-all; the others (inside an article, or doubtful) are Information and their fix
 * waits for the user. A block most of whose lines are template text of the corpus (other pages
 * cut from the same template hold them: boilerplate/templates.ts) says so, and outside the
 * article that settles the model's doubts.
 */
import type { MessageId } from '../messages';
import type { Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { deleteLines, excerpt } from '../boilerplate/findings';
import { certainFiles, recurrence, templateAffected } from '../boilerplate/templates';

export const boilerplateBlock: Rule = {
	id: 'boilerplate.block',
	description: 'Page chrome found from the page structure (menus, headline lists, link rows, comments, footers around the article), one finding per block.',
	defaultSeverity: 'warning',
	corpus: { reads: 'line-counts', affected: templateAffected },
	*check(doc, ctx) {
		const a = analyze(doc);
		const { files } = recurrence(a, ctx.corpus, ctx.options.repeatedLineMinFiles);
		for (const b of a.blocks) {
			const kind = b.lines === 1 && b.kind !== 'links' ? 'line' : b.kind;
			const what = ctx.t(`boilerplate.block.${kind}` as MessageId, b.lines);
			const where = ctx.t(`boilerplate.block.${b.place}` as MessageId);
			const shared = Array.from(files.subarray(b.first, b.last + 1)).filter((n) => n > 0).sort((x, y) => x - y);
			const template = shared.length * 2 >= b.lines;
			const held = shared[shared.length >> 1];
			const certain = b.certain || (template && held >= certainFiles && b.place !== 'inside' && !b.doubts.includes('label'));
			yield {
				ruleId: 'boilerplate.block', start: doc.lines[b.first].start, end: doc.lines[b.last].end,
				message: template
					? ctx.t('boilerplate.blockRecurring', what, where, excerpt(doc.lines[b.first].text), held)
					: ctx.t('boilerplate.block', what, where, excerpt(doc.lines[b.first].text)),
				...(certain ? {} : { maxSeverity: 'info' as const }),
				fixes: [{ title: ctx.t('fix.deleteLines', b.last - b.first + 1), edits: [deleteLines(doc, b.first, b.last)], isPreferred: true, safe: certain }],
			};
		}
	},
};
