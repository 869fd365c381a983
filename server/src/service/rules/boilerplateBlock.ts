/**
 * boilerplate.block — page chrome found from the page's structure, one finding per block: the
 * page model (boilerplate/page.ts) finds the article and judges every line around it; runs of
 * chrome lines become blocks (boilerplate/blocks.ts) that the message names by what they look
 * like and where they stand:
 *
 *   首页 / 新闻 / 体育 / … (68 short lines) ⇒ “a menu of 68 short lines before the article”
 *
 * The fix deletes the block. Blocks outside the article that the model is sure of are Warnings
 * fixed by fix-all; the others (inside an article, on a page without a clear article) are
 * Information and their fix waits for the user.
 */
import type { MessageId } from '../messages';
import type { Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { deleteLines, excerpt } from '../boilerplate/findings';

export const boilerplateBlock: Rule = {
	id: 'boilerplate.block',
	description: 'Page chrome found from the page structure (menus, headline lists, link rows, comments, footers around the article), one finding per block.',
	defaultSeverity: 'warning',
	*check(doc, ctx) {
		for (const b of analyze(doc).blocks) {
			const kind = b.lines === 1 && b.kind !== 'links' ? 'line' : b.kind;
			const what = ctx.t(`boilerplate.block.${kind}` as MessageId, b.lines);
			const where = ctx.t(`boilerplate.block.${b.place}` as MessageId);
			yield {
				ruleId: 'boilerplate.block', start: doc.lines[b.first].start, end: doc.lines[b.last].end,
				message: ctx.t('boilerplate.block', what, where, excerpt(doc.lines[b.first].text)),
				...(b.certain ? {} : { maxSeverity: 'info' as const }),
				fixes: [{ title: ctx.t('fix.deleteLines', b.last - b.first + 1), edits: [deleteLines(doc, b.first, b.last)], isPreferred: true, safe: b.certain }],
			};
		}
	},
};
