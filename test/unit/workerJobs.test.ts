/**
 * The corpus workers' jobs on texts of more than one part: tagging a large text part after part
 * (cut at line ends, memory collected between parts) tallies exactly the names of one pass over
 * the whole text, at the same offsets.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJobRunner } from '../../server/src/worker/jobs';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { discover } from '../../server/src/service/entities/discovery';
import { tallyFound } from '../../server/src/service/entities/discoveryTally';
import { partSize } from '../../server/src/service/parts';
import type { DiscoverResult, MatchResult } from '../../server/src/worker/protocol';
import { matchNames } from '../../server/src/service/entities/matcher';
import { NameList } from '../../server/src/worker/nameList';
import type { NameRow } from '../../server/src/service/entities/entityTable';
import { textStamp } from '../../server/src/service/text/stamp';
import { readCorpusFileInParts } from '../../server/src/files/partReader';

describe('the corpus workers\' jobs on large texts', function () {
	this.timeout(120000);

	const jieba = jiebaSegmenter();

	/** About 2.5 parts of lines, some repeated (tagged once, then cached), with a line of its own every 5,000 so that the cuts fall between different lines. */
	function largeText(): string {
		const lines = ['国家统计局局长康义在发布会上介绍，今年经济运行总体平稳。', '台北市信義區里長林文華表示，社區防颱準備已完成。', '据报道，国家统计局副局长盛莱运在北京出席会议。', '', 'short'];
		const out: string[] = [];
		let length = 0;
		for (let i = 0; length < 2.5 * partSize; i++) {
			const line = i % 5000 === 0 ? `${i}：世界互联网大会秘书长任贤良${i}日在乌镇表示` : lines[i % lines.length];
			out.push(line);
			length += line.length + 1;
		}
		return out.join('\r\n');
	}

	it('tags a text of three parts as one pass does', async () => {
		const text = largeText();
		const runner = createJobRunner(jieba, false);
		const parts = await runner.run({ kind: 'discover', uri: 'file:///large.txt', text }) as DiscoverResult;
		const found = discover(text, jieba);
		assert.ok(found.length > 100_000, `${found.length} names`);
		const whole = tallyFound(found);
		assert.equal(parts.found!.spans.length, found.length * 2);
		assert.deepEqual(parts.found, whole);
		assert.deepEqual([...whole.spans.slice(0, 4)], [found[0].start, found[0].end, found[1].start, found[1].end]);
	});

	it('tags and matches a large closed file read part after part as one pass over its whole text does', async () => {
		const text = `\ufeff${largeText()}`;
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-parts-'));
		const file = path.join(dir, 'large.txt');
		fs.writeFileSync(file, text);
		const whole = text.slice(1);
		try {
			const runner = createJobRunner(jieba, false);
			const uri = pathToFileURL(file).href;
			const tagged = await runner.run({ kind: 'discover', uri }) as DiscoverResult;
			const found = tallyFound(discover(whole, jieba));
			assert.equal(tagged.stamp, textStamp(whole));
			assert.deepEqual(tagged.found, found);
			// Names as the server sends them: every key found, some spreading (matched where they were not found).
			const rows: NameRow[] = found.voteKeys.map((key, i) => ({ id: i + 1, keys: [key], type: found.voteTypes[i], gazetteer: false, spreads: i % 2 === 0 }));
			runner.control({ kind: 'names', reset: true, rows });
			const names = new NameList();
			names.update(rows, true);
			const matched = await runner.run({ kind: 'match', uri, found: found.spans }) as MatchResult;
			const expected = matchNames(whole, found.spans, names, jieba.nameModel?.words);
			assert.ok(expected.mentions.length > 400_000, `${expected.mentions.length / 4} mentions`);
			assert.ok(expected.variants.length > 0, 'some traditional spellings');
			assert.deepEqual(matched.matches, expected);
			// An open document's text, given: matched part after part too.
			const given = await runner.run({ kind: 'match', uri: 'file:///open.txt', found: found.spans, text: whole }) as MatchResult;
			assert.deepEqual(given.matches, expected);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('indexes, tags and matches an open document in steps (pausing between them) as one pass does', async () => {
		// Lines of varied lengths and a line of 9,000 units: steps end at line ends, not after a fixed count of units.
		const text = largeText().slice(0, 300_000) + `\r\n${'国家统计局局长康义表示'.repeat(900)}\r\n康义`;
		let pauses = 0;
		const stepped = createJobRunner(jieba, false, () => { pauses++; });
		const plain = createJobRunner(jieba, false);
		const uri = 'file:///open.txt';
		const tagged = await stepped.run({ kind: 'discover', uri, text, yields: true }) as DiscoverResult;
		const found = tallyFound(discover(text, jieba));
		assert.deepEqual(tagged.found, found);
		assert.ok(pauses >= text.length / 4096 - 10, `${pauses} pauses`);
		const rows: NameRow[] = found.voteKeys.map((key, i) => ({ id: i + 1, keys: [key], type: found.voteTypes[i], gazetteer: false, spreads: i % 2 === 0 }));
		const names = new NameList();
		names.update(rows, true);
		for (const runner of [stepped, plain]) { runner.control({ kind: 'names', reset: true, rows }); }
		pauses = 0;
		const matched = await stepped.run({ kind: 'match', uri, found: found.spans, text, yields: true }) as MatchResult;
		const expected = matchNames(text, found.spans, names, jieba.nameModel?.words);
		assert.ok(expected.mentions.length > 4 * 10_000, `${expected.mentions.length / 4} mentions`);
		assert.deepEqual(matched.matches, expected);
		assert.ok(pauses >= text.length / 4096 - 10, `${pauses} pauses`);
		const indexed = await stepped.run({ kind: 'index', uri, text, found: found.spans, yields: true });
		assert.deepEqual(indexed, await plain.run({ kind: 'index', uri, text, found: found.spans }));
	});

	it('reads a file in parts ending at line breaks, or says why it cannot', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-parts-'));
		try {
			const file = path.join(dir, 'a.txt');
			const text = Array.from({ length: 3000 }, (_, i) => `第${i}行，今天天气很好。`).join('\n');
			fs.writeFileSync(file, text);
			const parts: string[] = [];
			const outcome = readCorpusFileInParts(file, 2 ** 30, (part, offset) => { assert.equal(offset, parts.join('').length); parts.push(part); }, 1000);
			assert.equal(outcome.skipped ? outcome.detail : outcome.stamp, textStamp(text));
			assert.equal(parts.join(''), text);
			assert.ok(parts.length > 10);
			for (const p of parts.slice(0, -1)) { assert.ok(p.endsWith('\n') && p.length > 1000); }
			fs.writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, 5000)), Buffer.from([0xb9, 0xfa, 0xbc, 0xd2, 0xff]), Buffer.from('\n')]));
			assert.equal(readCorpusFileInParts(file, 2 ** 30, () => undefined, 1000).skipped, 'encoding');
			fs.writeFileSync(file, Buffer.from([0x61, 0, 0x62]));
			assert.equal(readCorpusFileInParts(file, 2 ** 30, () => undefined).skipped, 'binary');
			fs.writeFileSync(file, text);
			assert.equal(readCorpusFileInParts(file, 1000, () => undefined).skipped, 'too-large');
			assert.equal(readCorpusFileInParts(path.join(dir, 'none.txt'), 1000, () => undefined).skipped, 'missing');
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
