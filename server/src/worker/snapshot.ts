/**
 * What a worker needs of the corpus-wide indexes to check or fix one file (CorpusSnapshot): the
 * counts of the file's short lines across the corpus, its shared passages, its people's
 * sound-alikes. Built on the thread that holds the indexes (the server's, the command line's).
 */
import type { LanguageService } from '../service';
import { reportable } from '../service/rules/duplicateDocument';
import type { CorpusSnapshot } from './protocol';

/**
 * Without `positions`, what is located in the indexed text (shared passages, mentions) is left
 * out: an edited document's text is not the indexed one.
 */
export function corpusSnapshot(service: LanguageService, uri: string, positions = true): CorpusSnapshot {
	const index = service.index;
	const lineCounts: [string, number][] = [];
	for (const key of index.get(uri)?.lineKeys ?? []) {
		const n = index.filesWithLine(key);
		if (n >= 2) { lineCounts.push([key, n]); }
	}
	if (!positions) { return { fileCount: index.size, lineCounts, shared: [] }; }
	return { fileCount: index.size, lineCounts, shared: index.sharedWithIndexed(uri, reportable), entities: service.entitySnapshot(uri) };
}
