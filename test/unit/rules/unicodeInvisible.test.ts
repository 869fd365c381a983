// unicode.invisible: a zero-width space and a soft hyphen inside text; a byte-order mark at the
// very start and a zero-width joiner inside an emoji sequence belong there.
import { describeRule } from './ruleCases';

describeRule('unicode.invisible', {
	flags: '市政府今天⟦\u200b⟧召开新闻发布会，介绍了全市⟦\u00ad⟧经济运行情况。\n',
	decoy: '\ufeff市政府今天召开新闻发布会。👨\u200d👩\n',
	fix: { before: '市政府\u2060今天召開新聞\ufeff發佈會。\n', after: '市政府今天召開新聞發佈會。\n' },
});
