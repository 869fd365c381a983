// boilerplate.related: a “related reading” heading and the headlines under it, one finding;
// the same words opening a sentence are content.
import { describeRule } from './ruleCases';

const body = '市政府今天召开新闻发布会，介绍了全市经济运行情况。会议指出，上半年全市经济稳中有进。';
// A headline with its timestamp is an item too, however long (`… 2024-07-13 09:00:04`).
const list = '相关阅读\n全市上半年经济数据发布\n市长调研重点项目建设 现场察看多个在建工地 了解施工进度和安全生产情况 2024-07-13 09:00:04\n一季度消费市场回暖明显';

describeRule('boilerplate.related', {
	flags: `${body}\n\n⟦${list}⟧\n`,
	decoy: `${body}\n相关阅读材料已经发给各位代表，请大家会后认真学习。\n`,
	fix: {
		before: '市政府今天召開新聞發佈會，介紹了全市經濟運行情況。會議指出，上半年全市經濟穩中有進。\n\n相關閱讀\n全市上半年經濟數據發佈\n市長調研重點項目建設\n一季度消費市場回暖明顯\n',
		after: '市政府今天召開新聞發佈會，介紹了全市經濟運行情況。會議指出，上半年全市經濟穩中有進。\n\n',
	},
});
