/**
 * unicode.invisible — characters a reader cannot see that break search, segmentation and
 * deduplication: zero-width spaces and joiners, word joiners, soft hyphens, bidi controls, and a
 * byte-order mark anywhere but at the very start of the file. A zero-width joiner inside an
 * emoji sequence is part of the emoji and is kept.
 */
import type { Finding, Rule } from '../types';

const id = 'unicode.invisible';

const names: Record<number, string> = {
	0x00ad: 'SOFT HYPHEN', 0x034f: 'COMBINING GRAPHEME JOINER', 0x180e: 'MONGOLIAN VOWEL SEPARATOR',
	0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
	0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
	0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS',
	0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
	0xfeff: 'BYTE ORDER MARK',
};
/** 1 for the units this rule reports: exactly the ones it has a name for. */
const invisibleUnits = new Uint8Array(0x10000);
for (const code of Object.keys(names)) { invisibleUnits[Number(code)] = 1; }
const pictograph = /\p{Extended_Pictographic}/u;
/** The offsets of a line without any (most lines): one shared array. */
const none: number[] = [];

/** The offsets of the line's invisible characters: a scan of its units (no regular expression's match object per character). */
function invisibleIn(line: string): number[] {
	let offsets: number[] | undefined;
	for (let i = 0; i < line.length; i++) { if (invisibleUnits[line.charCodeAt(i)] === 1) { (offsets ??= []).push(i); } }
	return offsets ?? none;
}

export const unicodeInvisible: Rule = {
	id,
	description: 'Invisible characters inside the text: zero-width characters, soft hyphens, bidi controls, a byte-order mark after the start.',
	defaultSeverity: 'warning',
	*check(doc, ctx): Iterable<Finding> {
		const text = doc.text;
		// Found per line (an edit of a large document looks at the lines it changed), judged on the
		// document's text: a joiner's neighbours may lie across a line break.
		const found = ctx.cache<number[]>('invisible').perLine(doc, invisibleIn);
		const lines = doc.lines;
		// Indexed, not for-of: in a generator each for-of over a line's (mostly empty) list allocates
		// an iterator and its last result, ≈ 300 KB per check of a 1 MB document.
		for (let n = 0; n < lines.length; n++) {
			const offsets = found[n];
			for (let k = 0; k < offsets.length; k++) { yield* judged(lines[n].start + offsets[k]); }
		}

		function* judged(at: number): Iterable<Finding> {
			const cp = text.charCodeAt(at);
			if (cp === 0xfeff && at === 0) { return; }
			if (cp === 0x200d && (pictograph.test(text.slice(Math.max(0, at - 2), at)) || pictograph.test(text.slice(at + 1, at + 3)))) { return; }
			const name = `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${names[cp]}`;
			yield {
				ruleId: id, start: at, end: at + 1, message: ctx.t('unicode.invisible', name),
				fixes: [{ title: ctx.t('fix.deleteCharacter', name), edits: [{ start: at, end: at + 1, newText: '' }], isPreferred: true, safe: true }],
			};
		}
	},
};
