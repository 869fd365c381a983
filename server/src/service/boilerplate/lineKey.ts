/**
 * The key under which a short line is counted across the corpus for boilerplate.repeated-line:
 * normalized (simplified, ASCII punctuation), trimmed, whitespace collapsed, digit runs as 0, so
 * that "更新于2024-01-02" and "更新於2023-12-31" are one template line.
 */
import { normalizeLine } from './normalize';

export const repeatedLineMaxLength = 40;

export function repeatedLineKey(text: string): string | undefined {
	const trimmed = text.trim();
	if (trimmed.length < 2 || trimmed.length > repeatedLineMaxLength) { return undefined; }
	return normalizeLine(trimmed).replace(/\s+/g, ' ').replace(/\d+/g, '0');
}

/** The distinct keys of a text's short lines (the first `max` of them). */
export function repeatedLineKeys(text: string, max = Infinity): Set<string> {
	const keys = new Set<string>();
	let start = 0;
	for (let i = 0; i <= text.length && keys.size < max; i++) {
		const c = i < text.length ? text.charCodeAt(i) : 10;
		if (c !== 10 && c !== 13) { continue; }
		if (i - start <= repeatedLineMaxLength + 8) {
			const key = repeatedLineKey(text.slice(start, i));
			if (key) { keys.add(key); }
		}
		start = i + 1;
	}
	return keys;
}
