// mixed-script: a simplified leftover in traditional text (后 after 成立 is 後) and a traditional
// character in simplified text; 皇后 keeps its 后. The phrase-decided fix is a quick fix (fix-all
// applies only fixes that need no choice); the unambiguous one is applied by fix-all.
import { describeRule } from './ruleCases';

describeRule('mixed-script', {
	flags: '立法院今天三讀通過修正案，會議結束後，成立⟦后⟧的委員會將於下週開會。\n',
	decoy: '皇后樂團今天在臺北舉行演唱會，之後將前往香港。\n',
	fix: { before: '这是一個例子，我们今天讨论这个问题。\n', after: '这是一个例子，我们今天讨论这个问题。\n' },
});
