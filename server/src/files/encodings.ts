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

/** Whether files in this encoding (a detectEncoding name) can be written back at all. */
export const canWriteBack = (encoding: string) => codecs[encoding] !== undefined && iconv.encodingExists(codecs[encoding]);

/** Big5 bytes as text with the Hong Kong characters (HKSCS) as Unicode; undefined when a byte pair is not Big5-HKSCS. */
export function decodeBig5(bytes: Uint8Array): string | undefined {
	const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5hkscs');
	return text.includes('\ufffd') ? undefined : text;
}

/** The text cannot be written back losslessly in the file's encoding: nothing is written. */
export class EncodingRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EncodingRefused';
	}
}

const show = (chars: Iterable<string>) => [...new Set(chars)].slice(0, 10).map((c) => `‘${c}’ (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');

/**
 * Produces the new bytes of a file in a legacy encoding, stretch after stretch of its text (the
 * parts of a large file, in order): the original bytes where nothing changed, the edits' text
 * encoded. Throws `EncodingRefused` (with the characters named) when that cannot be lossless.
 */
export class LegacyWriter {
	readonly #codec: string;
	#at: number;

	/** `original`: the file's bytes, whose text (after `prefix` bytes of byte-order mark) is in `encoding`. */
	constructor(private readonly original: Buffer, prefix: number, private readonly encoding: string) {
		const codec = codecs[encoding];
		if (!codec || !iconv.encodingExists(codec)) { throw new EncodingRefused(`${encoding} files are not written back (convert the file to UTF-8 first)`); }
		this.#codec = codec;
		this.#at = prefix;
	}

	/** The bytes of `text` (the next stretch of the file's text) with sorted, non-overlapping `edits` of it applied. */
	part(text: string, edits: readonly TextEdit[]): Buffer[] {
		const out: Buffer[] = [];
		let from = 0;
		for (const e of edits) {
			this.#keep(text, from, e.start, out);
			this.#keep(text, e.start, e.end);
			const inserted = iconv.encode(e.newText, this.#codec);
			if (iconv.decode(inserted, this.#codec) !== e.newText) {
				throw new EncodingRefused(`${show([...e.newText].filter((c) => iconv.decode(iconv.encode(c, this.#codec), this.#codec) !== c))} cannot be written in ${this.encoding}`);
			}
			out.push(inserted);
			from = e.end;
		}
		this.#keep(text, from, text.length, out);
		return out;
	}

	/** Checks that the whole of the original was accounted for. */
	end(): void {
		if (this.#at !== this.original.length) { throw new EncodingRefused(`the end of the file does not read back as ${this.encoding}`); }
	}

	/** Takes the original bytes of text[start, end) (into `out` when given) when that text encodes to exactly them. */
	#keep(text: string, start: number, end: number, out?: Buffer[]): void {
		if (start === end) { return; }
		const segment = text.slice(start, end);
		const bytes = iconv.encode(segment, this.#codec);
		const at = this.#at;
		if (at + bytes.length > this.original.length || !this.original.subarray(at, at + bytes.length).equals(bytes)) {
			throw new EncodingRefused(`${firstMismatch(this.original, at, segment, this.#codec)} cannot be written back in ${this.encoding} unchanged`);
		}
		out?.push(this.original.subarray(at, at + bytes.length));
		this.#at += bytes.length;
	}
}

/** The whole file's new bytes at once (see `LegacyWriter`), or why not. */
export function encodeEdited(original: Buffer, prefix: number, text: string, edits: readonly TextEdit[], encoding: string): { bytes: Buffer[] } | { refused: string } {
	try {
		const writer = new LegacyWriter(original, prefix, encoding);
		const bytes = [original.subarray(0, prefix), ...writer.part(text, edits)];
		writer.end();
		return { bytes };
	} catch (e) {
		if (e instanceof EncodingRefused) { return { refused: e.message }; }
		throw e;
	}
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
