/**
 * Reading a corpus file from disk as text, or saying why not. A corpus holds whatever a scraper
 * wrote: binary files, files in legacy encodings, huge dumps. None of them may be checked as
 * garbage or stall the server; each gets a reason the user sees on the file.
 */
import { readFileSync, statSync } from 'node:fs';
import chardet from 'chardet';
import { decodeBig5 } from './encodings';
import { settingDefault } from '../settingSchema';
export { textStamp } from '../service/text/stamp';

/** `missing`: gone since it was listed (deleted during a scan): forgotten without a message. */
export type SkipReason = 'binary' | 'too-large' | 'encoding' | 'unreadable' | 'missing';

export type ReadOutcome =
	| { readonly text: string; readonly bytes: number; readonly skipped?: undefined }
	| { readonly text?: undefined; readonly skipped: SkipReason; readonly detail: string; readonly encoding?: string; readonly size?: number; readonly limit?: number };

/** Bytes looked at for NUL and control characters. */
const sniffBytes = 8192;

/** zhCorpus.files.maxSizeMB's default, in bytes. */
export const defaultMaxBytes = settingDefault<number>('files.maxSizeMB') * 2 ** 20;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the head of the file looks like binary data: a NUL byte, or many control bytes. */
export function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, sniffBytes);
	// UTF-16 text has NUL bytes too; it starts with a byte-order mark.
	if (n >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) { return false; }
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) { return true; }
		if (b < 8 || (b > 13 && b < 32 && b !== 27)) { control++; }
	}
	return control > n * 0.1;
}

export function decodeUtf8(bytes: Uint8Array): string | undefined {
	try { return utf8.decode(bytes); } catch { return undefined; }
}

/**
 * Reads synchronously: a worker thread has nothing else to do meanwhile, and one synchronous
 * read is a tenth of the cost of the four thread-pool round trips of an asynchronous one.
 */
export function readCorpusFile(file: string, maxBytes = defaultMaxBytes): ReadOutcome {
	let bytes: Buffer;
	try {
		const stat = statSync(file);
		if (!stat.isFile()) { return { skipped: 'unreadable', detail: 'not a regular file' }; }
		if (stat.size > maxBytes) { return { skipped: 'too-large', detail: `${mb(stat.size)} MB is over the limit of ${mb(maxBytes)} MB`, size: stat.size, limit: maxBytes }; }
		bytes = readFileSync(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? { skipped: 'missing', detail: code } : { skipped: 'unreadable', detail: code ?? String(e) };
	}
	if (bytes.length > maxBytes) { return { skipped: 'too-large', detail: `${mb(bytes.length)} MB is over the limit of ${mb(maxBytes)} MB`, size: bytes.length, limit: maxBytes }; }
	return decodeCorpusBytes(bytes);
}

/** Bytes as corpus text: UTF-8, or why not (binary, another encoding: detected, for the conversion command). */
export function decodeCorpusBytes(bytes: Uint8Array): ReadOutcome {
	if (looksBinary(bytes)) { return { skipped: 'binary', detail: 'NUL or control bytes in its first 8 KB' }; }
	const text = decodeUtf8(bytes);
	if (text !== undefined) { return { text, bytes: bytes.length }; }
	return encodingSkip(bytes);
}

/** Why bytes that are not UTF-8 are not read: the encoding they are in, when it is recognized. */
export function encodingSkip(bytes: Uint8Array): ReadOutcome & { skipped: 'encoding' } {
	const encoding = detectEncoding(bytes);
	return { skipped: 'encoding', encoding, detail: encoding ? `in ${encoding}, not UTF-8` : 'not valid UTF-8, in an encoding that could not be recognized' };
}

/** Encodings TextDecoder reads (Node's full ICU), by the names chardet gives. */
const decoderLabels: Record<string, string> = {
	'GB18030': 'gb18030', 'Big5': 'big5', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be', 'Shift_JIS': 'shift_jis',
	'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr', 'ISO-2022-JP': 'iso-2022-jp', 'windows-1252': 'windows-1252', 'ISO-8859-1': 'iso-8859-1',
};
/** Chinese corpora: when chardet ranks encodings alike, these come first. */
const preference = ['UTF-16LE', 'UTF-16BE', 'GB18030', 'Big5'];

/**
 * The encoding of bytes that are not UTF-8: a UTF-16 byte-order mark, else chardet's ranking of
 * the first 64 KB (it is slow on large buffers), Chinese encodings first among equals, keeping
 * only one that decodes the sample without error. Undefined when none does.
 */
export function detectEncoding(bytes: Uint8Array): string | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) { return 'UTF-16LE'; }
	if (bytes[0] === 0xfe && bytes[1] === 0xff) { return 'UTF-16BE'; }
	const sample = bytes.subarray(0, 65536);
	const ranked = chardet.analyse(sample)
		.filter((m) => decoderLabels[m.name] !== undefined)
		.sort((a, b) => b.confidence - a.confidence || rank(a.name) - rank(b.name));
	// A cut at the end of the sample may split a character: decode all but the last few bytes.
	const head = sample.length === 65536 ? sample.subarray(0, 65530) : sample;
	return ranked.find((m) => decodes(head, decoderLabels[m.name]))?.name;
}

const rank = (name: string) => { const i = preference.indexOf(name); return i < 0 ? preference.length : i; };

function decodes(bytes: Uint8Array, label: string): boolean {
	try { new TextDecoder(label, { fatal: true }).decode(bytes); return true; } catch { return false; }
}

/**
 * Decodes bytes in a detected encoding (the name detectEncoding gave); undefined when they do
 * not decode. Big5 with the Hong Kong characters as Unicode (Node's decoder gives private-use
 * code points for them), else Node's reading when it is Big5 that HKSCS does not cover.
 */
export function decodeAs(bytes: Uint8Array, encoding: string): string | undefined {
	const label = decoderLabels[encoding];
	if (!label) { return undefined; }
	if (encoding === 'Big5') { const text = decodeBig5(bytes); if (text !== undefined) { return text; } }
	try { return new TextDecoder(label, { fatal: true }).decode(bytes); } catch { return undefined; }
}

export const mb = (n: number) => (n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0);
