/**
 * The corpus workers' jobs on texts of more than one part: tagging a large text part after part
 * (cut at line ends, memory collected between parts) tallies exactly the names of one pass over
 * the whole text, at the same offsets.
 */
import * as assert from 'node:assert/strict';
import { createJobRunner } from '../../server/src/worker/jobs';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { discover } from '../../server/src/service/entities/discovery';
import { tallyFound } from '../../server/src/service/entities/discoveryTally';
import { partSize } from '../../server/src/service/parts';
import type { DiscoverResult } from '../../server/src/worker/protocol';

describe('the corpus workers\' jobs on large texts', function () {
	this.timeout(120000);

	it('tags a text of three parts as one pass does', async () => {
		const jieba = jiebaSegmenter();
		const lines = ['国家统计局局长康义在发布会上介绍，今年经济运行总体平稳。', '台北市信義區里長林文華表示，社區防颱準備已完成。', '据报道，国家统计局副局长盛莱运在北京出席会议。', '', 'short'];
		const out: string[] = [];
		let length = 0;
		// Repeated lines (tagged once, then cached), with a line of its own every 5,000 so that the cuts fall between different lines.
		for (let i = 0; length < 2.5 * partSize; i++) {
			const line = i % 5000 === 0 ? `${i}：世界互联网大会秘书长任贤良${i}日在乌镇表示` : lines[i % lines.length];
			out.push(line);
			length += line.length + 1;
		}
		const text = out.join('\r\n');
		const runner = createJobRunner(jieba, false);
		const parts = await runner.run({ kind: 'discover', uri: 'file:///large.txt', text }) as DiscoverResult;
		const found = discover(text, jieba);
		assert.ok(found.length > 100_000, `${found.length} names`);
		const whole = tallyFound(found);
		assert.equal(parts.found!.spans.length, found.length * 2);
		assert.deepEqual(parts.found, whole);
		assert.deepEqual([...whole.spans.slice(0, 4)], [found[0].start, found[0].end, found[1].start, found[1].end]);
	});
});
