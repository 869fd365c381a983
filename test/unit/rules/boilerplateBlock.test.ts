// boilerplate.block: the page model finds the article (its headline and dateline above it) and
// reports the chrome around it, one finding per block; an article's own subheadings, short
// paragraphs and closing points stay.
import { describeRule } from './ruleCases';

const article = [
	'上半年全市经济运行稳中有进',
	'2023-07-15 10:20 来源：本报',
	'市政府今天召开新闻发布会，介绍了上半年全市经济运行情况。会议指出，上半年全市经济稳中有进，主要指标好于预期。',
	'从产业看，工业生产平稳增长，规模以上工业增加值同比增长百分之六点二，高技术制造业增长较快。',
	'消费市场持续回暖',
	'上半年，全市社会消费品零售总额同比增长百分之八，餐饮、旅游等服务消费恢复明显，节假日消费尤其活跃。',
	'市统计局有关负责人表示，下半年将继续加强经济运行监测，为稳增长提供数据支撑，推动经济持续回升向好。',
].join('\n');
const menu = ['首页', '新闻', '体育', '财经', '娱乐', '科技', '汽车', '房产', '教育', '旅游', '登录', '注册'].join('\n');
const footer = ['关于我们', '联系我们', '广告服务', '网站地图', '版权声明', '招聘信息', '意见反馈', '友情链接'].join('\n');

describeRule('boilerplate.block', {
	flags: `⟦${menu}⟧\n${article}\n⟦${footer}⟧\n`,
	decoy: `${article}\n一是加强监测；\n二是优化服务；\n三是稳定预期。\n`,
	fix: { before: `${menu}\n${article}\n${footer}\n`, after: `${article}\n` },
});
