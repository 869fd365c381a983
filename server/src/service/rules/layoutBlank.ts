/**
 * layout.blank — a line that looks empty but is not (only spaces, U+00A0, U+3000 or tabs), or
 * holds only punctuation (`……`), in a document that otherwise separates paragraphs with empty
 * lines: an extraction left-over that breaks paragraph splitting. The fix empties the line. A
 * punctuation-only line may be an editorial elision, so its fix is never applied by fix-all.
 */
import type { Finding, Rule } from '../types';

const id = 'layout.blank';

const whitespaceOnly = /^[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+$/;
const punctuationOnly = /^[\s\u3000]*[…⋯.。·•、,，\-—–_~～*]+[\s\u3000]*$/u;

export const layoutBlank: Rule = {
	id,
	description: 'Lines holding only whitespace or only punctuation where the document separates paragraphs with empty lines.',
	defaultSeverity: 'info',
	*check(doc, ctx): Iterable<Finding> {
		const lines = doc.lines;
		let empty = 0;
		let content = 0;
		for (const l of lines) {
			if (l.text.length === 0) { empty++; } else if (!whitespaceOnly.test(l.text)) { content++; }
		}
		// Empty lines are the paragraph separator when there is about one per paragraph.
		if (empty < 2 || empty * 2 < content) { return; }
		for (const l of lines) {
			if (l.text.length === 0) { continue; }
			const blank = whitespaceOnly.test(l.text);
			if (!blank && !punctuationOnly.test(l.text)) { continue; }
			yield {
				ruleId: id, start: l.start, end: l.end,
				message: ctx.t(blank ? 'layout.blank.whitespace' : 'layout.blank.punctuation', l.text.trim()),
				maxSeverity: blank ? undefined : 'hint',
				fixes: [{ title: ctx.t('fix.emptyLine'), edits: [{ start: l.start, end: l.end, newText: '' }], isPreferred: true, safe: blank }],
			};
		}
	},
};
