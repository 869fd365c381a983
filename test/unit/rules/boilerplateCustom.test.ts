// boilerplate.custom: the user's RE2 patterns, a whole line (delete-line) or a span
// (delete-match); a sentence that merely contains the words does not match the anchored pattern.
import { describeRule } from './ruleCases';

const body = '市政府今天召开新闻发布会，介绍了全市经济运行情况。';

describeRule('boilerplate.custom', {
	options: { customPatterns: [{ id: 'generated', regex: '^本文由.{1,12}自动生成$' }, { id: 'slot', regex: '【广告位[^】]*】', fix: 'delete-match' }] },
	flags: `${body}\n⟦本文由写稿机器人自动生成⟧\n`,
	decoy: `${body}\n本文介绍的摘要由系统自动生成，编辑仍需把关。\n`,
	fix: { before: `${body}【广告位招租】\n`, after: `${body}\n` },
});
