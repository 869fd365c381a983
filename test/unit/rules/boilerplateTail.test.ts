// boilerplate.tail: everything after the last body paragraph when all of it is chrome; a body
// paragraph after the chrome means the text has not ended.
import { describeRule } from './ruleCases';

const body = '市政府今天召开新闻发布会，介绍了全市经济运行情况。会议指出，上半年全市经济稳中有进，主要指标好于预期。';
const tail = '责任编辑：王小明\n分享到：微信 微博\n上一篇：全市上半年经济数据发布\n下一篇：市长调研重点项目建设\n';

describeRule('boilerplate.tail', {
	flags: `${body}\n\n⟦${tail}⟧`,
	decoy: `${body}\n\n责任编辑：王小明\n会议还提出，下半年要继续扩大内需，稳定就业，推动经济持续回升向好。\n`,
	fix: { before: `${body}\n\n${tail}`, after: `${body}\n` },
});
