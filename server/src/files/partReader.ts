/**
 * A large closed corpus file read as text part after part, cut at line ends, never held whole:
 * tagging a 200 MB file read it whole (its bytes, then 140 MB of text, for the minutes the
 * tagging takes), which is what a worker held all through a clean of that file. The reading
 * says why not (binary, too large, not UTF-8) as `readCorpusFile` does, only possibly after some
 * parts were given: the caller throws away what it made of them.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { encodingSkip, looksBinary, mb, type SkipReason } from './fileReader';
import { partSize } from '../service/parts';
import { StampBuilder } from '../service/text/stamp';

/** Above this many bytes a closed file is tagged and matched as it is read (below, one read is faster). */
export const readInPartsAboveBytes = 2 * partSize;

/** Bytes read at a time. */
const chunkBytes = 1 << 20;

export type PartsOutcome =
	| { readonly stamp: string; readonly skipped?: undefined }
	| { readonly skipped: SkipReason; readonly detail: string; readonly encoding?: string; readonly size?: number; readonly limit?: number };

/**
 * Gives `onPart` the text of `file` in parts of `size` UTF-16 units and the rest of the line
 * (a long line is one part), each ending at a line break but the last, with its offset in the
 * whole text.
 * The stamp is the whole text's `textStamp`.
 */
export function readCorpusFileInParts(file: string, maxBytes: number, onPart: (text: string, offset: number) => void, size = partSize): PartsOutcome {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? { skipped: 'missing', detail: code } : { skipped: 'unreadable', detail: code ?? String(e) };
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) { return { skipped: 'unreadable', detail: 'not a regular file' }; }
		if (stat.size > maxBytes) { return tooLarge(stat.size, maxBytes); }
		const decoder = new TextDecoder('utf-8', { fatal: true });
		const stamp = new StampBuilder();
		const buffer = Buffer.allocUnsafe(chunkBytes);
		let pending = '';
		let offset = 0;
		let bytes = 0;
		const give = (text: string) => {
			stamp.add(text);
			onPart(text, offset);
			offset += text.length;
		};
		for (;;) {
			const read = readSync(fd, buffer, 0, chunkBytes, null);
			if (read === 0) { break; }
			const chunk = buffer.subarray(0, read);
			if (bytes === 0 && looksBinary(chunk)) { return { skipped: 'binary', detail: 'NUL or control bytes in its first 8 KB' }; }
			bytes += read;
			if (bytes > maxBytes) { return tooLarge(bytes, maxBytes); }
			let text: string;
			try { text = decoder.decode(chunk, { stream: true }); } catch { return notUtf8(fd); }
			pending += text;
			let from = 0;
			for (let end; pending.length - from > size && (end = pending.indexOf('\n', from + size)) >= 0; from = end + 1) {
				give(pending.slice(from, end + 1));
			}
			if (from > 0) { pending = pending.slice(from); }
		}
		try { pending += decoder.decode(); } catch { return notUtf8(fd); }
		if (pending.length > 0 || offset === 0) { give(pending); }
		return { stamp: stamp.value };
	} catch (e) {
		return { skipped: 'unreadable', detail: (e as NodeJS.ErrnoException).code ?? String(e) };
	} finally {
		closeSync(fd);
	}
}

const tooLarge = (size: number, limit: number): PartsOutcome => ({ skipped: 'too-large', detail: `${mb(size)} MB is over the limit of ${mb(limit)} MB`, size, limit });

/** Not UTF-8: the encoding its head is in, as `readCorpusFile` says it. */
function notUtf8(fd: number): PartsOutcome {
	const head = Buffer.allocUnsafe(65536);
	const read = readSync(fd, head, 0, head.length, 0);
	return encodingSkip(head.subarray(0, read));
}
