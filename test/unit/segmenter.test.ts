// jieba's cut of many texts in one call (segmenter.ts `cutMany`, joined by line breaks and split
// at them) must give each text exactly the words of cutting it alone: layout.broken-paragraph's
// joins depend on every word.
import * as assert from 'node:assert/strict';
import { cutJoined, jiebaSegmenter } from '../../server/src/segmenter';
import { random } from '../support/random';

const jieba = jiebaSegmenter();
/** Pieces a text edge may hold: words, single characters of both scripts, ASCII runs jieba keeps whole, spaces, marks, a surrogate pair. */
const pieces = ['重', '要', '重要', '尽管', '管理', '部门', '發揮', '了', '作用', '，', '。', '、', '“', '”', '2024', '年', '3', '.', '%', '-', '_', '#', '&', '+',
	'abc', 'GDP', 'x', ' ', '  ', '\t', '　', '（', '）', '(', ')', '𠀋', '😀', '中华人民共和国', '记者', '王', '小明', '烏鎮', '峰會', 'ｅ', '·', '—'];

describe('segmenter: cutMany', () => {
	it('gives every text the words of cutting it alone (3,000 random texts in batches of 1–60)', () => {
		const next = random(18);
		let checked = 0;
		while (checked < 3000) {
			const texts = Array.from({ length: 1 + Math.floor(next() * 60) }, () => {
				let t = '';
				const n = Math.floor(next() * 8);
				for (let i = 0; i < n; i++) { t += pieces[Math.floor(next() * pieces.length)]; }
				return t;
			});
			assert.deepEqual(jieba.cutMany!(texts), texts.map((t) => jieba.cut(t)), JSON.stringify(texts));
			checked += texts.length;
		}
	});

	it('cuts texts holding a line break or a carriage return one by one', () => {
		const texts = ['重要\n作用', '管理\r', '\r\n', '', '尽管'];
		assert.deepEqual(jieba.cutMany!(texts), texts.map((t) => jieba.cut(t)));
		// Joined, these would be split at the wrong places: the guard is what keeps them right.
		const joined = { cut: (t: string) => jieba.cut(t) };
		assert.deepEqual(cutJoined(joined, texts), texts.map((t) => jieba.cut(t)));
	});
});
