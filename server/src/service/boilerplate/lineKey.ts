/**
 * The key under which a line is counted across the corpus for template detection
 * (boilerplate.repeated-line and boilerplate.block): normalized (simplified, ASCII punctuation),
 * trimmed, whitespace collapsed, digit runs as 0, so that "更新于2024-01-02" and "更新於2023-12-31"
 * are one template line. A short line is its own key; a longer line that does not end a sentence
 * (a menu row, a footer, a copyright line) is keyed by its length and hash, so the index stays
 * small; paragraphs are not counted.
 */
import { textStamp } from '../text/stamp';
import { isAsciiDigit, isSpaceUnit, unitTable } from '../text/chars';
import { foldTable, normalizeLine } from './normalize';

export const repeatedLineMaxLength = 40;
/** Lines up to this long take part (a long menu row, a footer). */
export const templateLineMaxLength = 200;
/** A folded line that ends a sentence ends with a mark (1), perhaps closed by a quote or bracket (2): `/[。!?]["”」』)]?$/`. */
const SENTENCE_MARK = 1, CLOSER = 2;
const ending = unitTable('。!?', SENTENCE_MARK, unitTable('"”」』)', CLOSER));

/** Whether a folded line whose last two units are `beforeLast` and `last` ends a sentence. */
function endsSentence(beforeLast: number, last: number): boolean {
	return ending[last] === SENTENCE_MARK || (ending[last] === CLOSER && ending[beforeLast] === SENTENCE_MARK);
}

export function repeatedLineKey(text: string): string | undefined {
	const trimmed = text.trim();
	return trimmed.length < 2 || trimmed.length > templateLineMaxLength ? undefined : keyOfFolded(normalizeLine(trimmed));
}

/** The key of a line already folded (normalizeLine) and trimmed. */
export function keyOfFolded(folded: string): string | undefined {
	if (folded.length < 2 || folded.length > templateLineMaxLength) { return undefined; }
	if (folded.length <= repeatedLineMaxLength) { return collapsed(folded); }
	// Collapsing changes no sentence mark or closing quote at the end of a trimmed line.
	return endsSentence(folded.charCodeAt(folded.length - 2), folded.charCodeAt(folded.length - 1)) ? undefined : `#${textStamp(collapsed(folded))}`;
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

/**
 * The distinct keys of a text's lines (the first `max` of them): `repeatedLineKey` of each line
 * (cut at CR and LF; a line longer than the longest key's line with some spaces is skipped).
 * Line breaks are found with indexOf, and a line is trimmed in place (isSpaceUnit holds exactly
 * the units `trim` removes) and sliced only when it may have a key. A line longer than `repeatedLineMaxLength` that ends a sentence has none, and its
 * folded text ends a sentence exactly when its last two units folded do (folding maps unit to
 * unit: normalizeLine keeps the length), so such a line is neither sliced nor folded.
 */
export function repeatedLineKeys(text: string, max = Infinity): Set<string> {
	const keys = new Set<string>();
	const fold = foldTable();
	let lf = -1, cr = -1;
	for (let start = 0; start <= text.length && keys.size < max;) {
		if (lf !== text.length && lf < start) { lf = text.indexOf('\n', start); if (lf < 0) { lf = text.length; } }
		if (cr !== text.length && cr < start) { cr = text.indexOf('\r', start); if (cr < 0) { cr = text.length; } }
		const end = lf < cr ? lf : cr;
		if (end - start <= templateLineMaxLength + 8) {
			let a = start, b = end;
			while (a < b && isSpaceUnit(text.charCodeAt(a))) { a++; }
			while (b > a && isSpaceUnit(text.charCodeAt(b - 1))) { b--; }
			const length = b - a;
			const sentence = length > repeatedLineMaxLength && endsSentence(foldedUnit(fold, text.charCodeAt(b - 2)), foldedUnit(fold, text.charCodeAt(b - 1)));
			const key = length < 2 || length > templateLineMaxLength || sentence ? undefined : keyOfFolded(normalizeLine(text.slice(a, b)));
			if (key) { keys.add(key); }
		}
		start = end + 1;
	}
	return keys;
}

/** A unit as normalizeLine folds it. */
const foldedUnit = (fold: Uint16Array, c: number) => fold[c] || c;
