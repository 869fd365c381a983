/**
 * The conversion of short texts (names) against opencc-js's own Converter, preset by preset:
 * every phrase of the presets' dictionaries alone, and random texts made of phrases, their
 * conversions, characters OpenCC normalizes, other scripts, surrogate pairs and ideographic
 * description sequences (complete and cut), up to the short path's length.
 */
import * as assert from 'node:assert/strict';
import { Converter, ConverterFactory, Locale } from 'opencc-js';
import { convertShort, PhraseMap, shortPresetsAvailable, shortText, type ShortPreset } from '../../server/src/service/script/shortConvert';
import { convertText, type ConversionTarget } from '../../server/src/service/script/convert';

function seeded(seed: number): () => number {
	return () => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x80000000; };
}

const presets: { name: ShortPreset; target: ConversionTarget; from: string; to: string }[] = [
	{ name: 's2t', target: 'traditional', from: 'cn', to: 't' },
	{ name: 's2tw', target: 'traditional-tw', from: 'cn', to: 'tw' },
	{ name: 's2hk', target: 'traditional-hk', from: 'cn', to: 'hk' },
	{ name: 'tw2s', target: 'simplified', from: 'tw', to: 'cn' },
];

/** Every source and replacement of a preset's dictionaries (the strings in opencc-js's locale data). */
function phrasesOf(name: ShortPreset): string[] {
	const config = Locale.configs![name] as unknown as Record<string, unknown>;
	const out: string[] = [];
	const visit = (x: unknown): void => {
		if (typeof x === 'string') { for (const entry of x.split('|')) { out.push(...entry.split(' ').filter((s) => s.length > 0)); } } else if (Array.isArray(x)) { x.forEach(visit); }
	};
	Object.values(config).forEach(visit);
	return out;
}

describe('short conversion', () => {
	it('finds the presets\' dictionaries in this opencc-js', () => { assert.ok(shortPresetsAvailable); });

	for (const p of presets) {
		const converter = Converter({ from: p.from, to: p.to });
		const phrases = phrasesOf(p.name).filter((s) => s.length <= shortText);

		it(`converts each phrase of ${p.name} as opencc-js does`, () => {
			for (const phrase of phrases) { assert.equal(convertShort(phrase, p.name), converter(phrase), phrase); }
			assert.ok(phrases.length > 1000, `${phrases.length} phrases`);
		});

		it(`converts random short texts of ${p.name} as opencc-js does`, () => {
			const random = seeded(p.name.length * 31 + 5);
			const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
			const pieces = [
				() => pick(phrases),
				() => { const s = pick(phrases); return s.slice(0, 1 + Math.floor(random() * s.length)); },
				() => { const s = pick(phrases); return s.slice(Math.floor(random() * s.length)); },
				() => pick(['·', ' ', 'A', '1', '，', '「', '」', '𠀀', '𪚥', '\ud840', '⿰', '⿲', '⿰木', '⿰木木', '⿱⿰木木木', 'の', '-']),
			];
			for (let round = 0; round < 20_000; round++) {
				let text = '';
				const count = 1 + Math.floor(random() * 5);
				for (let k = 0; k < count; k++) { text += pick(pieces)(); }
				text = text.slice(0, shortText);
				assert.equal(convertShort(text, p.name), converter(text), JSON.stringify(text));
				assert.equal(convertText(text, p.target), converter(text), JSON.stringify(text));
			}
		});
	}

	it('takes a phrase held by two dictionaries of a group from the first, and the longest match, as opencc-js does', () => {
		// The presets' groups hold no such clash today (checked): a synthetic group keeps the order tested.
		const group = ['甲 A|甲乙 B|乙 C', '甲 D|乙丙 E|丙 F|甲乙丙 G'];
		const ours = new PhraseMap(group), theirs = ConverterFactory(group);
		for (const text of ['甲', '乙', '丙', '甲乙', '乙丙', '甲乙丙', '甲乙丙丁甲', '丁甲乙甲']) { assert.equal(ours.convert(text), theirs(text), text); }
	});

	it('leaves longer texts to opencc-js', () => {
		const text = '后来他们在台湾发表了这篇文章。'.repeat(6);
		assert.ok(text.length > shortText);
		assert.equal(convertText(text, 'traditional'), Converter({ from: 'cn', to: 't' })(text));
	});
});
