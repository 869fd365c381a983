// boilerplate.repeated-line: a short line that recurs across the corpus (here in all four
// files, with the threshold lowered to three); a line of this file only, and a recurring line
// another rule recognizes, are not reported.
import { describeRule } from './ruleCases';

const body = '市政府今天召开新闻发布会，介绍了全市经济运行情况。';
const slogan = '本栏目每日更新敬请关注';
const others = ['区里组织志愿者清理河道垃圾，居民纷纷参与。', '新建的图书馆本周开放，首日接待读者三千人次。', '本市公交线路调整，新增两条夜间线路。'];
const corpus = Object.fromEntries(others.map((text, i) => [`${'abc'[i]}.txt`, `${text}\n${slogan}\n责任编辑：王小明\n`]));

describeRule('boilerplate.repeated-line', {
	options: { repeatedLineMinFiles: 3 },
	corpus,
	flags: `${body}\n⟦${slogan}⟧\n`,
	decoy: `${body}\n本栏目今天暂停更新\n责任编辑：王小明\n`,
	fix: { before: `${slogan}\n${body}\n`, after: `${body}\n` },
});
