/**
 * The key under which a line is counted across the corpus for template detection
 * (boilerplate.repeated-line and boilerplate.block): normalized (simplified, ASCII punctuation),
 * trimmed, whitespace collapsed, digit runs as 0, so that "更新于2024-01-02" and "更新於2023-12-31"
 * are one template line. A short line is its own key; a longer line that does not end a sentence
 * (a menu row, a footer, a copyright line) is keyed by its length and hash, so the index stays
 * small; paragraphs are not counted.
 */
import { textStamp } from '../text/stamp';
import { isAsciiDigit, isSpaceUnit } from '../text/chars';
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
	if (folded.length <= repeatedLineMaxLength) { return collapsed(folded); }
	// Collapsing changes no sentence mark or closing quote at the end of a trimmed line.
	return endsSentence.test(folded) ? undefined : `#${textStamp(collapsed(folded))}`;
}

/** `folded.replace(/\s+/g, ' ').replace(/\d+/g, '0')` in one pass (the line itself when it holds neither). */
function collapsed(folded: string): string {
	let out = '';
	let from = 0;
	for (let i = 0; i < folded.length; i++) {
		const c = folded.charCodeAt(i);
		const digit = c >= 0x30 && c <= 0x39;
		if (!digit && !isSpaceUnit(c)) { continue; }
		let end = i + 1;
		while (end < folded.length && (digit ? isAsciiDigit(folded.charCodeAt(end)) : isSpaceUnit(folded.charCodeAt(end)))) { end++; }
		out += folded.slice(from, i) + (digit ? '0' : ' ');
		from = end;
		i = end - 1;
	}
	return from === 0 ? folded : out + folded.slice(from);
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
