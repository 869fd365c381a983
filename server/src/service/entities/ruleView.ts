/**
 * Entities as rules see them (`RuleContext.entities`): a document's mentions at offsets, and
 * people whose names sound alike. Sound groups are built once per state of the entity table.
 */
import type { CorpusDocument } from '../document';
import type { EntityRef, EntityView, Tagger } from '../types';
import { editedMentions, withFirstIn } from './editedMentions';
import type { Entity } from './entityTable';
import { plainPinyin } from './pinyin';
import { finish } from '../steps';
import type { EntityService } from './service';

/**
 * What entity.variant needs of one indexed file (`EntityRuleView.snapshotFor`): the mentions of
 * its people who have sound-alikes, and those sound-alikes. `base`: the text
 * the mentions are located in, given when the document checked is an edited version of it
 * (editedMentions.ts moves them).
 */
export interface EntitySnapshot { mentions: [number, number, number, EntityRef][]; soundAlikes: [number, EntityRef[]][]; base?: string }

export class EntityRuleView {
	readonly #pinyin = new Map<string, string>();
	#groups: { table: object; generation: number; bySound: Map<string, Entity[]> } | undefined;

	constructor(private readonly entities: EntityService) { }

	mentionsIn(doc: CorpusDocument): { start: number; end: number; entity: EntityRef }[] {
		const lines = doc.lines;
		return this.entities.index.mentions(doc.uri).map((m) => {
			const start = (lines[m.line]?.start ?? 0) + m.character;
			return { start, end: start + m.length, entity: this.ref(m.entity) };
		});
	}

	/**
	 * The view rules get: a document's mentions as indexed for its current text or, for an edited
	 * open document, moved from its indexed version (editedMentions.ts; none without it). Tagging
	 * a large document on every keystroke would slow checking down, so the host indexes it when
	 * the user pauses and checks again. A sound-alike first mentioned in this document is read in
	 * the edited text too (a warning's related place).
	 */
	forRules(indexedVersion: (uri: string) => CorpusDocument | undefined, tagger?: Tagger): EntityView {
		let edited: { uri: string; packed: Int32Array } | undefined;
		return {
			mentionsOf: (doc) => {
				edited = undefined;
				if (this.entities.isFreshText(doc)) { return this.mentionsIn(doc); }
				const base = indexedVersion(doc.uri);
				const refind = tagger && { names: this.entities.index.table, tagger };
				const packed = base && editedMentions(base, this.entities.index.packedMentions(doc.uri), doc, refind);
				if (!packed) { return []; }
				edited = { uri: doc.uri, packed };
				return this.#mentionsFrom(doc, packed);
			},
			soundAlikes: (e) => {
				const others = this.soundAlikes(e);
				return edited ? others.map((o) => withFirstIn(o, edited!.uri, edited!.packed)) : others;
			},
		};
	}

