/**
 * Whole-document conversion for the "Convert document to …" commands, through opencc-js
 * (OpenCC's own dictionaries and segmentation). This is the only place OpenCC-standard forms
 * such as 峯/祕 are produced: detection accepts them but fixes write Taiwan forms.
 */
import { Converter } from 'opencc-js';
import type { TextEdit } from '../types';
import { convertShort, shortPresetsAvailable, shortText, type ShortPreset } from './shortConvert';

export type ConversionTarget = 'simplified' | 'traditional' | 'traditional-tw' | 'traditional-hk';

const presets: Record<ConversionTarget, { from: 'tw' | 'cn'; to: 'cn' | 't' | 'tw' | 'hk' }> = {
	'simplified': { from: 'tw', to: 'cn' },
	'traditional': { from: 'cn', to: 't' },
	'traditional-tw': { from: 'cn', to: 'tw' },
	'traditional-hk': { from: 'cn', to: 'hk' },
};
/** The same presets by the names opencc-js's Converter gives them (`s2${to}`, `${from}2s`). */
const shortPresets: Record<ConversionTarget, ShortPreset> = { 'simplified': 'tw2s', 'traditional': 's2t', 'traditional-tw': 's2tw', 'traditional-hk': 's2hk' };

const converters = new Map<ConversionTarget, (text: string) => string>();

export function convertText(text: string, target: ConversionTarget): string {
	// A name (entity.variant, hover, rename) without building opencc-js's trie: the same answer (shortConvert.ts).
	if (text.length <= shortText && shortPresetsAvailable) { return convertShort(text, shortPresets[target]); }
	let convert = converters.get(target);
	if (!convert) {
		convert = Converter(presets[target]);
		converters.set(target, convert);
	}
	return convert(text);
}

/** The edits that convert `text` to `target`: one per run of changed characters. */
export function conversionEdits(text: string, target: ConversionTarget): TextEdit[] {
	const converted = convertText(text, target);
	if (converted === text) { return []; }
	if (converted.length !== text.length) {
		let start = 0;
		while (start < text.length && text[start] === converted[start]) { start++; }
		let tail = 0;
		while (tail < text.length - start && text[text.length - 1 - tail] === converted[converted.length - 1 - tail]) { tail++; }
		return [{ start, end: text.length - tail, newText: converted.slice(start, converted.length - tail) }];
	}
	const edits: TextEdit[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) === converted.charCodeAt(i)) { continue; }
		let j = i + 1;
		while (j < text.length && text.charCodeAt(j) !== converted.charCodeAt(j)) { j++; }
		edits.push({ start: i, end: j, newText: converted.slice(i, j) });
		i = j;
	}
	return edits;
}
