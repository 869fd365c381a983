// Character scans that replace regular expressions on hot paths must match them exactly.
import * as assert from 'node:assert/strict';
import { keyOfFolded } from '../../server/src/service/boilerplate/lineKey';
import { foldTable, normalizeLine } from '../../server/src/service/boilerplate/normalize';
import { textStamp } from '../../server/src/service/text/stamp';
import { isSpaceUnit, unitTable } from '../../server/src/service/text/chars';
import { random } from '../support/random';

/** keyOfFolded as it was written with regular expressions. */
function keyByRegex(folded: string): string | undefined {
	if (folded.length < 2 || folded.length > 200) { return undefined; }
	const key = folded.replace(/\s+/g, ' ').replace(/\d+/g, '0');
	if (folded.length <= 40) { return key; }
	return /[。!?]["”」』)]?$/.test(key) ? undefined : `#${textStamp(key)}`;
}

describe('text scans', () => {
	it('isSpaceUnit is \\s for every UTF-16 unit', () => {
		for (let c = 0; c < 0x10000; c++) { assert.equal(isSpaceUnit(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`); }
	});

	it('unitTable marks exactly its characters\' units and ORs a second class into the same table', () => {
		const table = unitTable('。！？!?', 1);
		unitTable('，,。', 2, table);
		for (let c = 0; c < 0x10000; c++) {
			const ch = String.fromCharCode(c);
			const want = (/[。！？!?]/.test(ch) ? 1 : 0) | (/[，,。]/.test(ch) ? 2 : 0);
			assert.equal(table[c], want, `U+${c.toString(16)}`);
		}
	});

	it('a line key collapses spaces and digit runs as the regular expressions did (20,000 random lines)', () => {
		const next = random(7);
		const pieces = [' ', '  ', '\t', '\u00a0', '\u3000', '\u2003', '\ufeff', '\u200b', '0', '12', '2024', '٣', '１', 'a', 'Z', '新', '闻', '。', '!', '?', '”', ')', '|', '-', '更新于'];
		for (let k = 0; k < 20000; k++) {
			let line = '';
			const n = Math.floor(next() * 30);
			for (let i = 0; i < n; i++) { line += pieces[Math.floor(next() * pieces.length)]; }
			assert.equal(keyOfFolded(line), keyByRegex(line), JSON.stringify(line));
		}
	});
});

describe('normalizeLine', () => {
	/** normalizeLine as it was written: a piece per folded unit. */
	function byPieces(line: string): string {
		const t = foldTable();
		let out = '';
		let from = 0;
		for (let i = 0; i < line.length; i++) {
			const to = t[line.charCodeAt(i)];
			if (to !== 0) { out += line.slice(from, i) + String.fromCharCode(to); from = i + 1; }
		}
		return from === 0 ? line : out + line.slice(from);
	}

	it('folds as piece by piece did: 20,000 random lines, lone surrogates and a 100,000-unit text among them', () => {
		const next = random(11);
		const pieces = ['後', '后', '會', '会', '，', '：', '１', 'Ａ', 'ｚ', '　', 'a', ' ', '\ud842\udf9f', '\ud800', '\udc00', '。', '乾', '𠀋', '\u0000'];
		const lines = Array.from({ length: 20000 }, () => Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
		lines.push(Array.from({ length: 50000 }, () => pieces[Math.floor(next() * 10)]).join(''));
		for (const line of lines) { assert.equal(normalizeLine(line), byPieces(line), JSON.stringify(line.slice(0, 80))); }
	});
});
