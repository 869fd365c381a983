/**
 * Fix-all of a large file's text for a clean, part after part, letting the server's other work
 * (requests, notifications) run between parts: each part is fixed where `fix` runs it (a corpus
 * worker, see editCommands.ts), so the server's thread holds one part and its edits at a time,
 * never a part's lint (its allocations made the thread collect hundreds of times in a clean of
 * a 200 MB file and kept requests waiting seconds).
 */
import type { RuleEdit } from '../service';
import { CorpusDocument } from '../service/document';
import { FixedPart, PartPosition, partSize, partStarts } from '../service/parts';

/** Fixes one part of a file's text (its edits against the part). */
export type PartFix = (part: CorpusDocument) => Promise<readonly RuleEdit[]>;

/** A full turn of the event loop (a timer, not setImmediate: an immediate runs before incoming messages are read). */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** When the thread last let other work run: a pause comes after 50 ms of fixing, not after every small file. */
let lastPause = 0;

/** `fixInParts` of a text held whole, one part at a time (cut as `partStarts` cuts it). */
export async function fixInPartsYielding(uri: string, text: string, fix: PartFix): Promise<FixedPart[]> {
	const parts: FixedPart[] = [];
	for await (const { fixed } of fixStreamed(uri, partTexts(text), fix)) { parts.push(fixed); }
	return parts;
}

function* partTexts(text: string): Generator<string> {
	const starts = partStarts(text, partSize);
	for (let i = 0; i < starts.length; i++) { yield starts.length === 1 ? text : text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length); }
}

/**
 * Fix-all of a text that arrives part after part (a large file read as it goes, `StreamedText`),
 * as `fixInPartsYielding` fixes it whole: each part with its edits and its place in the whole text.
 */
export async function* fixStreamed(uri: string, parts: AsyncIterable<string> | Iterable<string>, fix: PartFix): AsyncGenerator<{ doc: CorpusDocument; fixed: FixedPart }> {
	const at = new PartPosition();
	for await (const text of parts) {
		const doc = new CorpusDocument(uri, 0, text);
		yield { doc, fixed: at.fixed(doc, await fix(doc)) };
		await pauseNow();
	}
}

/** Lets other work run when the thread has been fixing for 50 ms. */
async function pauseNow(): Promise<void> {
	if (performance.now() - lastPause > 50) {
		await pause();
		lastPause = performance.now();
	}
}

/** How many edits the parts make. */
export const editCount = (parts: readonly FixedPart[]) => parts.reduce((n, p) => n + p.edits.length, 0);

/** Above this many characters a file is fixed part by part, one part sent to a worker at a time: copying it whole to a worker would double its memory. */
export const maxCharsPerWorkerJob = 8 * partSize;

/**
 * Above this many bytes a file is read, fixed and written part after part (`StreamedText`), never
 * held whole: UTF-8 takes at most three bytes per UTF-16 unit, so such a file has more than
 * `maxCharsPerWorkerJob` characters and is fixed part by part anyway. Tests set a
 * lower limit with ZH_CORPUS_STREAM_ABOVE_BYTES (the same path on files of a few megabytes).
 */
export const streamAboveBytes = Number(process.env.ZH_CORPUS_STREAM_ABOVE_BYTES) || 3 * maxCharsPerWorkerJob;
