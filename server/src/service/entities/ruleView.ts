/**
 * Entities as rules see them (`RuleContext.entities`): a document's mentions at offsets, and
 * people whose names sound alike. Sound groups are built once per state of the entity table.
 */
import type { CorpusDocument } from '../document';
import type { EntityRef } from '../types';
import type { Entity } from './entityTable';
import { plainPinyin } from './pinyin';
import type { EntityService } from './service';

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

	/** Other people, mentioned somewhere, whose name has the same toneless pinyin and differs in one character. */
	soundAlikes(ref: EntityRef): EntityRef[] {
		const group = this.#bySound().get(this.#sound(ref.name)) ?? [];
		return group.filter((e) => e.id !== ref.id && e.mentionFiles.size > 0 && oneApart(e.name, ref.name)).map((e) => this.ref(e));
	}

	ref(e: Entity): EntityRef {
		let mentions = 0;
		for (const n of e.mentionFiles.values()) { mentions += n; }
		const entities = this.entities;
		return {
			id: e.id, name: e.name, type: entities.index.table.typeOf(e), mentions, files: e.mentionFiles.size,
			get first() { return entities.definition(e); },
		};
	}

	#bySound(): Map<string, Entity[]> {
		const table = this.entities.index.table;
		if (this.#groups?.table === table && this.#groups.generation === table.generation) { return this.#groups.bySound; }
		const bySound = new Map<string, Entity[]>();
		for (const e of table.live()) {
			if (table.typeOf(e) !== 'person') { continue; }
			const sound = this.#sound(e.name);
			bySound.set(sound, [...bySound.get(sound) ?? [], e]);
		}
		this.#groups = { table, generation: table.generation, bySound };
		return bySound;
	}

	#sound(name: string): string {
		let s = this.#pinyin.get(name);
		if (s === undefined) { s = plainPinyin(name, 'person'); this.#pinyin.set(name, s); }
		return s;
	}
}

/** Same length, exactly one character different. */
function oneApart(a: string, b: string): boolean {
	if (a.length !== b.length) { return false; }
	let diff = 0;
	for (let i = 0; i < a.length && diff < 2; i++) { if (a[i] !== b[i]) { diff++; } }
	return diff === 1;
}
