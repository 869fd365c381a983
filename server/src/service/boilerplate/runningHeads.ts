/**
 * Running heads: the title or section name a PDF or a printed edition repeats at the top or foot
 * of every page, left in the text between the pages' paragraphs. A line is one when the document
 * holds it at least three times, apart (other lines between every two of them), it is not prose,
 * not only a number and not a labelled field (`地点：…`), it has at least six letters, and the
 * document repeats at most three such lines (more are its own structure: a programme, a table).
 * Page numbers at its edges do not count (`经济月刊 ·12·`), digits inside it do (a table row
 * `合计 312 4.5` is not a repeat of `合计 298 3.9`). The first occurrence may be the document's
 * title: it is never one.
 */
import type { Analysis } from './analysis';
import { prose } from './features';
import type { LineShape } from './lineShape';

/** Occurrences a line needs to be a running head. */
export const runningHeadRepeats = 3;
const minLetters = 6;
/** Distinct running heads a document may have. */
const maxHeads = 3;

/** A page number at either edge of the line, with the dots, dashes and brackets printed around it. */
const edgeNumber = /^[\s\-—–·•|([第]*\d{1,4}(?![\d.])|(?<![\d.])\d{1,4}[\s\-—–·•|)\]页]*$/g;
const letters = /[\p{L}]/gu;

/**
 * The key under which a line is compared with the document's other lines when it may be a running
 * head (page numbers at its edges removed), else undefined. `folded`: the line folded and trimmed
 * (normalize.ts; folding keeps every space a space). Computed once per distinct line (the page
 * analysis keeps it).
 */
export function headKey(folded: string, s: LineShape | undefined): string | undefined {
	if (!s || s.numeric || s.labelled || s.length < minLetters || s.length > 80 || prose(s)) { return undefined; }
	const key = folded.replace(/\s+/g, ' ').replace(edgeNumber, '');
	return (key.match(letters)?.length ?? 0) < minLetters ? undefined : key;
}

/** Per line: how many times the document holds it when it is a running head and not its first occurrence, else 0. */
export function runningHeads(lines: readonly { readonly text: string }[], a: Analysis): Int32Array {
	const out = new Int32Array(lines.length);
	const where = new Map<string, number[]>();
	for (let i = 0; i < lines.length; i++) {
		const key = a.headKeys[i];
		if (key === undefined) { continue; }
		const list = where.get(key);
		if (list) { list.push(i); } else { where.set(key, [i]); }
	}
	const heads = [...where.values()].filter((at) => at.length >= runningHeadRepeats && at.every((line, k) => k === 0 || line - at[k - 1] >= 3));
	// A page has a head and a foot, a book a left and a right head: more lines repeated are the
	// document's own structure (a programme's rooms, a table's rows), not its pages.
	if (heads.length > maxHeads) { return out; }
	for (const at of heads) { for (const i of at.slice(1)) { out[i] = at.length; } }
	return out;
}
