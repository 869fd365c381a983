// layout.blank: a line of full-width spaces between paragraphs separated by empty lines is
// emptied; the same spaces as paragraph indentation, in a document without empty separators, stay.
import { describeRule } from './ruleCases';

const paragraphs = ['市政府今天召开新闻发布会，介绍了全市经济运行情况。', '会议要求各部门抓好落实。', '下半年要继续扩大内需。', '稳定就业。'];

describeRule('layout.blank', {
	flags: `${paragraphs[0]}\n\n${paragraphs[1]}\n⟦\u3000\u3000⟧\n${paragraphs[2]}\n\n${paragraphs[3]}\n`,
	decoy: `${paragraphs[0]}\n\u3000\u3000${paragraphs[1]}\n\u3000\u3000\n${paragraphs[2]}\n${paragraphs[3]}\n這是第五段。\n`,
	fix: {
		before: `${paragraphs[0]}\n\n${paragraphs[1]}\n \t\u00a0\n${paragraphs[2]}\n\n${paragraphs[3]}\n`,
		after: `${paragraphs[0]}\n\n${paragraphs[1]}\n\n${paragraphs[2]}\n\n${paragraphs[3]}\n`,
	},
});
