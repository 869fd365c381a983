// punctuation.width: the minority ASCII comma among full-width ones; a document that uses ASCII
// commas throughout is consistent and left alone.
import { describeRule } from './ruleCases';

describeRule('punctuation.width', {
	flags: '他表示，会议很成功，成果丰富。她说⟦,⟧还要继续努力，争取更好成绩。\n',
	decoy: '他表示,会议很成功,成果丰富。她说,还要继续努力,争取更好成绩。\n',
	fix: { before: '他表示：會議很成功，成果豐富。她說,還要繼續努力，爭取更好成績。\n', after: '他表示：會議很成功，成果豐富。她說，還要繼續努力，爭取更好成績。\n' },
});
