/**
 * The corpus as a rule sees it inside a worker: what the server's indexes said about this file
 * (line counts, shared passages, people's sound-alikes), behind the same interfaces the server's
 * own thread implements with its indexes.
 */
import { CorpusDocument } from '../service/document';
import { editedMentions, IndexedText, Refinder, withFirstIn } from '../service/entities/editedMentions';
import type { CorpusView, EntityRef, EntityView } from '../service/types';
import type { CorpusSnapshot } from './protocol';

type Entities = NonNullable<CorpusSnapshot['entities']>;

/**
 * `refind`: the worker's names and tagger, which find the mentions of the lines an edited
 * document does not share with the text the snapshot's mentions are located in (`base`).
 */
export function snapshotView(snapshot: CorpusSnapshot, refind?: Refinder): { corpus: CorpusView; entities?: EntityView } {
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
	let edited: { uri: string; packed: Int32Array } | undefined;
	return {
		corpus,
		entities: {
			mentionsOf: (doc) => {
				edited = undefined;
				if (e.base === undefined) {
					return e.mentions.map(([line, character, length, entity]) => {
						const start = (doc.lines[line]?.start ?? 0) + character;
						return { start, end: start + length, entity };
					});
				}
				const held = heldOf(e);
				const packed = editedMentions(held.base, held.packed, doc, refind);
				if (!packed) { return []; }
				edited = { uri: doc.uri, packed };
				const out: { start: number; end: number; entity: EntityRef }[] = [];
				for (let i = 0; i < packed.length; i += 4) {
					// A name the snapshot does not list (first written in this edit) has no sound-alike it knows of.
					const entity = held.refs.get(packed[i + 3]);
					if (!entity) { continue; }
					const start = (doc.lines[packed[i]]?.start ?? 0) + packed[i + 1];
					out.push({ start, end: start + packed[i + 2], entity });
				}
				return out;
			},
			soundAlikes: (ref) => {
				const others = alikes.get(ref.id) ?? [];
				return edited ? others.map((o) => withFirstIn(o, edited!.uri, edited!.packed)) : others;
			},
		},
	};
}

/** A snapshot's mentions packed as the index keeps them, their entities by id, and the text they are located in: once per snapshot. */
const held = new WeakMap<Entities, { packed: Int32Array; refs: Map<number, EntityRef>; base: IndexedText }>();

function heldOf(e: Entities): { packed: Int32Array; refs: Map<number, EntityRef>; base: IndexedText } {
	let h = held.get(e);
	if (!h) {
		const packed = new Int32Array(e.mentions.length * 4);
		const refs = new Map<number, EntityRef>();
		e.mentions.forEach(([line, character, length, entity], i) => {
			packed.set([line, character, length, entity.id], i * 4);
			if (!refs.has(entity.id)) { refs.set(entity.id, entity); }
		});
		h = { packed, refs, base: new CorpusDocument('', 0, e.base!) };
		held.set(e, h);
	}
	return h;
}
