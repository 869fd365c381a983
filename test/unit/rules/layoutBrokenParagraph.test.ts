// layout.broken-paragraph: a paragraph cut mid-word by newspaper columns (发挥了重 | 要作用) is
// joined with its continuation by a reviewed move; a finished paragraph followed by one starting
// with the same character is not a cut.
import { describeRule } from './ruleCases';

const cut = '市政府今天召开新闻发布会。会议指出，各部门在经济工作中发挥了重';
const between = '下半年要继续扩大内需，稳定就业。';
const continuation = '要作用，取得了明显成效。';

describeRule('layout.broken-paragraph', {
	flags: `${cut.slice(0, -1)}⟦重⟧\n${between}\n${continuation}\n`,
	decoy: `${cut}要作用。\n${between}\n要坚持稳中求进，推动高质量发展。\n`,
	fix: { before: `${cut}\n${between}\n${continuation}\n`, after: `${cut}${continuation}\n${between}\n` },
	fixBy: 'quick-fix',
});
