/**
 * The recognizer's helpers: the names list of the training text (a feature when the model is
 * trained with it), and a full name repeated in its line.
 */
import * as assert from 'node:assert/strict';
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

	it('takes a full name again where its line repeats it, not a two-character one', () => {
		const line = '副局长盛来运介绍了数据。盛来运说,王刚和王刚才到。';
		const found = repeatedPersons(line, [{ start: 3, end: 6, type: 'person' }, { start: 17, end: 19, type: 'person' }]);
		assert.deepEqual(found.map((s) => `${line.slice(s.start, s.end)}@${s.start}`), ['盛来运@3', '盛来运@12', '王刚@17']);
	});
});
