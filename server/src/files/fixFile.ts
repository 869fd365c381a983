/**
 * Fix-all of a file's text for a clean, part after part, letting the server's other work (requests,
 * notifications) run between parts: a file of hundreds of megabytes never holds the thread for
 * more than one part's fix.
 */
import type { RuleEdit } from '../service';
import { CorpusDocument } from '../service/document';
import { withLineCaches } from '../service/lruCache';
import { FixedPart, fixParts, PartPosition, partSize } from '../service/parts';
import { collectBetweenParts } from '../worker/heldMemory';

/** A full turn of the event loop (a timer, not setImmediate: an immediate runs before incoming messages are read). */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** The line caches while a clean passes over a file: short lines only, and fewer (a worker's limits). */
const onePass = { scale: 0.1, maxKeyLength: 120 };

/** When the thread last let other work run: a pause comes after 50 ms of fixing, not after every small file. */
let lastPause = 0;

export async function fixInPartsYielding(uri: string, text: string, fix: (part: CorpusDocument) => RuleEdit[]): Promise<FixedPart[]> {
	const parts: FixedPart[] = [];
	for (const part of fixParts(uri, text, (doc) => withLineCaches(onePass, () => fix(doc)))) {
		parts.push(part);
		await pauseNow();
	}
	return parts;
}

/**
 * Fix-all of a text that arrives part after part (a large file read as it goes, `StreamedText`),
 * as `fixInPartsYielding` fixes it whole: each part with its edits and its place in the whole text.
 */
export async function* fixStreamed(uri: string, parts: AsyncIterable<string>, fix: (part: CorpusDocument) => RuleEdit[]): AsyncGenerator<{ doc: CorpusDocument; fixed: FixedPart }> {
	const at = new PartPosition();
	for await (const text of parts) {
		// The last part's fix-all left its garbage: a file of hundreds of parts would grow the heap to gigabytes before V8 collects.
		collectBetweenParts();
		const doc = new CorpusDocument(uri, 0, text);
		yield { doc, fixed: at.fixed(doc, withLineCaches(onePass, () => fix(doc))) };
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

/** Above this many characters a file is fixed on the server's thread, part by part: copying it to a worker would double its memory. */
export const maxCharsPerWorkerJob = 8 * partSize;

/**
 * Above this many bytes a file is read, fixed and written part after part (`StreamedText`), never
 * held whole: UTF-8 takes at most three bytes per UTF-16 unit, so such a file has more than
 * `maxCharsPerWorkerJob` characters and is fixed on the server's thread anyway. Tests set a
 * lower limit with ZH_CORPUS_STREAM_ABOVE_BYTES (the same path on files of a few megabytes).
 */
export const streamAboveBytes = Number(process.env.ZH_CORPUS_STREAM_ABOVE_BYTES) || 3 * maxCharsPerWorkerJob;
