// jieba's words the mixed-script judge reads (script/context.ts `WordsOf`): each Han run's cut is
// remembered per segmenter across lines and files, since the same clauses recur. The answers must
// be the cut of the run itself, whichever line asks first, and segmenters never share their cuts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WordsOf } from '../../server/src/service/script/context';
import type { Segmenter } from '../../server/src/service/types';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { random } from '../support/random';
import { seedsDir } from './helpers';

const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** [start, end) of the word holding `at`, from a cut of its Han run made here and now. */
function plainCutAt(segmenter: Segmenter, text: string, at: number): [number, number] | undefined {
	let start = at;
	while (start > 0 && isHan(text.charCodeAt(start - 1))) { start--; }
	let end = at;
	while (end < text.length && isHan(text.charCodeAt(end))) { end++; }
	let e = start;
	for (const w of segmenter.cut(text.slice(start, end))) {
		if (at < e + w.length) { return e + w.length <= end ? [e, e + w.length] : undefined; }
		e += w.length;
	}
	return undefined;
}

function sharedLines(): string[] {
	const webPages = path.resolve(seedsDir, '..', 'web-pages');
	return [seedsDir, webPages].filter((d) => fs.existsSync(d)).flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(d, f), 'utf8'))).flatMap((t) => t.split(/\r?\n/));
}

function generatedLines(): string[] {
	const next = random(9);
	const clauses = ['记者从市政府获悉', '今年以来', '全市共完成', '台风来袭', '皇后来了', '互联网大会', '据悉'];
	// Generated lines repeat clauses, as templates do, in different company.
	const generated = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => clauses[Math.floor(next() * clauses.length)] + (next() < 0.5 ? '，' : '')).join(''));
	return generated;
}

describe('the judge\'s words', () => {
	it('are the cut of each run itself, however often the run recurs', () => {
		const jieba = jiebaSegmenter();
		let calls = 0;
		const counting: Segmenter = { cut: (t) => { calls++; return jieba.cut(t); } };
		const generated = generatedLines();
		for (const [pass, all] of [[1, [...sharedLines(), ...generated]], [2, generated]] as const) {
			calls = 0;
			for (const line of all) {
				const words = new WordsOf(counting);
				for (let at = 0; at < line.length; at += 3) {
					assert.deepEqual(words.cutAt(line, at), plainCutAt(jieba, line, at), `${line} @${at}`);
				}
			}
			// The second pass over the generated lines finds every run remembered (fewer than the 4,096 kept).
			if (pass === 2) { assert.equal(calls, 0); }
		}
	});

	it('are never another segmenter\'s', () => {
		const whole: Segmenter = { cut: (t) => [t] };
		const single: Segmenter = { cut: (t) => [...t] };
		assert.deepEqual(new WordsOf(whole).cutAt('北京大学', 1), [0, 4]);
		assert.deepEqual(new WordsOf(single).cutAt('北京大学', 1), [1, 2]);
		assert.deepEqual(new WordsOf(whole).cutAt('北京大学', 2), [0, 4]);
	});
});
