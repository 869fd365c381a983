// duplicate.document: a passage of ≥ 150 characters shared with another corpus file; a shorter
// quotation is not. Its fix deletes the passage here and is applied one at a time, never by fix-all.
import { describeRule } from './ruleCases';

const passage = '市政府今天召开新闻发布会，介绍了全市上半年经济运行情况。会议指出，上半年全市经济稳中有进，主要指标好于预期，'
	+ '就业形势总体稳定，居民收入持续增长。下半年，全市将继续扩大有效投资，促进消费回升，加快重点项目建设，推动经济持续回升向好。'
	+ '市统计局负责人在会上回答了记者提问，并表示将按月发布主要经济数据，接受社会监督。与会代表还就优化营商环境、支持民营企业发展、'
	+ '加强生态环境保护等问题进行了深入讨论，提出了许多具体建议。';
const other = `区里组织志愿者清理河道垃圾，居民纷纷参与，河道环境明显改善。\n${passage}\n活动结束后，志愿者还向居民宣传了垃圾分类知识。\n`;
const opening = '另一篇报道从别的角度切入，介绍了当地的情况和居民的看法。';
const closing = '记者还采访了多位专家，他们提出了不同的建议和意见。';
// Winnowing finds the shared passage to within a few characters of its ends.
const found = passage.slice(7, -5);

describeRule('duplicate.document', {
	corpus: { 'a.txt': other },
	flags: `${opening}\n${passage.slice(0, 7)}⟦${found}⟧${passage.slice(-5)}\n${closing}\n`,
	decoy: `${opening}\n${passage.slice(0, 100)}\n${closing}\n`,
	fix: {
		before: `${opening}\n${passage}\n${closing}\n`,
		after: `${opening}\n${passage.slice(0, 7)}${passage.slice(-5)}\n${closing}\n`,
	},
	fixBy: 'quick-fix',
});
