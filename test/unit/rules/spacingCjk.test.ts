// spacing.cjk: spaces PDF extraction put between digits and Han characters; spaces between the
// names of a byline and next to a Latin word mean something.
import { describeRule } from './ruleCases';

describeRule('spacing.cjk', {
	flags: '11⟦ ⟧月9⟦ ⟧日至11⟦ ⟧日，大会在乌镇举办。\n',
	decoy: '（记者 王小明 李小红）人工智能 AI 技术正在普及。\n',
	fix: { before: '2023 年11 月，大會在烏鎮舉辦。\n', after: '2023年11月，大會在烏鎮舉辦。\n' },
});
