/**
 * Corpus files for the command line: the paths given (files, or folders walked with the
 * project's include/exclude and .gitignore, as the server does), read in their own encoding and
 * written back in it, with their byte-order mark, atomically.
 */
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeAs, decodeCorpusBytes, ReadOutcome } from '../files/fileReader';
import { LegacyWriter } from '../files/encodings';
import { FileSnapshot, readSnapshotSync, writeIfUnchanged } from '../files/safeWrite';
import { FixedPart, fixedTexts } from '../service/parts';
import { LspWorkspace } from '../lsp/lspWorkspace';
import type { Settings } from '../settings';

/**
 * Every corpus file under the paths (a file given by name counts whatever its extension), and the
 * paths that do not exist (each one an error among the results, not the end of the run).
 */
export async function listCorpusFiles(paths: readonly string[], settingsFor: (folder: string) => Promise<Settings>, onRefusedRule?: LspWorkspace['onRefusedRule'], onLinksOutside?: (count: number) => void): Promise<{ files: string[]; missing: string[] }> {
	const out: string[] = [];
	const missing: string[] = [];
	for (const p of paths) {
		const full = path.resolve(p);
		const stat = await fs.stat(full).catch(() => undefined);
		if (!stat) { missing.push(p); continue; }
		if (stat.isFile()) { out.push(full); continue; }
		const workspace = new LspWorkspace({ get: () => undefined } as never, async () => settingsFor(full));
		workspace.folders = [full];
		if (onRefusedRule) { workspace.onRefusedRule = onRefusedRule; }
		for (const uri of await workspace.listFiles()) { out.push(fileURLToPath(uri)); }
		// Links out of the folder are not followed: said, not silently dropped.
		if (workspace.linksOutside > 0) { onLinksOutside?.(workspace.linksOutside); }
	}
	return { files: [...new Set(out)].sort(), missing };
}

export interface CorpusFile {
	/** The path as listed (a link keeps its own name here). */
	readonly file: string;
	readonly uri: string;
	/** What was read: the bytes, their hash and the file's status, for a compare-and-swap write. */
	readonly snap: FileSnapshot;
	/** The text, decoded from its encoding; undefined when it is not text (see `skipped`). */
	readonly text?: string;
	/** Not UTF-8: the encoding it was read in (and will be written in). */
	readonly encoding?: string;
	/** Bytes of byte-order mark before the text. */
	readonly bom: number;
	readonly skipped?: Extract<ReadOutcome, { skipped: string }>;
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads a file (its real path when it is a link): UTF-8, or a detected legacy encoding (the CLI can
 * write it back), or why not. Synchronously: the command line reads thousands of files one after
 * another, and asynchronous calls cost its thread a thread-pool round trip each.
 */
export function readCorpus(file: string, maxBytes: number, real = file): CorpusFile {
	const uri = pathToFileURL(file).href;
	const stat = statSync(real);
	if (stat.size > maxBytes) {
		const snap = { file: real, bytes: Buffer.alloc(0), hash: '', stat };
		return { file, uri, snap, bom: 0, skipped: { skipped: 'too-large', detail: 'over the limit', size: stat.size, limit: maxBytes } };
	}
	const snap = readSnapshotSync(real);
	const bytes = snap.bytes;
	const bom = bytes.subarray(0, 3).equals(utf8Bom) ? 3 : (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 0;
	const outcome = decodeCorpusBytes(bytes);
	// UTF-8 is written from the text: only the byte-order mark of the bytes is kept (a large file is not held twice).
	if (outcome.text !== undefined) { return { file, uri, snap: { ...snap, bytes: Buffer.from(bytes.subarray(0, bom)) }, bom, text: outcome.text }; }
	if (outcome.skipped === 'encoding' && outcome.encoding) {
		const text = decodeAs(bytes, outcome.encoding);
		// TextDecoder drops a UTF-16 byte-order mark; it is written back.
		if (text !== undefined) { return { file, uri, snap, bom, text, encoding: outcome.encoding }; }
	}
	return { file, uri, snap, bom, skipped: outcome };
}

/**
 * Writes the file with each part's edits applied (`fixInParts`), part after part, in its own
 * encoding and with its byte-order mark, when it still holds what was read; throws `WriteRefused`
 * (changed meanwhile, read-only…) or `EncodingRefused` (not writable losslessly in its encoding).
 */
export async function writeCorpus(original: CorpusFile, parts: readonly FixedPart[]): Promise<void> {
	const text = original.text!;
	const prefix = original.snap.bytes.subarray(0, original.bom);
	if (!original.encoding) {
		await writeIfUnchanged(original.snap, (function* () {
			yield prefix;
			for (const fixed of fixedTexts(text, parts)) { yield Buffer.from(fixed, 'utf8'); }
		})());
		return;
	}
	const writer = new LegacyWriter(original.snap.bytes, original.bom, original.encoding);
	await writeIfUnchanged(original.snap, (function* () {
		yield prefix;
		for (const p of parts) { yield* writer.part(parts.length === 1 ? text : text.slice(p.start, p.end), p.edits); }
		writer.end();
	})());
}
