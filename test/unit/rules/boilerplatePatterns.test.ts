// boilerplate.{share-widget,navigation,source,credit,caption,copyright,ad,page-header,jump-marker}:
// one line of page chrome each, a news sentence using the same words, and the line deleted (in
// the other script or with ASCII-folded punctuation, which the patterns cover too).
import { describeRule } from './ruleCases';

const body = '市政府今天召开新闻发布会，介绍了全市经济运行情况。';
const bodyTw = '市政府今天召開新聞發佈會，介紹了全市經濟運行情況。';

describeRule('boilerplate.share-widget', {
	flags: `${body}\n⟦分享到：微信 微博 QQ空间⟧\n`,
	decoy: '这篇文章在微信和微博上被大量分享，阅读量超过十万次。\n',
	fix: { before: `${bodyTw}\n分享至：微信 微博\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.navigation', {
	flags: `⟦当前位置：首页 > 新闻 > 正文⟧\n${body}\n`,
	decoy: '他说，当前位置很重要，我们要把握住首页这个入口。\n',
	fix: { before: `當前位置: 首頁 > 新聞 > 正文\n${bodyTw}\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.source', {
	flags: `⟦来源：新华社⟧\n${body}\n`,
	decoy: '资金来源：财政拨款和社会捐助各占一半，这是本次项目的主要特点。\n',
	fix: { before: `來源: 中央社\n${bodyTw}\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.credit', {
	flags: `${body}\n⟦责任编辑：王小明⟧\n`,
	decoy: '他担任责任编辑多年，编过许多好书，深受作者的信任和读者的喜爱。\n',
	fix: { before: `${bodyTw}\n責任編輯:王小明\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.caption', {
	flags: `${body}\n⟦图片来源：视觉中国⟧\n`,
	decoy: '他说，拍摄这组照片花了整整三年时间，每一张都是在清晨拍摄。\n',
	fix: { before: `${bodyTw}\n圖片來源：網路\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.copyright', {
	flags: `${body}\n⟦版权所有 未经授权禁止转载⟧\n⟦京ICP备12345678⟧\n`,
	decoy: '市版权局表示，将加大对未经授权转载新闻作品行为的打击力度，保护原创者的合法权益。\n',
	fix: { before: `${bodyTw}\n版權所有 未經授權禁止轉載\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.ad', {
	flags: `${body}\n⟦长按识别二维码关注公众号⟧\n`,
	decoy: '消费者可拨打服务热线反映问题，相关部门承诺在三个工作日内答复。\n',
	fix: { before: `${bodyTw}\n長按識別二維碼關注公眾號\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.page-header', {
	flags: `⟦第A03版：要闻⟧\n${body}\n`,
	decoy: '这篇报道刊登在第三版要闻栏目，引起了读者的广泛关注。\n',
	fix: { before: `第A05版:要聞\n${bodyTw}\n`, after: `${bodyTw}\n` },
});

describeRule('boilerplate.jump-marker', {
	flags: `${body}\n⟦（下转第三版）⟧\n`,
	decoy: '报纸改版后，下转第三版的文章少了，读者反映阅读更方便。\n',
	fix: { before: `(上接第一版)\n${bodyTw}\n`, after: `${bodyTw}\n` },
});
