/**
 * The key under which a line is counted across the corpus for template detection
 * (boilerplate.repeated-line and boilerplate.block): normalized (simplified, ASCII punctuation),
 * trimmed, whitespace collapsed, digit runs as 0, so that "更新于2024-01-02" and "更新於2023-12-31"
 * are one template line. A short line is its own key; a longer line that does not end a sentence
 * (a menu row, a footer, a copyright line) is keyed by its length and hash, so the index stays
 * small; paragraphs are not counted.
 */
import { textStamp } from '../text/stamp';
import { normalizeLine } from './normalize';

export const repeatedLineMaxLength = 40;
/** Lines up to this long take part (a long menu row, a footer). */
export const templateLineMaxLength = 200;
const endsSentence = /[。!?]["”」』)]?$/;

export function repeatedLineKey(text: string): string | undefined {
	const trimmed = text.trim();
	return trimmed.length < 2 || trimmed.length > templateLineMaxLength ? undefined : keyOfFolded(normalizeLine(trimmed));
}

/** The key of a line already folded (normalizeLine) and trimmed. */
export function keyOfFolded(folded: string): string | undefined {
	if (folded.length < 2 || folded.length > templateLineMaxLength) { return undefined; }
	const key = folded.replace(/\s+/g, ' ').replace(/\d+/g, '0');
	if (folded.length <= repeatedLineMaxLength) { return key; }
	return endsSentence.test(key) ? undefined : `#${textStamp(key)}`;
}

/** The distinct keys of a text's lines (the first `max` of them). */
export function repeatedLineKeys(text: string, max = Infinity): Set<string> {
	const keys = new Set<string>();
	let start = 0;
	for (let i = 0; i <= text.length && keys.size < max; i++) {
		const c = i < text.length ? text.charCodeAt(i) : 10;
		if (c !== 10 && c !== 13) { continue; }
		if (i - start <= templateLineMaxLength + 8) {
			const key = repeatedLineKey(text.slice(start, i));
			if (key) { keys.add(key); }
		}
		start = i + 1;
	}
	return keys;
}
