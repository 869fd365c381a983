/**
 * What a worker needs of the corpus-wide indexes to check or fix one file (CorpusSnapshot): the
 * counts of the file's short lines across the corpus, its shared passages, its people's
 * sound-alikes. Built on the thread that holds the indexes (the server's, the command line's).
 */
import { finish, type LanguageService, reportableSharing } from '../service';
import type { CorpusSnapshot } from './protocol';

/**
 * Without `positions`, the shared passages (located in the indexed text) are left out: an edited
 * document's text is not the indexed one. Its mentions are given with the text they are located
 * in, when the service keeps it (an open document's indexed version): the worker moves them.
 */
export function corpusSnapshot(service: LanguageService, uri: string, positions = true): CorpusSnapshot {
	return finish(corpusSnapshotInSteps(service, uri, positions));
}

/** `corpusSnapshot` in steps: a large document's shared passages take the thread long (yields between files, see drive.ts). */
export function* corpusSnapshotInSteps(service: LanguageService, uri: string, positions = true): Generator<void, CorpusSnapshot> {
	const index = service.index;
	const lineCounts: [string, number][] = [];
	for (const key of index.get(uri)?.lineKeys ?? []) {
		const n = index.filesWithLine(key);
		if (n >= 2) { lineCounts.push([key, n]); }
	}
	if (!positions) {
		const base = service.indexedVersion(uri);
		const entities = base && (yield* service.entitySnapshotInSteps(uri));
		return { fileCount: index.size, lineCounts, shared: [], ...(entities && base ? { entities: { ...entities, base: base.text } } : {}) };
	}
	const shared = yield* index.sharedWithIndexedInSteps(uri, reportableSharing);
	return { fileCount: index.size, lineCounts, shared, entities: yield* service.entitySnapshotInSteps(uri) };
}
