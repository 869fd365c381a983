/**
 * The corpus as a rule sees it inside a worker: what the server's indexes said about this file
 * (line counts, shared passages, people's sound-alikes), behind the same interfaces the server's
 * own thread implements with its indexes.
 */
import type { CorpusView, EntityRef, EntityView } from '../service/types';
import type { CorpusSnapshot } from './protocol';

export function snapshotView(snapshot: CorpusSnapshot): { corpus: CorpusView; entities?: EntityView } {
	const counts = new Map(snapshot.lineCounts);
	const corpus: CorpusView = {
		fileCount: snapshot.fileCount,
		// A key the server did not list is held by this file alone.
		filesWithLine: (key) => counts.get(key) ?? 1,
		sharedWith: () => snapshot.shared,
	};
	const e = snapshot.entities;
	if (!e) { return { corpus }; }
	const alikes = new Map<number, readonly EntityRef[]>(e.soundAlikes);
	return {
		corpus,
		entities: {
			mentionsOf: (doc) => e.mentions.map(([line, character, length, entity]) => {
				const start = (doc.lines[line]?.start ?? 0) + character;
				return { start, end: start + length, entity };
			}),
			soundAlikes: (ref) => alikes.get(ref.id) ?? [],
		},
	};
}
