/**
 * layout.broken-paragraph — a paragraph cut mid-sentence by newspaper columns (`…发挥了重`),
 * whose continuation (`要作用,…`) sits elsewhere in the file.
 *
 * A cut paragraph is body text (it already holds a finished sentence, so a one-sentence lede or
 * a headline without final punctuation never counts) that ends without closing punctuation.
 * Body paragraphs that start with a broken word (their first character stands alone when they
 * are segmented by themselves) are scored as its continuation: the join must make a dictionary
 * word across the cut (jieba on the simplified text: 重|要 → 重要, 尽|管 → 尽管, but 尽|管理部门
 * stays 尽/管理). Segmentations are cached per edge, so an edit re-segments only what changed; a cut
 * whose two characters no dictionary word holds side by side is never segmented (`Segmenter.mayJoin`:
 * about 98 % of them). The best pair wins, each continuation used once. The fix moves the
 * continuation and joins it (never applied by fix-all: a move is reviewed one at a time);
 * without a continuation the cut is only reported.
 */
import { excerpt } from '../boilerplate/findings';
import type { CorpusDocument } from '../document';
import { bestPairs, isHead, Paragraph, paragraphs } from '../layout/paragraphCuts';
import type { Finding, Rule, RuleContext, TextEdit } from '../types';

const id = 'layout.broken-paragraph';

/** Moves the continuation to the end of the cut paragraph; only blank lines between them → just remove the gap. */
function joinEdits(doc: CorpusDocument, head: Paragraph, next: Paragraph): TextEdit[] {
	const lines = doc.lines;
	const between = lines.slice(Math.min(head.line, next.line) + 1, Math.max(head.line, next.line));
	if (next.line > head.line && between.every((l) => l.text.trim() === '')) {
		return [{ start: head.end, end: next.start, newText: '' }];
	}
	// Delete the continuation's line with its break, and one blank line so the gap it leaves stays single.
	let start = lines[next.line].start;
	let end = next.line + 1 < lines.length ? lines[next.line + 1].start : lines[next.line].end;
	const blank = (n: number) => n >= 0 && n < lines.length && lines[n].text.trim() === '';
	if (blank(next.line - 1) && blank(next.line + 1)) {
		end = next.line + 2 < lines.length ? lines[next.line + 2].start : lines[next.line + 1].end;
	} else if (next.line + 1 >= lines.length && next.line > 0) {
		start = lines[next.line - 1].end;
	}
	return [{ start: head.end, end: head.end, newText: next.text }, { start, end, newText: '' }];
}

function* findings(doc: CorpusDocument, ctx: RuleContext): Iterable<Finding> {
	const all = paragraphs(doc, ctx);
	if (!all.some(isHead)) { return; }
	const pairs = ctx.segmenter ? bestPairs(all, ctx.segmenter, ctx) : [];
	const joined = new Map(pairs.map((p) => [p.head, p]));
	for (const head of all.filter((p) => p.cut || joined.has(p))) {
		const tail = head.text.slice(-6);
		// The finding marks the cut's last character (two code units for a surrogate pair).
		const last = head.end - (/[\udc00-\udfff]/.test(head.text.slice(-1)) ? 2 : 1);
		const pair = joined.get(head);
		if (!pair) {
			yield { ruleId: id, start: last, end: head.end, message: ctx.t('layout.truncated', tail), maxSeverity: 'info', fixes: [] };
			continue;
		}
		const nextLine = pair.next.line + 1;
		yield {
			ruleId: id, start: last, end: head.end,
			message: ctx.t('layout.brokenParagraph', tail, nextLine, excerpt(pair.next.text.slice(0, 12)), pair.word),
			related: [{ start: pair.next.start, end: pair.next.end, message: ctx.t('layout.continuation') }],
			fixes: [{ title: ctx.t('fix.joinParagraph', nextLine), edits: joinEdits(doc, head, pair.next), isPreferred: true, safe: false }],
		};
	}
}

export const layoutBrokenParagraph: Rule = {
	id,
	description: 'A paragraph cut mid-sentence (newspaper columns), joined with its continuation found elsewhere in the file.',
	defaultSeverity: 'warning',
	check: findings,
};