	/** Packed mentions of `doc` as rules see them; entities the table no longer has are left out. */
	#mentionsFrom(doc: CorpusDocument, packed: Int32Array): { start: number; end: number; entity: EntityRef }[] {
		const lines = doc.lines;
		const out: { start: number; end: number; entity: EntityRef }[] = [];
		for (let i = 0; i < packed.length; i += 4) {
			const e = this.entities.index.table.get(packed[i + 3]);
			if (!e) { continue; }
			const start = (lines[packed[i]]?.start ?? 0) + packed[i + 1];
			out.push({ start, end: start + packed[i + 2], entity: this.ref(e) });
		}
		return out;
	}

	/** Other people, mentioned somewhere, whose name has the same toneless pinyin and differs in one character. */
	soundAlikes(ref: EntityRef): EntityRef[] {
		return this.#alikesIn(this.#bySound(), ref);
	}

	#alikesIn(bySound: Map<string, Entity[]>, ref: EntityRef): EntityRef[] {
		const group = bySound.get(this.#sound(ref.name)) ?? [];
		return group.filter((e) => e.id !== ref.id && e.mentionFiles.size > 0 && oneApart(e.name, ref.name)).map((e) => this.ref(e));
	}

	/**
	 * What entity.variant needs of one indexed file, as plain data for a worker: its mentions and
	 * the sound-alikes of its people; undefined when none of its people has one (the usual case).
	 * In steps: a 1 MB document's took the server's thread 15–20 ms in one piece.
	 */
	*snapshotForInSteps(uri: string): Generator<void, EntitySnapshot | undefined> {
		// The packed mentions first: a mention object each only in the rare file with sound-alikes (every file is checked).
		const packed = this.entities.index.packedMentions(uri);
		const bySound = yield* this.#bySoundInSteps();
		const soundAlikes = new Map<number, EntityRef[]>();
		const seen = new Set<number>();
		for (let i = 3; i < packed.length; i += 4) {
			if ((i & 4095) === 4095) { yield; }
			const id = packed[i];
			if (seen.has(id)) { continue; }
			const e = this.entities.index.table.get(id);
			if (!e) { continue; }
			seen.add(id);
			if (this.entities.index.table.typeOf(e) !== 'person') { continue; }
			const others = this.#alikesIn(bySound, this.ref(e)).map(materialize);
			if (others.length > 0) { soundAlikes.set(id, others); }
		}
		if (soundAlikes.size === 0) { return undefined; }
		// The rule reads `first` of the others only: the mentions' own refs go without it.
		const refs = new Map<number, EntityRef>();
		const plain = (e: Entity) => refs.get(e.id) ?? refs.set(e.id, withoutFirst(this.ref(e))).get(e.id)!;
		const out: [number, number, number, EntityRef][] = [];
		// From the packed mentions in steps too (unpacking a 1 MB document's 12,000 first was 11 ms in one piece at load).
		// Only the people with sound-alikes: the rule reports on nothing else (the bench's 1 MB document has 11,975
		// mentions, 0.9 MB of snapshot, of which a few dozen are of such people). Their sound-alikes mentioned here are
		// listed too (each has the other as a sound-alike), so a related place in this file is found in it.
		for (let i = 0; i < packed.length; i += 4) {
			if ((i & 16383) === 16380) { yield; }
			if (!soundAlikes.has(packed[i + 3])) { continue; }
			const e = this.entities.index.table.get(packed[i + 3]);
			if (e) { out.push([packed[i], packed[i + 1], packed[i + 2], plain(e)]); }
		}
		return { mentions: out, soundAlikes: [...soundAlikes] };
	}

	/** Every mentioned person with sound-alikes → their ids (entity.variant reports on these). */
	soundAlikeMap(): Map<number, string> {
		return finish(this.soundAlikeMapInSteps());
	}

	/**
	 * `soundAlikeMap` in steps (yields every few hundred entities): after tagging, grouping
	 * 60,000 names held the server's thread 20–50 ms. Groups built while the table changed are
	 * used for this map only, never kept for the rules (they keep one state of the table).
	 */
	*soundAlikeMapInSteps(): Generator<void, Map<number, string>> {
		const bySound = yield* this.#bySoundInSteps();
		const out = new Map<number, string>();
		for (const group of bySound.values()) {
			if (group.length < 2) { continue; }
			yield;
			for (const e of group) {
				if (e.mentionFiles.size === 0) { continue; }
				const others = group.filter((o) => o !== e && o.mentionFiles.size > 0 && oneApart(o.name, e.name)).map((o) => o.id).sort((a, b) => a - b);
				if (others.length > 0) { out.set(e.id, others.join(',')); }
			}
		}
		return out;
	}

	/** Files mentioning these entities. */
	filesOf(ids: Iterable<number>): Set<string> {
		const out = new Set<string>();
		for (const id of ids) { for (const uri of this.entities.index.table.get(id)?.mentionFiles.keys() ?? []) { out.add(uri); } }
		return out;
	}

	ref(e: Entity): EntityRef {
		const mentions = e.mentionTotal;
		const entities = this.entities;
		return {
			id: e.id, name: e.name, type: entities.index.table.typeOf(e), mentions, files: e.mentionFiles.size,
			get first() { return entities.definition(e); },
		};
	}

	#bySound(): Map<string, Entity[]> {
		return finish(this.#bySoundInSteps());
	}

	*#bySoundInSteps(): Generator<void, Map<string, Entity[]>> {
		const table = this.entities.index.table;
		const generation = table.generation;
		if (this.#groups?.table === table && this.#groups.generation === generation) { return this.#groups.bySound; }
		const bySound = new Map<string, Entity[]>();
		let n = 0;
		for (const e of table.live()) {
			if ((++n & 255) === 0) { yield; }
			if (table.typeOf(e) !== 'person') { continue; }
			const sound = this.#sound(e.name);
			const group = bySound.get(sound);
			if (group) { group.push(e); } else { bySound.set(sound, [e]); }
		}
		if (this.entities.index.table === table && table.generation === generation) { this.#groups = { table, generation, bySound }; }
		return bySound;
	}

	#sound(name: string): string {
		let s = this.#pinyin.get(name);
		if (s === undefined) { s = plainPinyin(name, 'person'); this.#pinyin.set(name, s); }
		return s;
	}
}

/** A ref with its lazy `first` read, so it can cross threads. */
const materialize = (r: EntityRef): EntityRef => ({ id: r.id, name: r.name, type: r.type, mentions: r.mentions, files: r.files, first: r.first });
const withoutFirst = (r: EntityRef): EntityRef => ({ id: r.id, name: r.name, type: r.type, mentions: r.mentions, files: r.files });

/** Same length, exactly one character different. */
function oneApart(a: string, b: string): boolean {
	if (a.length !== b.length) { return false; }
	let diff = 0;
	for (let i = 0; i < a.length && diff < 2; i++) { if (a[i] !== b[i]) { diff++; } }
	return diff === 1;
}
