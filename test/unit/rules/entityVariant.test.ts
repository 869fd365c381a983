// entity.variant: a person written two ways across the corpus (same pinyin, one character
// apart); the rarer spelling is flagged with the common one as a quick fix, never by fix-all.
// A different person with the same surname and title is not a variant. Names are invented.
import { describeRule } from './ruleCases';

const common = { 'a.txt': '市统计局副局长刘志远介绍了上半年经济数据。刘志远说，就业形势稳定。\n' };

describeRule('entity.variant', {
	corpus: common,
	flags: '市统计局副局长⟦刘志源⟧在会上介绍了数据。\n',
	decoy: '市统计局副局长刘志强在会上介绍了数据。\n',
	fix: { before: '市统计局副局长刘志源在会上介绍了数据。\n', after: '市统计局副局长刘志远在会上介绍了数据。\n' },
	fixBy: 'quick-fix',
});
