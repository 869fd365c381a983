/**
 * Where every entity is mentioned, file by file. Two tiers, because tagging is slow (about
 * 2 MB/s) and matching known names is fast: discovery (tag + rules) tells which strings are
 * names; a multi-pattern scan of every known name finds all their mentions in every file, in
 * either script. One file's change re-discovers and re-matches that file only; names that are
 * new to the corpus are handed back so the host can look for them in the other files.
 */
import type { Tagger } from '../types';
import { discover, foldText } from './discovery';
import { Entity, EntityTable } from './entityTable';
import { emptyGazetteer, Gazetteer } from './gazetteer';
import type { EntityType } from './recognize';

/** A mention in a file: zero-based line, UTF-16 column and length. */
export interface Mention {
	readonly line: number;
	readonly character: number;
	readonly length: number;
	readonly entity: Entity;
}

interface FileEntities {
	/** Names discovered in this file, one row per key and type (parallel arrays: a Map per file costs too much at 10k files). */
	readonly voteKeys: string[];
	readonly voteTypes: EntityType[];
	readonly voteCounts: number[];
	/** Spans the recognizer found (start, end pairs): the scan keeps them even where it would doubt a bare match. */
	found: Int32Array;
	/** Roles written before people here: key, role, key, role… */
	readonly roles: string[];
	/** Packed mentions: line, character, length, entity id. */
	mentions: Int32Array;
	/** Spellings that differ from their key (任賢良 for 任贤良): entity id → spellings. */
	variants: Map<number, Set<string>>;
}

const isHanCode = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

export class EntityIndex {
	#table: EntityTable;
	#gazetteer: Gazetteer = emptyGazetteer;
	readonly #files = new Map<string, FileEntities>();
	/** Files whose mentions were cleared by a new gazetteer and not matched since. */
	readonly #unmatched = new Set<string>();
	/** Bumped on every change; hover aggregates (roles, spellings) are cached per entity until it moves. */
	#version = 0;
	readonly #aggregates = new Map<number, { version: number; roles?: string[]; variants?: string[] }>();

	constructor(readonly tagger: Tagger | undefined) {
		this.#table = new EntityTable(emptyGazetteer);
	}

