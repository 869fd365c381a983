/** Findings and fixes shared by the boilerplate rules: delete whole lines, strip a span. */
import type { CorpusDocument } from '../document';
import type { Finding, Rule, RuleContext, TextEdit } from '../types';
import type { Block } from './analysis';

/** Deletes whole lines `[first, last]` with their line break, without merging the neighbours. */
export function deleteLines(doc: CorpusDocument, first: number, last: number): TextEdit {
	const lines = doc.lines;
	if (last + 1 < lines.length) { return { start: lines[first].start, end: lines[last + 1].start, newText: '' }; }
	if (first > 0) { return { start: lines[first - 1].end, end: lines[last].end, newText: '' }; }
	return { start: lines[first].start, end: lines[last].end, newText: '' };
}

export function lineFinding(doc: CorpusDocument, ruleId: string, first: number, last: number, message: string, ctx: RuleContext): Finding {
	return {
		ruleId, start: doc.lines[first].start, end: doc.lines[last].end, message,
		fixes: [{ title: ctx.t(first === last ? 'fix.deleteLine' : 'fix.deleteLines', last - first + 1), edits: [deleteLines(doc, first, last)], isPreferred: true, safe: true }],
	};
}

export function spanFinding(doc: CorpusDocument, ruleId: string, line: number, start: number, end: number, message: string, ctx: RuleContext): Finding {
	const offset = doc.lines[line].start;
	return {
		ruleId, start: offset + start, end: offset + end, message,
		fixes: [{ title: ctx.t('fix.stripSpan', doc.text.slice(offset + start, offset + end).trim()), edits: [{ start: offset + start, end: offset + end, newText: '' }], isPreferred: true, safe: true }],
	};
}

export const excerpt = (text: string) => (text.length > 24 ? `${text.trim().slice(0, 24)}…` : text.trim());

export function blockRule(kind: 'related' | 'reactions', description: string, blocks: (doc: CorpusDocument) => readonly Block[]): Rule {
	const id = `boilerplate.${kind}`;
	return {
		id, description, defaultSeverity: 'warning',
		*check(doc, ctx) {
			for (const b of blocks(doc)) {
				yield lineFinding(doc, id, b.first, b.last, ctx.t(`boilerplate.${kind}Block`, excerpt(doc.lines[b.first].text), b.last - b.first + 1), ctx);
			}
		},
	};
}

