/**
 * Writing a file back in its legacy encoding without losing a byte. The new bytes are the
 * original bytes wherever the text is unchanged and the edits' text encoded in between; before
 * that is accepted, every unchanged stretch must encode to exactly the bytes it was read from,
 * and every inserted text must decode back to itself. Otherwise nothing is written and the
 * characters that cannot be written back are named (a Big5-HKSCS character the encoder does not
 * know, a byte sequence two characters share…).
 *
 * Big5 is read and written with iconv-lite's Big5-HKSCS tables: Node's decoder maps the Hong
 * Kong characters (`88 40`, `87 40`, `fe fe`, `c8 79`…) to private-use code points, which no
 * encoder writes back.
 */
import iconv from 'iconv-lite';
import type { TextEdit } from '../service/types';

/** The iconv-lite codec that writes each encoding detectEncoding names (ISO-2022-JP is stateful: not written). */
const codecs: Record<string, string> = {
	'GB18030': 'gb18030', 'Big5': 'big5hkscs', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be', 'Shift_JIS': 'shift_jis',
	'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr', 'windows-1252': 'windows-1252', 'ISO-8859-1': 'iso-8859-1',
};

/** Big5 bytes as text with the Hong Kong characters (HKSCS) as Unicode; undefined when a byte pair is not Big5-HKSCS. */
export function decodeBig5(bytes: Uint8Array): string | undefined {
	const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5hkscs');
	return text.includes('\ufffd') ? undefined : text;
}

export type Encoded =
	| { readonly bytes: Buffer[] }
	| { readonly refused: string };

const show = (chars: Iterable<string>) => [...new Set(chars)].slice(0, 10).map((c) => `‘${c}’ (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');

/**
 * The bytes of `original` (whose text, after `prefix` bytes of byte-order mark, is `text` in
 * `encoding`) with sorted, non-overlapping `edits` of that text applied: the original bytes
 * where nothing changed. Refused (with the characters named) when that cannot be lossless.
 */
export function encodeEdited(original: Buffer, prefix: number, text: string, edits: readonly TextEdit[], encoding: string): Encoded {
	const codec = codecs[encoding];
	if (!codec || !iconv.encodingExists(codec)) { return { refused: `${encoding} files are not written back (convert the file to UTF-8 first)` }; }
	const out: Buffer[] = [original.subarray(0, prefix)];
	let at = prefix;
	let from = 0;
	/** Takes the original bytes of text[start, end) when that text encodes to exactly them. */
	const keep = (start: number, end: number, copy: boolean): string | undefined => {
		if (start === end) { return undefined; }
		const segment = text.slice(start, end);
		const bytes = iconv.encode(segment, codec);
		if (at + bytes.length > original.length || !original.subarray(at, at + bytes.length).equals(bytes)) { return firstMismatch(original, at, segment, codec); }
		if (copy) { out.push(original.subarray(at, at + bytes.length)); }
		at += bytes.length;
		return undefined;
	};
	for (const e of edits) {
		const bad = keep(from, e.start, true) ?? keep(e.start, e.end, false);
		if (bad !== undefined) { return { refused: `${bad} cannot be written back in ${encoding} unchanged` }; }
		const inserted = iconv.encode(e.newText, codec);
		if (iconv.decode(inserted, codec) !== e.newText) {
			return { refused: `${show([...e.newText].filter((c) => iconv.decode(iconv.encode(c, codec), codec) !== c))} cannot be written in ${encoding}` };
		}
		out.push(inserted);
		from = e.end;
	}
	const bad = keep(from, text.length, true);
	if (bad !== undefined) { return { refused: `${bad} cannot be written back in ${encoding} unchanged` }; }
	if (at !== original.length) { return { refused: `the end of the file does not read back as ${encoding}` }; }
	return { bytes: out };
}

/** The first character of `segment` whose bytes differ from the original's at `at`, named. */
function firstMismatch(original: Buffer, at: number, segment: string, codec: string): string {
	let pos = at;
	for (const c of segment) {
		const bytes = iconv.encode(c, codec);
		if (!original.subarray(pos, pos + bytes.length).equals(bytes)) {
			return `${show([c])} at byte ${pos} (${original.subarray(pos, pos + 2).toString('hex').replace(/(..)(?=.)/g, '$1 ')})`;
		}
		pos += bytes.length;
	}
	return `the text near byte ${pos}`;
}
