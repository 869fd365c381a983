/**
 * The boilerplate pattern table: one row per kind of page chrome that a pattern recognizes.
 * Patterns run on the normalized line (simplified characters, ASCII punctuation: see
 * normalize.ts), so each row covers both scripts and folded punctuation. Rows are generic
 * page-template wording; none names a site, a person or a phone number.
 *
 * `maxLength`: the row only applies to lines at most this long (precision: a news paragraph that
 * mentions 版权 or 热线 is never chrome). `span`: the match is chrome inside a content line and the
 * fix strips it (a trailing byline), instead of deleting the line; span rows match a trailing
 * `(…)` (optionally followed by digits), which analysis.ts checks first.
 */
export type BoilerplateKind =
	| 'share-widget' | 'navigation' | 'source' | 'credit' | 'caption' | 'copyright' | 'ad'
	| 'reactions' | 'page-header' | 'jump-marker';

export interface PatternRow {
	readonly kind: BoilerplateKind;
	readonly pattern: RegExp;
	readonly maxLength: number;
	readonly span?: boolean;
	/** Lines longer than 30 characters match only when they start like this (a notice, not news about one). */
	readonly longLineOpener?: RegExp;
	/** The characters a matching line can open with after its spaces (read from the pattern: `openings`); undefined: any. */
	readonly opening?: string;
	/** The characters a matching line can end with before its spaces (`closings`); undefined: any. */
	readonly closing?: string;
}

const han = '\\p{Script=Han}';
const name = `[${han}·]{2,4}`;
const shareTargets = '(微信好友|微信|朋友圈|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|豆瓣|人人网|Facebook|Twitter|Line|LINE|WhatsApp|Telegram|Plurk|复制链接|邮件)';
const row = (kind: BoilerplateKind, source: string, maxLength: number, span = false): PatternRow =>
	({ kind, pattern: new RegExp(source, 'u'), maxLength, span, opening: openings(source), closing: closings(source) });

const plainCharacter = /^[\p{L}\p{N}]$/u;

/** A pattern's words in its first group (when it opens with one), where that group closes, and whether a `|` stands outside every group. */
function scan(source: string): { words: string[]; close: number; barOutside: boolean } {
	const words: string[] = [];
	let depth = 0, from = 1, close = source[0] === '(' ? -1 : 0, barOutside = false;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '\\') { i++; continue; }
		if (c === '[') { while (i < source.length && source[i] !== ']') { i += source[i] === '\\' ? 2 : 1; } continue; }
		if (c === '(') { depth++; } else if (c === ')') { depth--; if (depth === 0 && close < 0) { close = i; words.push(source.slice(from, i)); } } else if (c === '|') {
			if (depth === 0) { barOutside = true; } else if (depth === 1 && close < 0) { words.push(source.slice(from, i)); from = i + 1; }
		}
	}
	return { words, close, barOutside };
}

/**
 * The characters a line matching `^\s*(word|word…)…` or `^\s*word…` opens with after its spaces:
 * each word's first, when every word starts with a letter or digit that is not optional (no
 * quantifier after it) and the group is not optional. Undefined for any other pattern: every
 * line is tried. (A row's pattern fails at once on another opening, but trying it still costs a
 * call, sixty rows per short line.)
 */
