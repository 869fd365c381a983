/**
 * Very large files are checked in parts: a 100 MB dump, or one line of 100 MB, would otherwise
 * hold a worker and its memory for the whole file at once. Each part (about a million UTF-16
 * units, cut at a line break, or inside a long line after a sentence end or a space, never inside
 * a surrogate pair) is checked as its own document and its findings are moved back to the file's
 * offsets. Rules that compare distant paragraphs see one part at a time; the caller says so.
 */
import { CorpusDocument } from './document';
import type { Translate } from './messages';
import type { Problem, RelatedLocation } from './types';

/** UTF-16 units per part. */
export const partSize = 1 << 20;

/** Where to cut `text` into parts of at most about `size` units: the start offset of each part. */
export function partStarts(text: string, size = partSize): number[] {
	const starts = [0];
	let start = 0;
	while (text.length - start > size) {
		const limit = start + size;
		let cut = text.lastIndexOf('\n', limit - 1) + 1;
		if (cut <= start + size / 2) { cut = softCut(text, start + size / 2, limit); }
		starts.push(cut);
		start = cut;
	}
	return starts;
}

/** A cut inside a long line: after the last sentence end or space before `limit`, else at `limit`, never splitting a surrogate pair. */
function softCut(text: string, from: number, limit: number): number {
	for (let i = limit - 1; i > from; i--) {
		const c = text.charCodeAt(i);
		if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x20 || c === 0x2e) { return i + 1; }
	}
	const c = text.charCodeAt(limit - 1);
	return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * Checks `doc` whole when it is small, else part by part with `check(part, false)`; the second
 * argument says whether the part is the whole document (views with file positions, such as
 * shared passages, only apply then).
 */
export function checkInParts(doc: CorpusDocument, check: (part: CorpusDocument, whole: boolean) => Problem[], size = partSize): Problem[] {
	if (doc.text.length <= size) { return check(doc, true); }
	const starts = partStarts(doc.text, size);
	const out: Problem[] = [];
	starts.forEach((start, i) => {
		const end = i + 1 < starts.length ? starts[i + 1] : doc.text.length;
		const part = new CorpusDocument(doc.uri, doc.version, doc.text.slice(start, end));
		for (const p of check(part, false)) { out.push(shift(p, start)); }
	});
	return out;
}

function shift(p: Problem, by: number): Problem {
	return {
		...p,
		start: p.start + by,
		end: p.end + by,
		fixes: p.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: e.start + by, end: e.end + by })) })),
		related: p.related?.map((r): RelatedLocation => r.uri === undefined ? { ...r, start: r.start + by, end: r.end + by } : r),
	};
}

/** The note a file checked in parts gets (`file.large`), or undefined when it is checked whole. */
export function partsNote(text: string, t: Translate, size = partSize): string | undefined {
	const parts = partStarts(text, size).length;
	return parts > 1 ? t('file.large', text.length.toLocaleString('en'), parts, size.toLocaleString('en')) : undefined;
}
