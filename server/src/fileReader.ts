/**
 * Reading a corpus file from disk as text, or saying why not. A corpus holds whatever a scraper
 * wrote: binary files, files in legacy encodings, huge dumps. None of them may be checked as
 * garbage or stall the server; each gets a reason the user sees on the file.
 */
import { readFileSync, statSync } from 'node:fs';
export { textStamp } from './service/text/stamp';

export type SkipReason = 'binary' | 'too-large' | 'encoding' | 'unreadable';

export type ReadOutcome =
	| { readonly text: string; readonly bytes: number; readonly skipped?: undefined }
	| { readonly text?: undefined; readonly skipped: SkipReason; readonly detail: string };

/** Bytes looked at for NUL and control characters. */
const sniffBytes = 8192;

export const defaultMaxBytes = 512 * 1024 * 1024;

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
		if (stat.size > maxBytes) { return { skipped: 'too-large', detail: `${mb(stat.size)} MB is over the limit of ${mb(maxBytes)} MB` }; }
		bytes = readFileSync(file);
	} catch (e) {
		return { skipped: 'unreadable', detail: (e as NodeJS.ErrnoException).code ?? String(e) };
	}
	if (bytes.length > maxBytes) { return { skipped: 'too-large', detail: `${mb(bytes.length)} MB is over the limit of ${mb(maxBytes)} MB` }; }
	if (looksBinary(bytes)) { return { skipped: 'binary', detail: 'NUL or control bytes in its first 8 KB' }; }
	const text = decodeUtf8(bytes);
	if (text === undefined) { return { skipped: 'encoding', detail: 'not valid UTF-8' }; }
	return { text, bytes: bytes.length };
}

const mb = (n: number) => (n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0);
