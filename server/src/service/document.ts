/**
 * A corpus document parsed once per version: its text and lines. Rules take this shared
 * object and never re-split the text (Harper's `Document`).
 */

export interface Line {
	/** UTF-16 offset of the first character. */
	readonly start: number;
	/** Offset just past the last character, before the line break. */
	readonly end: number;
	readonly text: string;
}

export class CorpusDocument {
	#lines: Line[] | undefined;

	constructor(
		readonly uri: string,
		readonly version: number,
		readonly text: string,
	) { }

	/** Lines without their breaks; `\r\n`, `\n` and `\r` all end a line. */
	get lines(): readonly Line[] {
		return this.#lines ??= splitLines(this.text);
	}

	/** Index of the line containing `offset` (binary search). */
	lineAt(offset: number): number {
		const lines = this.lines;
		let lo = 0;
		let hi = lines.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (lines[mid].start <= offset) { lo = mid; } else { hi = mid - 1; }
		}
		return lo;
	}

	/** Zero-based line and UTF-16 column of an offset. */
	positionAt(offset: number): { line: number; character: number } {
		const line = this.lineAt(offset);
		return { line, character: offset - this.lines[line].start };
	}
}

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			lines.push({ start, end: i, text: text.slice(start, i) });
			if (c === 13 && text.charCodeAt(i + 1) === 10) { i++; }
			start = i + 1;
		}
	}
	lines.push({ start, end: n, text: text.slice(start) });
	return lines;
}