	get table(): EntityTable { return this.#table; }
	get gazetteer(): Gazetteer { return this.#gazetteer; }
	get fileCount(): number { return this.#files.size; }
	has(uri: string): boolean { return this.#files.has(uri); }
	isUnmatched(uri: string): boolean { return this.#unmatched.has(uri); }

	/**
	 * Tier 1 for one file: records the names it introduces. Returns the names that are new to the
	 * corpus (the other files must be matched again to find them).
	 */
	discover(uri: string, text: string): Entity[] {
		this.#version++;
		const found = this.tagger ? discover(text, this.tagger) : [];
		this.#forgetVotes(uri);
		const rows = new Map<string, number>();
		const voteKeys: string[] = [], voteTypes: EntityType[] = [], voteCounts: number[] = [], roles: string[] = [];
		for (const f of found) {
			const row = `${f.type}\u0000${f.key}`;
			const i = rows.get(row);
			if (i === undefined) { rows.set(row, voteKeys.length); voteKeys.push(f.key); voteTypes.push(f.type); voteCounts.push(1); } else { voteCounts[i]++; }
			if (f.role) { roles.push(f.key, f.role); }
		}
		const spans = new Int32Array(found.length * 2);
		found.forEach((f, i) => { spans[2 * i] = f.start; spans[2 * i + 1] = f.end; });
		const old = this.#files.get(uri);
		const file: FileEntities = { voteKeys, voteTypes, voteCounts, roles, found: spans, mentions: old?.mentions ?? new Int32Array(0), variants: old?.variants ?? new Map() };
		this.#files.set(uri, file);
		return this.#applyVotes(uri, file);
	}

	/** Tier 2 for one file: every mention of every known name (discovered spans first). */
	match(uri: string, text: string): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		this.#version++;
		this.#forgetMentions(uri, file);
		this.#unmatched.delete(uri);
		const folded = foldText(text);
		const spans: { start: number; end: number; id: number }[] = [];
		for (const m of this.#table.trie().matches(folded)) {
			const e = this.#table.get(m.value);
			if (!e || !this.#plausible(folded, m.start, m.end, e)) { continue; }
			spans.push({ start: m.start, end: m.end, id: e.id });
		}
		const seen = new Set(spans.map((s) => s.start * 65536 + s.end - s.start));
		for (let i = 0; i < file.found.length; i += 2) {
			const start = file.found[i], end = file.found[i + 1];
			const e = this.#table.byKey(folded.slice(start, end));
			if (e && !seen.has(start * 65536 + end - start)) { spans.push({ start, end, id: e.id }); }
		}
		const kept = this.#outermostFirst(spans);
		const packed = new Int32Array(kept.length * 4);
		const variants = new Map<number, Set<string>>();
		let line = 0, lineStart = 0, scanned = 0;
		kept.forEach((s, i) => {
			for (; scanned < s.start; scanned++) { if (text.charCodeAt(scanned) === 10) { line++; lineStart = scanned + 1; } }
			packed.set([line, s.start - lineStart, s.end - s.start, s.id], i * 4);
			const e = this.#table.get(s.id)!;
			e.mentionFiles.set(uri, (e.mentionFiles.get(uri) ?? 0) + 1);
			const written = text.slice(s.start, s.end);
			if (!e.keys.has(written)) {
				let set = variants.get(s.id);
				if (!set) { set = new Set(); variants.set(s.id, set); }
				set.add(written);
			}
		});
		file.mentions = packed;
		file.variants = variants;
	}

	/** Discover and match one file (an edited document, a changed file). */
	update(uri: string, text: string): Entity[] {
		const added = this.discover(uri, text);
		this.match(uri, text);
		return added;
	}

	remove(uri: string): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		this.#version++;
		this.#forgetMentions(uri, file);
		this.#forgetVotes(uri);
		this.#files.delete(uri);
		this.#unmatched.delete(uri);
	}

	/** A new gazetteer: a new table with every file's votes replayed. Every file must be matched again. */
	setGazetteer(gazetteer: Gazetteer): void {
		this.#gazetteer = gazetteer;
		this.#table = new EntityTable(gazetteer);
		for (const [uri, file] of this.#files) {
			file.mentions = new Int32Array(0);
			file.variants = new Map();
			this.#unmatched.add(uri);
			this.#applyVotes(uri, file);
		}
	}

	mentions(uri: string): Mention[] {
		const file = this.#files.get(uri);
		const out: Mention[] = [];
		if (!file) { return out; }
		const m = file.mentions;
		for (let i = 0; i < m.length; i += 4) {
			const entity = this.#table.get(m[i + 3]);
			if (entity) { out.push({ line: m[i], character: m[i + 1], length: m[i + 2], entity }); }
		}
		return out;
	}

	/** The mentions of one entity in one file (reads the packed array: no object per other mention). */
	mentionsOf(uri: string, e: Entity): Mention[] {
		const m = this.#files.get(uri)?.mentions;
		const out: Mention[] = [];
		if (!m) { return out; }
		for (let i = 3; i < m.length; i += 4) {
			if (m[i] === e.id) { out.push({ line: m[i - 3], character: m[i - 2], length: m[i - 1], entity: e }); }
		}
		return out;
	}

	/** Roles written before the entity's names in the files that discovered it, most frequent first. */
	roles(e: Entity): string[] {
		const cached = this.#aggregate(e);
		return cached.roles ??= this.#roles(e);
	}

	#aggregate(e: Entity): { version: number; roles?: string[]; variants?: string[] } {
		let a = this.#aggregates.get(e.id);
		if (a?.version !== this.#version) {
			a = { version: this.#version };
			this.#aggregates.set(e.id, a);
		}
		return a;
	}

	#roles(e: Entity): string[] {
		const counts = new Map<string, number>();
		for (const uri of e.discoveredIn) {
			const roles = this.#files.get(uri)?.roles ?? [];
			for (let i = 0; i < roles.length; i += 2) {
				if (e.keys.has(roles[i])) { counts.set(roles[i + 1], (counts.get(roles[i + 1]) ?? 0) + 1); }
			}
		}
		return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([r]) => r);
	}

	/** Spellings of the entity other than its keys, seen in its files. */
	variants(e: Entity): string[] {
		const cached = this.#aggregate(e);
		return cached.variants ??= this.#variants(e);
	}

	#variants(e: Entity): string[] {
		const set = new Set<string>();
		for (const uri of e.mentionFiles.keys()) { this.#files.get(uri)?.variants.get(e.id)?.forEach((v) => set.add(v)); }
		return [...set];
	}

	/**
	 * A known name found by the scan counts where it stands alone: a two-character person name
	 * with Han characters on both sides is likely part of other words (王浩 in 帝王浩荡).
	 */
	#plausible(folded: string, start: number, end: number, e: Entity): boolean {
		if (end - start > 2 || e.gazetteer || this.#table.typeOf(e) !== 'person') { return true; }
		return !(isHanCode(folded.charCodeAt(start - 1)) && isHanCode(folded.charCodeAt(end)));
	}

	/** Longest first; a span crossing a kept one, or inside a kept person or work, is dropped. */
	#outermostFirst(spans: { start: number; end: number; id: number }[]): { start: number; end: number; id: number }[] {
		spans.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
		const kept: { start: number; end: number; id: number; atomic: boolean }[] = [];
		for (const s of spans) {
			const clash = kept.some((k) => s.start < k.end && k.start < s.end && (s.start < k.start || s.end > k.end || k.atomic || (s.start === k.start && s.end === k.end)));
			if (!clash) {
				const type = this.#table.typeOf(this.#table.get(s.id)!);
				kept.push({ ...s, atomic: type === 'person' || type === 'work' });
			}
		}
		kept.sort((a, b) => a.start - b.start || b.end - a.end);
		// 互联网大会 is known from a line where the name was cut short; inside 世界互联网大会 it is not a
		// second name. A nested organization or event ending where its container ends counts only
		// after a place (国家互联网信息办公室 in 中国 + 国家互联网信息办公室).
		return kept.filter((inner) => {
			const type = this.#table.typeOf(this.#table.get(inner.id)!);
			if (type !== 'organization' && type !== 'event') { return true; }
			const outer = kept.find((o) => o !== inner && o.end === inner.end && o.start < inner.start);
			if (!outer) { return true; }
			return kept.some((p) => p.start === outer.start && p.end === inner.start && this.#table.typeOf(this.#table.get(p.id)!) === 'place');
		});
	}

	#applyVotes(uri: string, file: FileEntities): Entity[] {
		const added: Entity[] = [];
		file.voteKeys.forEach((key, i) => {
			const created = this.#table.addVote(key, file.voteTypes[i], uri, file.voteCounts[i]);
			if (created) { added.push(created); }
		});
		return added;
	}

	#forgetVotes(uri: string): void {
		const file = this.#files.get(uri);
		if (!file) { return; }
		file.voteKeys.forEach((key, i) => this.#table.removeVote(key, file.voteTypes[i], uri, file.voteCounts[i]));
		file.voteKeys.length = 0;
	}

	#forgetMentions(uri: string, file: FileEntities): void {
		const m = file.mentions;
		for (let i = 0; i < m.length; i += 4) { this.#table.get(m[i + 3])?.mentionFiles.delete(uri); }
	}
}
