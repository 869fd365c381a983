/**
 * `zh-corpus fix --jsonl`: a map step for engines that already distribute a corpus (Spark
 * `RDD.pipe`, Hadoop streaming). Each input line is a record `{"id": …, "text": …}`; each output
 * line is the record with its text cleaned by fix-all (and, with --removed, what each rule
 * removed or replaced). Records are independent: rules that compare files do not apply. Every
 * line is answered: one that is not such a record (not JSON, `null`, an array, no text, invalid
 * UTF-8, larger than `maxRecordBytes`) gets `{"id", "error"}` and the stream goes on.
 */
import { TextDecoder } from 'node:util';
import { CorpusDocument, LanguageService, reviewRows } from '../service';
import { applyEdits } from '../service/edits';
import type { Settings } from '../settings';
import { jiebaSegmenter } from '../segmenter';

export interface JsonLinesOptions {
	readonly settings: Settings;
	readonly locale: string;
	readonly families?: readonly string[];
	readonly removed: boolean;
	readonly input?: NodeJS.ReadableStream;
	readonly output?: NodeJS.WritableStream;
	/** Records longer than this (bytes) are answered with an error (tests use a small one). */
	readonly maxRecordBytes?: number;
}

/** A record line longer than this is answered with an error record, unread (it is never held whole in memory). */
export const maxRecordBytes = 64 * 2 ** 20;

export async function fixJsonLines(o: JsonLinesOptions): Promise<number> {
	const jieba = jiebaSegmenter((m) => process.stderr.write(`${m}\n`));
	const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, locale: o.locale, segmenter: jieba });
	const out = o.output ?? process.stdout;
	let errors = 0;
	const write = async (record: unknown) => {
		// Backpressure: wait when the consumer reads slower than we write.
		if (!out.write(`${JSON.stringify(record)}\n`)) { await new Promise((r) => out.once('drain', r)); }
	};
	const fail = async (id: unknown, error: string) => { errors++; await write({ id: id ?? null, error }); };
	for await (const line of recordLines(o.input ?? process.stdin, o.maxRecordBytes ?? maxRecordBytes)) {
		if ('error' in line) { await fail(null, line.error); continue; }
		if (line.text.trim() === '') { continue; }
		let record: unknown;
		try { record = JSON.parse(line.text); } catch (e) {
			await fail(null, `not JSON: ${e instanceof Error ? e.message : String(e)}`);
			continue;
		}
		if (typeof record !== 'object' || record === null || Array.isArray(record)) {
			await fail(null, `a record is an object {"id", "text"}, not ${record === null ? 'null' : Array.isArray(record) ? 'an array' : typeof record}`);
			continue;
		}
		const r = record as { id?: unknown; text?: unknown };
		if (typeof r.text !== 'string') { await fail(r.id, 'the record has no "text" string'); continue; }
		try {
			const doc = new CorpusDocument(`jsonl:${String(r.id)}`, 0, r.text);
			const edits = o.families ? service.clean(doc, o.settings, o.families) : service.fixAll(doc, o.settings);
			const cleaned = { ...r, text: applyEdits(doc.text, edits) };
			if (o.removed) { Object.assign(cleaned, { removed: reviewRows(doc, edits) }); }
			await write(cleaned);
		} catch (e) {
			// One record that breaks a rule is one error record; the stream goes on.
			await fail(r.id, `not cleaned: ${e instanceof Error ? e.message : String(e)}`);
		}
	}
	if (errors > 0) { process.stderr.write(`zh-corpus: ${errors} records could not be read\n`); }
	return errors > 0 ? 1 : 0;
}

/**
 * The input's lines as UTF-8 text, read as bytes: a line that is not valid UTF-8 is an error
 * (decoding it would silently turn bytes into U+FFFD), and so is a line longer than `maxBytes`,
 * whose bytes are skipped up to its end so that the next line is read as usual.
 */
export async function* recordLines(input: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<{ text: string } | { error: string }> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let parts: Buffer[] = [];
	let size = 0;
	let skipped = 0;
	let lineNumber = 0;
	const end = function* (): Generator<{ text: string } | { error: string }> {
		lineNumber++;
		if (skipped > 0) {
			yield { error: `line ${lineNumber}: a record of ${(skipped / 2 ** 20).toFixed(1)} MB is larger than the limit of ${maxBytes / 2 ** 20} MB; it was skipped` };
		} else {
			const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
			try { yield { text: decoder.decode(bytes) }; } catch {
				yield { error: `line ${lineNumber}: the record is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})` };
			}
		}
		parts = [];
		size = 0;
		skipped = 0;
	};
	for await (const chunk of input as AsyncIterable<Buffer | string>) {
		let buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
		for (let nl = buffer.indexOf(0x0a); ; nl = buffer.indexOf(0x0a)) {
			const piece = nl < 0 ? buffer : buffer.subarray(0, nl);
			if (skipped > 0 || size + piece.length > maxBytes) {
				skipped += size + piece.length;
				parts = [];
				size = 0;
			} else if (piece.length > 0) {
				parts.push(piece);
				size += piece.length;
			}
			if (nl < 0) { break; }
			yield* end();
			buffer = buffer.subarray(nl + 1);
		}
	}
	if (size > 0 || skipped > 0) { yield* end(); }
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence (the decoder does not say). */
function firstInvalidUtf8(b: Uint8Array): number {
	for (let i = 0; i < b.length;) {
		const c = b[i];
		const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
		if (n === 0 || i + n > b.length) { return i; }
		for (let k = 1; k < n; k++) { if ((b[i + k] & 0xc0) !== 0x80) { return i; } }
		// Overlong forms, surrogates and code points past U+10FFFF.
		if ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] >= 0xa0) || (c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] >= 0x90)) { return i; }
		i += n;
	}
	return b.length;
}
