// boilerplate.reactions: a mood widget with its counters, one finding; a sentence about a
// reader's mood is content.
import { describeRule } from './ruleCases';

const body = '市政府今天召开新闻发布会，介绍了全市经济运行情况。会议指出，上半年全市经济稳中有进。';

describeRule('boilerplate.reactions', {
	flags: `${body}\n⟦您此时的心情\n开心 0\n难过 0\n愤怒 0⟧\n`,
	decoy: `${body}\n他说，您此时的心情我们完全理解，开心的事情总会到来。\n`,
	fix: { before: `${body}\n您此时的心情\n开心 3\n难过 1\n`, after: `${body}\n` },
});
