/**
 * The recognizer's helpers: the names list of the training text (a feature when the model is
 * trained with it), and a full name repeated in its line.
 */
import * as assert from 'node:assert/strict';
import { featureSlots, lineFeatures } from '../../server/src/service/entities/ner/features';
import { repeatedPersons } from '../../server/src/service/entities/ner/model';
import { NameLexicon, nameContinues, nameEntry } from '../../server/src/service/entities/ner/nameLexicon';
import { wordKeyOf } from '../../server/src/service/entities/ner/wordSet';

describe('the recognizer\'s features', () => {
	it('marks the longest known name starting and ending at each character', () => {
		const keys = [wordKeyOf('北京'), wordKeyOf('北京大学'), wordKeyOf('北京大')], entries = [nameEntry(2, 30, 40) | nameContinues, nameEntry(1, 9, 9), nameContinues];
		const names = new NameLexicon(keys, entries);
		const n = 6, start = new Uint8Array(n), startLength = new Uint8Array(n), end = new Uint8Array(n), endLength = new Uint8Array(n);
		names.mark('在北京大学', start, startLength, end, endLength);
		assert.equal(startLength[1], 4);
		assert.equal(start[1] & 3, 2, 'an organization');
		assert.equal(endLength[2], 2);
		assert.equal(endLength[4], 4);
		assert.equal(startLength[0], 0);
	});

	it('gives characters of one cluster the same cluster features, and none without clusters', () => {
		const clusters = new Uint16Array(65536);
		const put = (c: string, fine: number, coarse: number) => { clusters[c.charCodeAt(0)] = fine | coarse << 10; };
		put('王', 7, 2); put('李', 7, 2); put('在', 9, 3); put('说', 11, 3);
		const row = (line: string, at: number, withClusters = true) => {
			const f = lineFeatures(line, { clusters: withClusters ? clusters : undefined });
			return Array.from(f.subarray(at * featureSlots, (at + 1) * featureSlots));
		};
		const clusterSlots = (a: number[], b: number[]) => a.filter((h, k) => h !== 0 && h === b[k]).length;
		const wang = row('在王说', 1), li = row('在李说', 1), zai = row('在在说', 1);
		// 王 and 李 share their cluster features (and nothing else that names the character).
		assert.ok(clusterSlots(wang, li) > clusterSlots(wang, zai), `${clusterSlots(wang, li)} vs ${clusterSlots(wang, zai)}`);
		assert.ok(clusterSlots(row('在王说', 1, false), row('在李说', 1, false)) < clusterSlots(wang, zai), 'no cluster features without clusters');
	});

	it('takes a full name again where its line repeats it, not a two-character one', () => {
		const line = '副局长盛来运介绍了数据。盛来运说,王刚和王刚才到。';
		const found = repeatedPersons(line, [{ start: 3, end: 6, type: 'person' }, { start: 17, end: 19, type: 'person' }]);
		assert.deepEqual(found.map((s) => `${line.slice(s.start, s.end)}@${s.start}`), ['盛来运@3', '盛来运@12', '王刚@17']);
	});
});
