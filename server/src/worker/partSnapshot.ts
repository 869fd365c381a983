/**
 * The corpus snapshot a worker fixes one part of a large file with (a clean reads such a file part
 * after part and sends each part to a worker: the server's thread never lints it). Built on the
 * server's thread, which holds the index, in steps.
 */
import type { LanguageService } from '../service';
import { repeatedLineKeys } from '../service/boilerplate/lineKey';
import type { CorpusSnapshot } from './protocol';

/** Characters of a part whose line keys are looked up in one step. */
const keysStep = 1 << 14;

/**
 * What a worker needs to fix one part of a large file (a clean reads it part after part): the
 * counts of the part's own line keys in the index, as the server's thread would look them up
 * (not the file's indexed keys: a large file's index entry holds only its first ones). A part is
 * not the indexed text, so no shared passages or mentions (the server's own lint finds none in it
 * either). In steps of a few thousand lines.
 */
export function* partSnapshotInSteps(service: LanguageService, text: string): Generator<void, CorpusSnapshot> {
	const index = service.index;
	const counted = new Set<string>();
	const lineCounts: [string, number][] = [];
	for (let from = 0; from < text.length;) {
		// Cut after a line break: a line's key is the same in the piece as in the part.
		const cut = text.indexOf('\n', from + keysStep);
		const to = cut < 0 ? text.length : cut + 1;
		for (const key of repeatedLineKeys(text.slice(from, to))) {
			if (counted.has(key)) { continue; }
			counted.add(key);
			const n = index.filesWithLine(key);
			if (n >= 2) { lineCounts.push([key, n]); }
		}
		from = to;
		yield;
	}
	return { fileCount: index.size, lineCounts, shared: [] };
}
