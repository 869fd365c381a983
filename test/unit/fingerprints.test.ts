// Winnowing fingerprints (duplicates/fingerprints.ts) scan once with a table and winnow by
// rescanning a window only when its minimum leaves it. They must equal the textbook computation
// written out plainly here: fold, keep the significant characters, hash every shingle from
// scratch, and take the rightmost minimum of every window.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusTexts } from '../../bench/corpusFolder';
import { fingerprints, Fingerprints, mix, shingle, windowSize } from '../../server/src/service/duplicates/fingerprints';
import { foldTable } from '../../server/src/service/boilerplate/normalize';
import { random } from '../support/random';
import { seedsDir } from './helpers';

const isSignificant = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

function plainFingerprints(text: string): { hashes: number[]; positions: number[]; offsets: number[] } {
	const fold = foldTable();
	const codes: number[] = [], offsets: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const c = fold[text.charCodeAt(i)] || text.charCodeAt(i);
		if (isSignificant(c)) { codes.push(c); offsets.push(i); }
	}
	const shingles: number[] = [];
	for (let s = 0; s + shingle <= codes.length; s++) {
		let h = 0;
		for (let k = s; k < s + shingle; k++) { h = (Math.imul(h, 0x01000193) + codes[k]) | 0; }
		shingles.push(mix(h));
	}
	const hashes: number[] = [], positions: number[] = [];
	// Every full window, or the one short window of a text with fewer shingles than a window.
	const windows = shingles.length === 0 ? 0 : Math.max(1, shingles.length - windowSize + 1);
	for (let w = 0; w < windows; w++) {
		let min = w;
		for (let i = w; i < Math.min(w + windowSize, shingles.length); i++) { if (shingles[i] <= shingles[min]) { min = i; } }
		if (positions[positions.length - 1] !== min) { hashes.push(shingles[min]); positions.push(min); }
	}
	return { hashes, positions, offsets };
}

function check(text: string): Fingerprints {
	const got = fingerprints(text);
	const plain = plainFingerprints(text);
	const label = JSON.stringify(text.slice(0, 60));
	assert.deepEqual([...got.offsets], plain.offsets, label);
	assert.deepEqual([...got.positions], plain.positions, label);
	assert.deepEqual([...got.hashes], plain.hashes, label);
	return got;
}

function sharedTexts(dir: string): string[] {
	if (!fs.existsSync(dir)) { return []; }
	return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

describe('fingerprints', () => {
	it('are the plain computation on random texts (every unit of the BMP, and small alphabets that repeat shingles)', () => {
		const rand = random(18);
		const han = '的一是了不在人有我他這个们中来上大为和国地到以说时要就出也得里后自之';
		const alphabets = [han, 'ab', 'aab', '國国a1１，。 \n', han.slice(0, 4) + '，。'];
		for (let t = 0; t < 3000; t++) {
			const length = Math.floor(rand() * (t % 10 === 0 ? 3000 : 200));
			const alphabet = alphabets[t % alphabets.length];
			let text = '';
			for (let i = 0; i < length; i++) {
				text += t % 7 === 0 ? String.fromCharCode(Math.floor(rand() * 0x10000)) : alphabet[Math.floor(rand() * alphabet.length)];
			}
			check(text);
		}
	});

	it('take the rightmost of equal minima, on periodic texts whose windows hold equal shingles', () => {
		for (const unit of ['ab', 'abc', '天地', 'x', '甲乙丙丁']) {
			for (const times of [5, 20, 40, 200]) {
				check(unit.repeat(times));
			}
		}
		// Every shingle of one repeated letter is equal: the first window's print is its last shingle, and each next window's too.
		const same = check('x'.repeat(200));
		assert.deepEqual([...same.positions], Array.from({ length: 200 - shingle + 1 - windowSize + 1 }, (_, w) => w + windowSize - 1));
	});

	it('are the plain computation on the shared seeds and web pages and on 200 bench files, and longer than the kept scratch', function () {
		const texts = [...sharedTexts(seedsDir), ...sharedTexts(path.resolve(seedsDir, '..', 'web-pages'))];
		for (const [, text] of corpusTexts({ files: 200, seed: 7 })) { texts.push(text); }
		for (const text of texts) { check(text); }
		// Past 65,536 units a text gets its own scratch arrays.
		check(texts.join('\n').repeat(2).slice(0, 200_000));
	});
});
