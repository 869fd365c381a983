/**
 * boilerplate.{share-widget,navigation,source,credit,caption,copyright,ad,page-header,jump-marker}
 * — page chrome that a pattern recognizes, one rule per kind (own id and severity). The kinds
 * are rows of the data table in boilerplate/patterns.ts, not code.
 *
 *   分享到：微信 微博 QQ空间   ⇒  (line deleted, with its line break)
 *   …共同推动行业发展。(记者 张三)  ⇒  …共同推动行业发展。
 */
import type { MessageId } from '../messages';
import type { Rule, Severity } from '../types';
import { analyze } from '../boilerplate/analysis';
import { excerpt, lineFinding, spanFinding } from '../boilerplate/findings';
import type { BoilerplateKind } from '../boilerplate/patterns';

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

