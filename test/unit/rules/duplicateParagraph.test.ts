// duplicate.paragraph: a paragraph repeated later in the document; two sentences that share
// words and a shape but say different things are not repeats.
import { describeRule } from './ruleCases';

const lede = '市政府今天召开新闻发布会，介绍了全市经济运行情况。';
const repeated = '上半年全市经济稳中有进，主要指标好于预期，就业形势总体稳定。';

describeRule('duplicate.paragraph', {
	flags: `${lede}\n${repeated}\n会议要求各部门抓好落实。\n⟦${repeated}⟧\n`,
	decoy: `${lede}\n上半年全市经济稳中有进，主要指标好于预期。\n下半年全市经济有望加快，主要指标好于去年。\n`,
	fix: {
		before: '立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。\n預算案將於下週送交院會審查。\n立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。\n',
		after: '立法院今天三讀通過修正案，會議結束後，委員們接受了採訪。\n預算案將於下週送交院會審查。\n',
	},
});
