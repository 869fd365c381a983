/**
 * A large UTF-8 file read as text part after part (cut where `partStarts` cuts the whole text):
 * a clean of a file of hundreds of megabytes holds one part of its text and one chunk of its
 * bytes, never the whole of either. Every byte read is hashed (the compare-and-swap write checks
 * the file still holds exactly these bytes) and may be copied as it is read (the backup).
 */
import { createHash } from 'node:crypto';
import { promises as fs, Stats } from 'node:fs';
import { TextDecoder } from 'node:util';
import { PartCutter } from '../service/parts';
import type { FileStamp } from './safeWrite';
import { WriteRefused } from './safeWrite';

/** Bytes read at a time. */
const chunkBytes = 1 << 20;

/** The file is not valid UTF-8 (found while reading it). */
export class NotUtf8 extends Error {
	constructor() {
		super('not valid UTF-8');
		this.name = 'NotUtf8';
	}
}

export class StreamedText {
	#hash: string | undefined;
	#bom = false;

	private constructor(readonly file: string, readonly stat: Stats, private readonly handle: fs.FileHandle) { }

	/** Opens a regular file (a link, FIFO or device is refused, never read: `WriteRefused` 'notFile'). */
	static async open(file: string): Promise<StreamedText> {
		const before = await fs.lstat(file);
		if (!before.isFile()) { throw new WriteRefused('notFile', before.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'); }
		const handle = await fs.open(file, 'r');
		try {
			const stat = await handle.stat();
			if (!stat.isFile() || stat.ino !== before.ino) { throw new WriteRefused('changed', 'it changed while it was opened'); }
			return new StreamedText(file, stat, handle);
		} catch (e) {
			await handle.close();
			throw e;
		}
	}

	/** What a write checks, once every part was read: the file's path, its status when opened, the sha256 of the bytes read. */
	get stamp(): FileStamp {
		if (this.#hash === undefined) { throw new Error('the file was not read to its end'); }
		return { file: this.file, stat: this.stat, hash: this.#hash };
	}

	/** Whether the file starts with a UTF-8 byte-order mark (the text does not hold it: a write puts it back). Known once the first part is read. */
	get bom(): boolean { return this.#bom; }

	/**
	 * The text in parts, read once from the start (throws `NotUtf8`). `onBytes` gets every byte
	 * read, in order, before the text they hold (a chunk is reused after it resolves).
	 */
	async *parts(onBytes?: (chunk: Buffer) => Promise<unknown>): AsyncGenerator<string> {
		const decoder = new TextDecoder('utf-8', { fatal: true });
		const cutter = new PartCutter();
		const hash = createHash('sha256');
		const buffer = Buffer.allocUnsafe(chunkBytes);
		let first = true;
		for (;;) {
			const { bytesRead } = await this.handle.read(buffer, 0, chunkBytes, null);
			if (bytesRead === 0) { break; }
			const chunk = buffer.subarray(0, bytesRead);
			if (first) { this.#bom = chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf; }
			first = false;
			hash.update(chunk);
			await onBytes?.(chunk);
			yield* cutter.push(decode(decoder, chunk));
		}
		yield* cutter.push(decode(decoder));
		yield* cutter.end();
		this.#hash = hash.digest('hex');
	}

	async close(): Promise<void> {
		await this.handle.close().catch(() => undefined);
	}
}

/** The text of the next chunk (none: the end), as `decodeUtf8` reads the whole (a byte-order mark is dropped). */
function decode(decoder: TextDecoder, chunk?: Buffer): string {
	try {
		return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
	} catch {
		throw new NotUtf8();
	}
}
