import * as assert from 'node:assert/strict';
import { reusingLastUri } from '../../client/src/lastUri';

describe('the client\'s URI converter (lastUri.ts)', () => {
	it('parses a URI once per run of equal strings and gives every other string its own parse', () => {
		const parsed: string[] = [];
		const convert = reusingLastUri((value: string) => { parsed.push(value); return { value }; });
		const a = 'file:///c/%E6%96%B0%E9%97%BB/a.txt', b = 'file:///c/b.txt';
		const out = [a, a, a, b, b, a].map(convert);
		assert.deepEqual(parsed, [a, b, a]);
		assert.deepEqual(out.map((u) => u.value), [a, a, a, b, b, a]);
		assert.equal(out[0], out[2]);
		assert.notEqual(out[2], out[5], 'a string met again after another is parsed again');
	});

	it('keeps nothing from a parse that failed', () => {
		const convert = reusingLastUri((value: string) => { if (value === 'bad') { throw new Error('bad URI'); } return { value }; });
		assert.equal(convert('file:///a').value, 'file:///a');
		assert.throws(() => convert('bad'));
		assert.throws(() => convert('bad'), 'a failed parse is not reused as the last one');
		assert.equal(convert('file:///a').value, 'file:///a');
	});
});
