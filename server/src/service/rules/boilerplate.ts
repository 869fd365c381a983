/**
 * boilerplate.* — page chrome recognized line by line from the pattern table
 * (boilerplate/patterns.ts), plus the rules that need document context: SEO spam spans,
 * "related reading" blocks, reaction widgets and the chrome tail after the last body paragraph.
 *
 *   分享到：微信 微博 QQ空间        ⇒  (line deleted, with its line break)
 *   农产品冷链物流建设提速-澳门网上赌场  ⇒  农产品冷链物流建设提速
 *
 * One rule per kind so that each has its own id and severity; the kinds that are only patterns
 * are rows of the table, not code.
 */
import type { CorpusDocument } from '../document';
import type { MessageId } from '../messages';
import type { Finding, Rule, RuleContext, Severity, TextEdit } from '../types';
import { analyze, Block } from '../boilerplate/analysis';
import type { BoilerplateKind } from '../boilerplate/patterns';

/** Deletes whole lines `[first, last]` with their line break, without merging the neighbours. */
export function deleteLines(doc: CorpusDocument, first: number, last: number): TextEdit {
	const lines = doc.lines;
	if (last + 1 < lines.length) { return { start: lines[first].start, end: lines[last + 1].start, newText: '' }; }
	if (first > 0) { return { start: lines[first - 1].end, end: lines[last].end, newText: '' }; }
	return { start: lines[first].start, end: lines[last].end, newText: '' };
}

function lineFinding(doc: CorpusDocument, ruleId: string, first: number, last: number, message: string, ctx: RuleContext): Finding {
	return {
		ruleId, start: doc.lines[first].start, end: doc.lines[last].end, message,
		fixes: [{ title: ctx.t(first === last ? 'fix.deleteLine' : 'fix.deleteLines', last - first + 1), edits: [deleteLines(doc, first, last)], isPreferred: true, safe: true }],
	};
}

function spanFinding(doc: CorpusDocument, ruleId: string, line: number, start: number, end: number, message: string, ctx: RuleContext): Finding {
	const offset = doc.lines[line].start;
	return {
		ruleId, start: offset + start, end: offset + end, message,
		fixes: [{ title: ctx.t('fix.stripSpan', doc.text.slice(offset + start, offset + end).trim()), edits: [{ start: offset + start, end: offset + end, newText: '' }], isPreferred: true, safe: true }],
	};
}

const excerpt = (text: string) => (text.length > 24 ? `${text.trim().slice(0, 24)}…` : text.trim());

function patternRule(kind: BoilerplateKind, description: string, defaultSeverity: Severity = 'warning'): Rule {
	const id = `boilerplate.${kind}`;
	return {
		id, description, defaultSeverity,
		fixAllByDefault: kind !== 'source',
		*check(doc, ctx) {
			const a = analyze(doc);
			const messageId = `boilerplate.${kind}` as MessageId;
			for (let i = 0; i < a.matches.length; i++) {
				const m = a.matches[i];
				// Lines of a related-reading or reaction block are reported once, by the block.
				if (m?.kind !== kind || a.inBlock[i] !== 0) { continue; }
				const text = doc.lines[i].text.slice(m.start, m.end);
				yield m.span ? spanFinding(doc, id, i, m.start, m.end, ctx.t(messageId, excerpt(text)), ctx) : lineFinding(doc, id, i, i, ctx.t(messageId, excerpt(text)), ctx);
			}
		},
	};
}

function blockRule(kind: 'related' | 'reactions', description: string, blocks: (doc: CorpusDocument) => readonly Block[]): Rule {
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

export const boilerplatePatternRules: readonly Rule[] = [
	patternRule('share-widget', 'Share buttons and QR prompts (分享到, 朋友圈, 请使用浏览器分享功能).'),
	patternRule('navigation', 'Breadcrumbs, reading widgets, previous/next links, print and font-size widgets.'),
	patternRule('source', 'Source and date lines (来源:…, 发布时间:…), kept by some users as metadata.', 'info'),
	patternRule('credit', 'Editor credits and bylines ([ 责编:… ], 责任编辑:, (完), a trailing (记者 …)).'),
	patternRule('caption', 'Photo captions and credits (… 摄, 图源:, 图片来源:).'),
	patternRule('copyright', 'Copyright and repost notices, disclaimers, ICP licence numbers.'),
	patternRule('ad', 'Promotions and contact lines (hotlines, 公众号:, 长按识别二维码, app downloads).'),
	patternRule('page-header', 'Newspaper running heads and page labels (2023年11月7日 星期二 责任编辑:…, 第A03版:要闻).'),
	patternRule('jump-marker', 'Continuation markers of newspaper pages ((上接第一版), (下转第三版)).'),
];

export const boilerplateRelated = blockRule('related', '“Related reading” blocks: a heading and a list of other headlines and timestamps.', (doc) => analyze(doc).related);
export const boilerplateReactions = blockRule('reactions', 'Mood and comment widgets (您此时的心情, 开心 0, 我要评论).', (doc) => analyze(doc).reactions);

export const boilerplateSpam: Rule = {
	id: 'boilerplate.spam',
	description: 'SEO gambling and porn injections, also inside a title or breadcrumb: the fix strips the span.',
	defaultSeverity: 'warning',
	*check(doc, ctx) {
		for (const s of analyze(doc).spam) {
			yield spanFinding(doc, 'boilerplate.spam', s.line, s.start, s.end, ctx.t('boilerplate.spam', doc.lines[s.line].text.slice(s.start, s.end).trim()), ctx);
		}
	},
};

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
