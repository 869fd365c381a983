/**
 * boilerplate.running-head — a line one document repeats page after page: the running head or
 * foot of a PDF or a printed edition turned into text (boilerplate/runningHeads.ts: three times
 * or more, apart, not prose, not a bare number).
 *
 *   江州市2022年国民经济和社会发展统计公报   (the title: kept)
 *   …
 *   — 1 —
 *   江州市2022年国民经济和社会发展统计公报   ⇒  (deleted, on request)
 *
 * Every occurrence but the first is reported (the first may be the document's title), once per
 * line, as Information with its fix left to the user: a refrain of a song or a poem repeats too.
 * Lines that the pattern table or a certain page block already deletes are left to them; a doubtful
 * block (Information) may hold a running head, and this finding says exactly which line it is.
 */
import type { Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { deleteLines, excerpt } from '../boilerplate/findings';
import { runningHeads } from '../boilerplate/runningHeads';

export const boilerplateRunningHead: Rule = {
	id: 'boilerplate.running-head',
	description: 'Running heads: a line one document repeats page after page (PDF and print pages), every occurrence but the first; Information.',
	defaultSeverity: 'info',
	*check(doc, ctx) {
		const a = analyze(doc);
		const heads = runningHeads(doc.lines, a);
		for (let i = 0; i < doc.lines.length; i++) {
			if (!heads[i] || a.matches[i] || a.inBlock[i]) { continue; }
			yield {
				ruleId: 'boilerplate.running-head', start: doc.lines[i].start, end: doc.lines[i].end,
				message: ctx.t('boilerplate.runningHead', excerpt(doc.lines[i].text), heads[i]),
				fixes: [{ title: ctx.t('fix.deleteLine', 1), edits: [deleteLines(doc, i, i)], isPreferred: true, safe: false }],
			};
		}
	},
};
