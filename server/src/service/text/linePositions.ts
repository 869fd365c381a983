/**
 * Offsets → line and character over a table of line starts (`\r\n`, `\n` and `\r` end a line, as
 * in CorpusDocument): one 32-bit integer per line, where the document's own lines are an object
 * and a string each. A worker turning the first problems of a 50 MB file of two million short
 * lines into diagnostics needs positions, not 200 MB of line objects.
 */
export interface Positions {
	positionAt(offset: number): { line: number; character: number };
}

export function linePositions(text: string): Positions {
	let n = 1;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { n++; }
	}
	const starts = new Int32Array(n);
	for (let i = 0, k = 1; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) { starts[k++] = i + 1; }
	}
	return {
		positionAt(offset) {
			let lo = 0, hi = starts.length - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >> 1;
				if (starts[mid] <= offset) { lo = mid; } else { hi = mid - 1; }
			}
			return { line: lo, character: offset - starts[lo] };
		},
	};
}
