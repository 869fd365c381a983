// unicode.noise: pinyin glued to a character, mojibake and U+FFFD; Latin words, alphanumerics
// and whole words of other scripts are not noise. Only the pinyin fix is applied by fix-all.
import { describeRule } from './ruleCases';

describeRule('unicode.noise', {
	flags: '市政府今天召开新闻⟦锟斤拷⟧发布会⟦\ufffd⟧，介绍了全市经济运行情况。\n',
	decoy: 'GSMA发布了5G报告，пример和한국어词语出现在外文段落 Hello World 中。\n',
	fix: { before: '市政府今天召開新聞發(fā)佈會，介紹了全市經濟運行情況。\n', after: '市政府今天召開新聞發佈會，介紹了全市經濟運行情況。\n' },
});
