// boilerplate.repeated-line: template text — lines this file shares with the other pages cut
// from the same template (here five pages: three report it, five make its fix certain), reported
// as one finding per run; a single line that other files happen to hold is not a template, nor
// are lines another rule reports.
import { describeRule } from './ruleCases';

const body = '市政府今天召开新闻发布会，介绍了全市经济运行情况。会议指出，上半年全市经济稳中有进，主要指标好于预期。';
const template = ['本栏目每日更新敬请关注', '城市生活频道 第0期', '投稿邮箱见本站首页'];
const others = ['区里组织志愿者清理河道垃圾，居民纷纷参与，河道面貌焕然一新。', '新建的图书馆本周开放，首日接待读者三千人次，市民好评如潮。', '本市公交线路调整，新增两条夜间线路，方便市民夜间出行。', '气象台预计周末有小到中雨，气温略有下降，提醒市民注意出行安全。'];
const corpus = Object.fromEntries(others.map((text, i) => [`${'abcd'[i]}.txt`, `${template.join('\n').replace('0', String(i + 1))}\n${text}\n责任编辑：王小明\n`]));

describeRule('boilerplate.repeated-line', {
	corpus,
	flags: `${body}\n⟦${template.join('\n')}⟧\n`,
	decoy: `${body}\n${template[0]}\n本栏目今天暂停更新\n责任编辑：王小明\n`,
	fix: { before: `${template.join('\n')}\n${body}\n`, after: `${body}\n` },
});
