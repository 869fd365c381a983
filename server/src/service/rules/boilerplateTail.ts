/**
 * boilerplate.tail — everything after the last body paragraph when all of it is page chrome
 * (credits, navigation, related lists, reactions, timestamps, short headlines). It starts at the
 * first recognized chrome line after the last paragraph of prose, never before it; lines between
 * (a notice's signature) stay. One finding; the fix deletes the tail.
 */
import type { Rule } from '../types';
import { analyze } from '../boilerplate/analysis';

export const boilerplateTail: Rule = {
	id: 'boilerplate.tail',
	description: 'Everything after the last body paragraph when all of it is page chrome.',
	defaultSeverity: 'warning',
	*check(doc, ctx) {
		const tail = analyze(doc).tail;
		if (!tail) { return; }
		const lines = doc.lines;
		const last = lines[lines.length - 1];
		// Delete from the end of the last body line, blank lines between included; keep a final newline.
		const endsWithBreak = last.text.length === 0 && lines.length > 1;
		// Unrecognized lines between the body and the tail (a notice's signature) stay.
		let kept = tail.first - 1;
		while (kept > tail.lastBody && lines[kept].text.trim().length === 0) { kept--; }
		const edit = { start: lines[kept].end, end: doc.text.length, newText: endsWithBreak ? doc.text.slice(lines[lines.length - 2].end, last.start) : '' };
		yield {
			ruleId: 'boilerplate.tail', start: lines[tail.first].start, end: last.end,
			message: ctx.t('boilerplate.tail', lines.length - tail.first, kept + 1),
			fixes: [{ title: ctx.t('fix.deleteTail'), edits: [edit], isPreferred: true, safe: true }],
		};
	},
};
