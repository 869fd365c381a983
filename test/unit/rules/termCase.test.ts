// term.case: known terms in the wrong case; the same letters inside addresses and longer words
// (5GHz) are other words.
import { describeRule } from './ruleCases';

describeRule('term.case', {
	flags: '运营商已开通⟦5g⟧网络，并支持⟦ipv6⟧访问。\n',
	decoy: '详见 https://github.com/x 与 www.wechat.com 的说明，5GHz 频段另议。\n',
	fix: { before: '支持IPV6與harmonyos。\n', after: '支持IPv6與HarmonyOS。\n' },
	options: { terms: ['HarmonyOS'] },
});
