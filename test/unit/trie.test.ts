/**
 * The flat trie of the entity matcher and the recognizer's word lists, against a brute-force
 * matcher (every substring looked up in a Map): random names over a small alphabet (so names
 * share prefixes, one-unit names and longer ones start with the same unit, and the child table
 * grows several times), values overwritten, text that holds most of them.
 */
import * as assert from 'node:assert/strict';
import { Trie } from '../../server/src/service/entities/trie';

function seeded(seed: number): () => number {
	return () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
}

describe('the trie', () => {
	it('finds every name the brute-force matcher finds, with its value, and the longest at each start', () => {
		const random = seeded(7);
		const alphabet = '中国人民大学北京市长江三角洲港澳台ab·';
		const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
		for (let round = 0; round < 60; round++) {
			const trie = new Trie(), names = new Map<string, number>();
			const count = Math.floor(random() * 2_000);
			for (let k = 0; k < count; k++) {
				const name = word(1 + Math.floor(random() * 6)), value = Math.floor(random() * 1_000);
				trie.add(name, value);
				names.set(name, value);
			}
			assert.equal(trie.size, names.size);
			const text = word(400);
			const expected: { start: number; end: number; value: number }[] = [];
			for (let start = 0; start < text.length; start++) {
				for (let end = start + 1; end <= Math.min(text.length, start + 6); end++) {
					const value = names.get(text.slice(start, end));
					if (value !== undefined) { expected.push({ start, end, value }); }
				}
			}
			assert.deepEqual(trie.matches(text), expected, `round ${round}`);
			for (let start = 0; start < text.length; start++) {
				const end = Math.min(text.length, start + Math.floor(random() * 8));
				const longest = expected.filter((m) => m.start === start && m.end <= end).pop();
				assert.equal(trie.longestAt(text, start, end), longest ? longest.end - start : 0);
				if (longest) { assert.equal(trie.lastValue, longest.value); }
			}
		}
	});

	it('grows its child table over the adds that follow, finding every name meanwhile', () => {
		// Copying every edge at once into a table twice the size held the server's thread up to 120 ms (its table of the corpus's names).
		const random = seeded(11);
		const alphabet = '中国人民大学北京市长江三角洲港澳台ab·';
		const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
		const trie = new Trie(), names = new Map<string, number>();
		let addsWhileGrowing = 0, checkedWhileGrowing = 0;
		for (let k = 0; k < 6_000; k++) {
			const name = word(1 + Math.floor(random() * 7)), value = Math.floor(random() * 1_000);
			trie.add(name, value);
			names.set(name, value);
			if (trie.growing) { addsWhileGrowing++; }
			if (k % 97 === 0 || (trie.growing && k % 3 === 0)) {
				if (trie.growing) { checkedWhileGrowing++; }
				// One lookup (a lookup copies a step of the growing table too).
				const text = [...names.keys()].slice(-40).join('') + word(60);
				const expected: { start: number; end: number; value: number }[] = [];
				for (let start = 0; start < text.length; start++) {
					for (let end = start + 1; end <= Math.min(text.length, start + 7); end++) {
						const value = names.get(text.slice(start, end));
						if (value !== undefined) { expected.push({ start, end, value }); }
					}
				}
				assert.deepEqual(trie.matches(text), expected, `after ${k} adds`);
			}
		}
		assert.equal(trie.size, names.size);
		// Built in bulk and left growing: the lookups that follow finish it (it does not stay in two tables).
		for (const lookup of [(t: Trie) => t.longestAt('中国', 0, 2), (t: Trie) => t.matches('中国')]) {
			const bulk = new Trie();
			for (let k = 0; !bulk.growing; k++) { bulk.add(word(6), k); }
			for (let i = 0; i < 1_000 && bulk.growing; i++) { lookup(bulk); }
			assert.ok(!bulk.growing, 'still growing after 1,000 lookups');
		}
		assert.ok(addsWhileGrowing > 100, `${addsWhileGrowing} adds while the table grew`);
		assert.ok(checkedWhileGrowing > 30, `${checkedWhileGrowing} checks while the table grew`);
	});
});
