/**
 * Fix-all of a file's text for a clean, part after part, letting the server's other work (requests,
 * notifications) run between parts: a file of hundreds of megabytes never holds the thread for
 * more than one part's fix.
 */
import type { CorpusDocument, RuleEdit } from '../service';
import { withLineCaches } from '../service/lruCache';
import { FixedPart, fixParts, partSize } from '../service/parts';

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
		if (performance.now() - lastPause > 50) {
			await pause();
			lastPause = performance.now();
		}
	}
	return parts;
}

/** How many edits the parts make. */
export const editCount = (parts: readonly FixedPart[]) => parts.reduce((n, p) => n + p.edits.length, 0);

/** Above this many characters a file is fixed on the server's thread, part by part: copying it to a worker would double its memory. */
export const maxCharsPerWorkerJob = 8 * partSize;
