// boilerplate.spam: commercial gambling wording injected into a title is stripped, the title
// stays; a crime report about gambling is news.
import { describeRule } from './ruleCases';

describeRule('boilerplate.spam', {
	flags: '农产品冷链物流建设提速⟦-澳门网上赌场⟧\n市政府今天召开新闻发布会，介绍了全市经济运行情况。\n',
	decoy: '警方近日破获一起网络赌博案件，查获涉案资金数千万元，抓获犯罪嫌疑人十二名。\n',
	fix: {
		before: '農產品冷鏈物流建設提速-澳門網上賭場\n市政府今天召開新聞發佈會，介紹了全市經濟運行情況。\n',
		after: '農產品冷鏈物流建設提速\n市政府今天召開新聞發佈會，介紹了全市經濟運行情況。\n',
	},
});
