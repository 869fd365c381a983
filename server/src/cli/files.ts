/**
 * Corpus files for the command line: the paths given (files, or folders walked with the
 * project's include/exclude and .gitignore, as the server does), read in their own encoding and
 * written back in it, with their byte-order mark, atomically.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { writeAtomic } from '../cleanFiles';
import { decodeAs, decodeCorpusBytes, ReadOutcome } from '../fileReader';
import { LspWorkspace } from '../lspWorkspace';
import type { Settings } from '../settings';

/** Every corpus file under the paths (a file given by name counts whatever its extension). */
export async function listCorpusFiles(paths: readonly string[], settingsFor: (folder: string) => Promise<Settings>, onRefusedRule?: LspWorkspace['onRefusedRule']): Promise<string[]> {
	const out: string[] = [];
	for (const p of paths) {
		const full = path.resolve(p);
		const stat = await fs.stat(full).catch(() => undefined);
		if (!stat) { throw new Error(`${p}: no such file or folder`); }
		if (stat.isFile()) { out.push(full); continue; }
		const workspace = new LspWorkspace({ get: () => undefined } as never, async () => settingsFor(full));
		workspace.folders = [full];
		if (onRefusedRule) { workspace.onRefusedRule = onRefusedRule; }
		for (const uri of await workspace.listFiles()) { out.push(fileURLToPath(uri)); }
	}
	return [...new Set(out)].sort();
}

export interface CorpusFile {
	readonly file: string;
	readonly uri: string;
	readonly bytes: Buffer;
	/** The text, decoded from its encoding; undefined when it is not text (see `skipped`). */
	readonly text?: string;
	/** Not UTF-8: the encoding it was read in (and will be written in). */
	readonly encoding?: string;
	readonly bom: boolean;
	readonly skipped?: Extract<ReadOutcome, { skipped: string }>;
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/** Reads a file: UTF-8, or a detected legacy encoding (the CLI can write it back), or why not. */
export async function readCorpus(file: string, maxBytes: number): Promise<CorpusFile> {
	const uri = pathToFileURL(file).href;
	const bytes = await fs.readFile(file);
	const bom = bytes.subarray(0, 3).equals(utf8Bom) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
	if (bytes.length > maxBytes) { return { file, uri, bytes, bom, skipped: { skipped: 'too-large', detail: 'over the limit', size: bytes.length, limit: maxBytes } }; }
	const outcome = decodeCorpusBytes(bytes);
	if (outcome.text !== undefined) { return { file, uri, bytes, bom, text: outcome.text }; }
	if (outcome.skipped === 'encoding' && outcome.encoding) {
		const text = decodeAs(bytes, outcome.encoding);
		// TextDecoder drops a UTF-16 byte-order mark; it is written back.
		if (text !== undefined) { return { file, uri, bytes, bom, text, encoding: outcome.encoding }; }
	}
	return { file, uri, bytes, bom, skipped: outcome };
}

/** The bytes of a fixed text in the file's own encoding, its byte-order mark kept. */
export function encodeLike(original: CorpusFile, text: string): Buffer {
	if (!original.encoding) { return Buffer.concat([original.bom ? utf8Bom : Buffer.alloc(0), Buffer.from(text, 'utf8')]); }
	const encoding = original.encoding.toLowerCase();
	const body = iconv.encode(text, encoding);
	const bom = !original.bom ? Buffer.alloc(0) : encoding === 'utf-16le' ? Buffer.from([0xff, 0xfe]) : encoding === 'utf-16be' ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0);
	return Buffer.concat([bom, body]);
}

export async function writeCorpus(original: CorpusFile, text: string): Promise<void> {
	await writeAtomic(original.file, encodeLike(original, text));
}
