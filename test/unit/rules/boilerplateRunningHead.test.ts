// boilerplate.running-head: a line a PDF or printed document repeats page after page (its title
// at the top of every page), every occurrence but the first; a table row whose label repeats with
// other figures, or a line held only twice, is not one. Information: the fix is the user's.
import { describeRule } from './ruleCases';

const head = '江州市年度水资源公报';
const pages = [
	'全年全市平均降水量1420毫米，比上年偏多百分之八，比多年平均偏多百分之五，时空分布不均。',
	'全市地表水资源量98.6亿立方米，地下水资源量21.3亿立方米，水资源总量比上年有所增加。',
	'全年总供水量31.2亿立方米，其中地表水源供水量占百分之九十，地下水源供水量占百分之七。',
	'全市用水效率继续提高，万元地区生产总值用水量比上年下降百分之四，农田灌溉水有效利用系数提高。',
];
const pdf = (mark: (line: string) => string) =>
	`${head}\n${pages[0]}\n${pages[1]}\n— 1 —\n${mark(head)}\n${pages[2]}\n— 2 —\n${mark(head)}\n${pages[3]}\n`;

describeRule('boilerplate.running-head', {
	flags: pdf((line) => `⟦${line}⟧`),
	decoy: `${head}\n${pages[0]}\n城镇生活用水量 3.1\n${pages[1]}\n城镇生活用水量 3.8\n${pages[2]}\n城镇生活用水量 3.4\n${head}\n${pages[3]}\n`,
	fix: { before: pdf((line) => line), after: pdf((line) => line).replace(`— 1 —\n${head}\n`, '— 1 —\n') },
	fixBy: 'quick-fix',
});
