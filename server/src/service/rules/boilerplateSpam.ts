/**
 * boilerplate.spam — SEO gambling and porn injections, also inside a title or a breadcrumb:
 *   农产品冷链物流建设提速-澳门网上赌场  ⇒  农产品冷链物流建设提速
 * Only commercial wording (投注官网, 网上赌场) in a title suffix, breadcrumb segment or short line:
 * a crime report about 赌博 is news, not spam.
 */
import type { Rule } from '../types';
import { analyze } from '../boilerplate/analysis';
import { spanFinding } from '../boilerplate/findings';

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

