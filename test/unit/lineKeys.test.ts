// The line keys of a text (boilerplate/lineKey.ts repeatedLineKeys) find line breaks with indexOf,
// trim in place and skip long sentence-ending lines by their last two units, unfolded and
// unsliced. They must be the keys of the text split and keyed plainly, line by line, with the
// expressions the keys are defined by.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusTexts } from '../../bench/corpusFolder';
import { repeatedLineKeys, repeatedLineMaxLength, templateLineMaxLength } from '../../server/src/service/boilerplate/lineKey';
import { normalizeLine } from '../../server/src/service/boilerplate/normalize';
import { isSpaceUnit } from '../../server/src/service/text/chars';
import { textStamp } from '../../server/src/service/text/stamp';
import { random } from '../support/random';
import { seedsDir } from './helpers';

function plainKey(line: string): string | undefined {
	const trimmed = line.trim();
	if (trimmed.length < 2 || trimmed.length > templateLineMaxLength) { return undefined; }
	const folded = normalizeLine(trimmed);
	const collapsed = folded.replace(/\s+/g, ' ').replace(/\d+/g, '0');
	if (folded.length <= repeatedLineMaxLength) { return collapsed; }
	return /[。!?]["”」』)]?$/.test(folded) ? undefined : `#${textStamp(collapsed)}`;
}

function plainKeys(text: string, max = Infinity): string[] {
	const keys = new Set<string>();
	for (const line of text.split(/[\r\n]/)) {
		if (keys.size >= max) { break; }
		if (line.length > templateLineMaxLength + 8) { continue; }
		const key = plainKey(line);
		if (key) { keys.add(key); }
	}
	return [...keys];
}

function check(text: string, max?: number): void {
	assert.deepEqual([...repeatedLineKeys(text, max)], plainKeys(text, max), JSON.stringify(text.slice(0, 80)));
}

function sharedTexts(dir: string): string[] {
	if (!fs.existsSync(dir)) { return []; }
	return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Pieces of lines around every threshold: sentence marks and closers in both widths, spaces of every kind, digits, breaks. */
const pieces = [...'的是國中文字', '12', '１２', ...'。！？!?.…', ...'"”」』)）', ...' \t\u3000\u00a0\u2028\ufeff', '\n', '\r', '\r\n', 'abc'];

function randomText(rand: () => number): string {
	let text = '';
	const lines = 1 + Math.floor(rand() * 8);
	for (let l = 0; l < lines; l++) {
		// Lengths on both sides of 2, 40, 200 and 208.
		const target = [1, 3, 38, 42, 60, 198, 203, 207, 212][Math.floor(rand() * 9)];
		let line = '';
		while (line.length < target) { line += rand() < 0.7 ? '文' : pieces[Math.floor(rand() * pieces.length)]; }
		text += line + ['\n', '\r\n', '\r', ''][Math.floor(rand() * 4)];
	}
	return text;
}

describe('line keys of a text', () => {
	it('trim as String.prototype.trim does (every BMP unit)', () => {
		for (let c = 0; c < 0x10000; c++) { assert.equal(isSpaceUnit(c), String.fromCharCode(c).trim() === '', c.toString(16)); }
	});

	it('are the plain keys of its lines, on random texts and with a cap', () => {
		const rand = random(21);
		for (let t = 0; t < 6000; t++) {
			const text = randomText(rand);
			check(text);
			check(text, 1 + Math.floor(rand() * 3));
		}
		for (const edge of ['', '\n', '\r\n', 'ab', 'ab\n', '\nab', 'a', `${'文'.repeat(41)}。`, `${'文'.repeat(41)}!」`, `${'文'.repeat(41)}」`, `${'文'.repeat(41)}。 `, `\n\r${' '.repeat(8)}${'文'.repeat(200)}`, `\r\r${' '.repeat(7)}${'文'.repeat(200)}\r`]) { check(edge); }
		// A break right after a break: the raw line's length (at most 208) counts no break.
		assert.equal(repeatedLineKeys(`\r\r\r${' '.repeat(8)}${'文'.repeat(200)}`).size, 1);
		// A long line ending a sentence has no key; without its mark it has one.
		assert.equal(repeatedLineKeys(`${'文'.repeat(41)}！”\n`).size, 0);
		assert.equal(repeatedLineKeys(`${'文'.repeat(41)}”\n`).size, 1);
	});

	it('are the plain keys of its lines, on the shared seeds and web pages and 300 bench files', () => {
		const texts = [...sharedTexts(seedsDir), ...sharedTexts(path.resolve(seedsDir, '..', 'web-pages'))];
		for (const [, text] of corpusTexts({ files: 300, seed: 9 })) { texts.push(text); }
		for (const text of texts) { check(text); check(text, 10); }
	});
});