export function openings(source: string): string | undefined {
	if (!source.startsWith('^\\s*')) { return undefined; }
	const rest = source.slice(4);
	const first = (word: string) => (plainCharacter.test(word[0] ?? '') && !/^[?*{]/.test(word.slice(1)) ? word[0] : undefined);
	const { words, close, barOutside } = scan(rest);
	if (barOutside || close < 0) { return undefined; }
	if (rest[0] !== '(') { return first(rest); }
	if (/^[?*{]/.test(rest.slice(close + 1))) { return undefined; }
	let out = '';
	for (const w of words) {
		const c = first(w);
		if (c === undefined) { return undefined; }
		if (!out.includes(c)) { out += c; }
	}
	return out;
}

/**
 * The characters a line matching `…word\s*$` or `…word(word|…)?\s*$` ends with before its spaces
 * (the last word's last character, and each optional word's): undefined for any other pattern.
 */
export function closings(source: string): string | undefined {
	if (!source.endsWith('\\s*$') || scan(source).barOutside) { return undefined; }
	let body = source.slice(0, -4), out = '';
	const optional = /\(([\p{L}\p{N}]+(\|[\p{L}\p{N}]+)*)\)\?$/u.exec(body);
	if (optional) {
		for (const word of optional[1].split('|')) { out += word[word.length - 1]; }
		body = body.slice(0, optional.index);
	}
	const last = body[body.length - 1] ?? '';
	return plainCharacter.test(last) && body[body.length - 2] !== '\\' ? out + last : undefined;
}

const noticeOpener = /^\s*(声明|免责|版权|本网|本站|本文|本报|文章|图片|凡本|未经|转载|如有|特别|平台|Copyright|©|\(c\)|注\s*:|说明\s*:)/u;
const notice = (source: string, maxLength: number): PatternRow => ({ ...row('copyright', source, maxLength), longLineOpener: noticeOpener });

/** First matching row wins, so more specific rows come first (page headers before ads). */
export const patternRows: readonly PatternRow[] = [
	// Newspaper running heads: date + weekday + desk, page labels.
	row('page-header', '^\\s*\\d{4}年\\d{1,2}月\\d{1,2}日\\s*星期[一二三四五六日天](\\s|$)', 160),
	row('page-header', '^\\s*第\\s*[A-Z]?\\d{1,3}\\s*版\\s*(:|$)', 30),
	row('page-header', '^\\s*(本版编辑|版面编辑|本版责编|本版责任编辑|美术编辑|本版主编|版式设计)\\s*:', 60),
	// E-paper page navigation and tables of contents (`A01:要闻`, `第3版:本地`; a bare number needs 版).
	row('page-header', '^\\s*((上一版|下一版|上一期|下一期|版面导航|标题导航|本版导读|版面概览|PDF下载|PDF版|往期报纸|报纸目录)[\\s|>»]*){1,4}$', 30),
	row('page-header', `^\\s*([A-Z]\\d{1,3}|\\d{1,3}\\s*版|第\\s*[A-Z]?\\d{1,3}\\s*版)\\s*:\\s*[${han}]{2,8}\\s*$`, 16),
	// Page numbers of printed or PDF pages standing alone on a line (`— 3 —`, `第 3 页 共 12 页`, `Page 3 of 12`).
	row('page-header', '^\\s*[-—–~]\\s*\\d{1,4}\\s*[-—–~]\\s*$', 12),
	row('page-header', '^\\s*第\\s*\\d{1,4}\\s*页\\s*([,/]?\\s*共\\s*\\d{1,4}\\s*页)?\\s*$', 20),
	row('page-header', '^\\s*(Page|页码|页)\\s*:?\\s*\\d{1,4}\\s*(of|/|共)\\s*\\d{1,4}\\s*页?\\s*$', 24),
	// Jump markers of articles continued on another page.
	row('jump-marker', '^\\s*\\(\\s*(上接|下转|接上|转下|下接|转接)第?\\s*[一二三四五六七八九十\\dA-Z]+\\s*版\\s*\\)\\s*$', 30),
	row('jump-marker', '\\(\\s*(下转|转下|下接)第?\\s*[一二三四五六七八九十\\dA-Z]+\\s*版\\s*\\)\\s*$', 2000, true),
	// Share widgets.
	row('share-widget', `^\\s*(分享到|分享至|分享|一键分享|转发到|转发至)\\s*:?\\s*(${shareTargets}[\\s|/、]*)*$`, 60),
	row('share-widget', `^\\s*(${shareTargets}[\\s|/、]*){1,8}$`, 60),
	row('share-widget', '(点击)?右上角.{0,12}(分享|发送给|微信好友|朋友圈)', 40),
	row('share-widget', '请使用浏览器(的)?分享功能', 40),
	row('share-widget', '^\\s*(打开微信|用微信)?.{0,4}扫(一扫|描二维码).{0,12}(分享|打开|朋友圈)', 40),
	// Navigation: breadcrumbs, reading widgets, previous/next, print and font-size widgets.
	row('navigation', '^\\s*(当前位置|您的位置|你的位置|您现在的位置|你现在的位置|所在位置|当前页面)\\s*[:>]', 120),
	row('navigation', '^\\s*(首页|主页|网站首页|新闻首页|本站首页)\\s*[>›»/]', 100),
	row('navigation', '^\\s*[^\\s>›»。]{1,14}(\\s*[>›»]\\s*[^>›»。]{1,20}){2,}\\s*[>›»]?\\s*$', 100),
	row('navigation', '^\\s*正在阅读\\s*:', 120),
	row('navigation', '^\\s*(加载更多|查看更多|点击加载更多|展开全文|阅读全文|阅读剩余全文|显示全文|点击查看全文|继续阅读|展开剩余\\d*%?|查看原文|阅读原文)\\s*[(>»]*\\s*$', 20),
	row('navigation', `^\\s*(返回顶部|回到顶部|返回首页|回首页|返回列表|返回目录|返回上一页|返回搜狐,?查看更多|返回[${han}]{1,6}首页)\\s*$`, 20),
	row('navigation', '^\\s*(上一篇|下一篇|上一条|下一条|上一页|下一页|上篇|下篇)\\s*(:|$)', 80),
	row('navigation', '^\\s*\\[?\\s*(字体|字号|字级)\\s*:?\\s*(大\\s*中\\s*小|小\\s*中\\s*大|A\\+?\\s*A-?)', 60),
	row('navigation', '^\\s*(\\[?\\s*(打印本页|打印此页|打印|友善列印|列印|关闭窗口|关闭本页|关闭|收藏本页|加入收藏|收藏|纠错|[大中小]字号)\\s*\\]?\\s*){1,5}$', 30),
	// Section labels alone on a line (`【科技】`): generic column names only, so `【背景】` before content is kept.
	row('navigation', '^\\s*\\[\\s*(即时新闻|实时新闻|滚动新闻|快讯|专题|独家|要闻|国内|国际|财经|科技|体育|娱乐|社会|时政|评论|观点|本地|地方|军事|教育|健康|文化|旅游|汽车|房产|法治|民生|经济|图片|视频)(频道|新闻)?\\s*\\]\\s*$', 12),
	// Tag lines (links to tag pages).
	row('navigation', '^\\s*(标签|关键词|关键字|热门标签|Tags?|TAGS?)\\s*:', 80),
	// Source and date lines (information by default: some users keep them as metadata).
	row('source', '^\\s*(来源|稿源|新闻来源|文章来源|信息来源|消息来源|出处|转载自|本文来源|发布单位|发布机构)\\s*[:|]', 80),
	row('source', '^\\s*(发布时间|发布日期|发表时间|发稿时间|更新时间|更新日期|发布于)\\s*[:|]', 80),
	row('source', '^\\s*作者\\s*:.{0,20}来源\\s*:', 80),
	// A timestamp line needs a time or a source: a bare date may be a notice's own date.
	row('source', '^\\s*\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*\\d{1,2}:\\d{2}(:\\d{2})?\\s*(\\([^)]{0,20}更新\\))?\\s*\\|?\\s*((来源|作者|稿源)\\s*:.{0,40})?$', 80),
	// A dateline: timestamp, then a short byline or outlet name without sentence punctuation.
	row('source', '^\\s*\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\s+\\d{1,2}:\\d{2}\\s+[^。,!?]{2,30}$', 50),
	row('source', '^\\s*\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?\\s*(来源|作者|稿源)\\s*:.{0,40}$', 80),
	// Editor credits and bylines.
	row('credit', `^\\s*\\[?\\s*(责编|责任编辑|编辑|校对|审核|审校|终审|初审|复审|监制|主编|值班编辑|网络编辑|策划|统筹|编审|美编)\\s*[:|][^。]{0,20}\\]?\\s*$`, 40),
	row('credit', '^\\s*\\(\\s*(责任编辑|编辑|责编)\\s*:[^()]{0,15}\\)\\s*$', 30),
	row('credit', '^\\s*\\(\\s*完\\s*\\)\\s*$', 6),
	row('credit', `^\\s*(本报记者|记者|通讯员|本报通讯员|特约记者|实习生)(\\s+${name}){0,4}\\s*$`, 30),
	row('credit', `(?<=[。!?”])\\s*\\((本报)?(记者|通讯员)[^()]{2,30}\\)\\s*$`, 2000, true),
	row('credit', '(?<=[。!?”])\\s*\\((责任编辑|编辑|责编)\\s*:[^()]{1,15}\\)\\s*\\d{0,8}\\s*$', 2000, true),
	row('credit', '(?<=[。!?”])\\s*\\(完\\)\\s*$', 2000, true),
	// Photo captions and credits.
	row('caption', `(\\s|/|记者|摄影师?|通讯员)${name}(\\s+${name}){0,3}\\s*/?\\s*摄(影)?\\s*$`, 160),
	row('caption', '^\\s*(图源|图片来源|图片|配图|摄影|来源图片)\\s*[:/|]', 60),
	row('caption', '^\\s*图为.{0,80}$', 100),
	// Copyright and repost notices, licence numbers.
	notice('版权所有|版权归.{0,15}所有|版权声明|著作权(归|所有)', 160),
	notice('未经(授权|许可|书面授权|同意|协议授权).{0,30}(转载|使用|复制|下载|播送|传输)', 160),
	notice('(转载|引用)(请|须|需)?(注明|标明)(出处|来源)', 160),
	notice('(如有|如涉及|若有)(侵权|版权问题).{0,15}(联系|删除)', 160),
	notice('非经授权,?不得转载', 160),
	row('copyright', '^\\s*(Copyright|©|\\(c\\))|Copyright\\s*©?\\s*\\d{4}', 160),
	row('copyright', 'ICP(备|证)\\s*\\d{4,}|公网安备\\s*\\d+号|网站标识码|新闻信息服务许可证|网络文化经营许可证|增值电信业务经营许可证|违法和不良信息举报', 160),
	notice('^\\s*(免责声明|声明|平台声明|特别声明)\\s*:.{0,150}(观点|仅代表|转载|版权|侵权|不代表)', 200),
	row('copyright', '^\\s*主办单位\\s*:', 100),
	// Promotions and contact lines.
	row('ad', '(服务热线|客服热线|咨询热线|热线电话|订阅热线|广告热线|投诉热线|咨询电话|客服电话)\\s*:?\\s*[\\d-]{7,}', 160),
	row('ad', `(公众号|微信号|微信公众号)\\s*:\\s*[A-Za-z0-9_\\-${han}]+`, 120),
	row('ad', '长按(识别|扫描|扫码)?(图中)?(二维码|小程序码)', 60),
	row('ad', '扫描(下方)?二维码.{0,10}(关注|下载|获取)|^\\s*扫(一扫|码).{0,10}关注', 60),
	row('ad', '下载.{0,8}(客户端|APP|App)|打开.{0,6}(APP|App|客户端)', 40),
	row('ad', '(APP|App|客户端)内?(打开|阅读|查看|观看).{0,8}(体验更佳|更流畅|更精彩|更多精彩)', 40),
	row('ad', '^\\s*(点击)?(上方|下方|文末)?(蓝字|关注).{0,10}关注(我们)?\\s*$|^\\s*关注(我们|公众号|微信公众号)', 40),
	// Mood and comment widgets.
	row('reactions', '^\\s*(您此时的心情|你此时的心情|新闻表情排行|表情排行|我要评论|发表评论|网友评论|评论\\s*\\(\\d+\\)|已有\\d+人(参与|评论)|点个在看.{0,10}|在看|阅读\\s*\\(?\\d+\\)?)\\s*/?\\s*$', 20),
	row('reactions', '^\\s*[•·]?\\s*(开心|难过|点赞|飘过|愤怒|搞笑|同情|感动|震惊|无聊|路过|高兴|悲伤|新奇|气愤)\\s*\\d*\\s*$', 12),
];

/** Headings of "related reading" blocks. */
export const relatedHeading = /^\s*\[?\s*(相关阅读|相关新闻|相关文章|相关报道|相关链接|推荐阅读|延伸阅读|热点推荐|热门推荐|热门文章|热门新闻|猜你喜欢|为你推荐|精彩推荐|更多精彩|往期推荐|往期回顾|往期精彩|视觉焦点|图片新闻|独家策划|最新资讯|最新新闻|今日推荐|编辑推荐|阅读推荐|大家都在看|新闻排行|点击排行)\s*\]?\s*[:>»]?\s*$/u;

/**
 * Han characters of which every match of `spamPattern` holds one (the first of each of its
 * alternatives' words, or the word every alternative must reach): a line without any is not
 * searched. Keep it with the pattern (test/unit/lineFacts.test.ts compares the search with and
 * without it).
 */
export const spamMarks = '投博下买娱百赌棋彩真澳送色成';

/** SEO gambling/porn injections: commercial wording, never a news word alone (赌博 in a crime report). */
export const spamPattern = new RegExp([
	'(投注|博彩|下注|买球|娱乐城|百家乐|赌场|棋牌|彩票|真人)[\\p{Script=Han}]{0,4}(官网|官方网站|平台|网站|网址|入口|app|APP|下载|注册|开户)',
	'澳门(网上|在线)?(赌场|葡京|新葡京|威尼斯人|金沙)',
	'(欧洲杯|世界杯|亚洲杯|英超|NBA)(投注|下注|买球)',
	'(开户|注册)送(彩金|\\d+元)',
	'(色情|成人)(网站|视频|直播)',
].join('|'), 'u');
