/**
 * Entities across the workspace: keeps the entity index fresh for the documents the server's
 * thread indexes (an edited document; closed files are tagged and matched by the workers) and
 * answers the editor's questions (which entity is here, where else it is mentioned, what to
 * rewrite on rename).
 */
import type { CancellationToken, Tagger } from '../types';
import type { Workspace } from '../workspace';
import { foldText } from './discovery';
import type { Entity } from './entityTable';
import { EntityIndex, Mention } from './entityIndex';
import type { MakeLocation } from './fileEntities';
import { pinyinInitials, plainPinyin } from './pinyin';
import { textStamp } from '../text/stamp';

export interface EntityLocation { readonly uri: string; readonly line: number; readonly character: number; readonly length: number }
const entityLocation: MakeLocation<EntityLocation> = (uri, line, character, length) => ({ uri, line, character, length });

export class EntityService {
	readonly index: EntityIndex;
	/** The text (length and hash) each file was indexed at: an unchanged text is not indexed again. */
	readonly #indexedAt = new Map<string, string>();

	constructor(private readonly workspace: Workspace, tagger: Tagger | undefined) {
		this.index = new EntityIndex(tagger);
	}

	/**
	 * One file's text changed (an edit, a watched file). Returns the names new to the corpus:
	 * the host looks for them in the other files with `rematch`, when the user pauses.
	 */
	update(uri: string, text: string, stamp = textStamp(text)): Entity[] {
		if (this.#indexedAt.get(uri) === stamp) {
			// A new gazetteer cleared its mentions: the file the user looks at is matched first.
			if (this.index.isUnmatched(uri)) { this.index.match(uri, text); }
			return [];
		}
		this.#indexedAt.set(uri, stamp);
		return this.index.update(uri, text);
	}

	/** The file's names were discovered elsewhere (a worker) from the text with this stamp. */
	markDiscovered(uri: string, stamp: string): void {
		this.#indexedAt.set(uri, stamp);
	}

	/** The stamp of the text the file's names were last indexed from. */
	indexedStamp(uri: string): string | undefined { return this.#indexedAt.get(uri); }

	/** True when the document's entities were indexed from exactly its text (hashed only when the lengths agree). */
	isFreshText(doc: { readonly uri: string; hasStamp(stamp: string | undefined): boolean }): boolean {
		return doc.hasStamp(this.#indexedAt.get(doc.uri)) && !this.index.isUnmatched(doc.uri);
	}

	remove(uri: string): void {
		this.#indexedAt.delete(uri);
		this.index.remove(uri);
	}

	/** Matches the known names in these files again (after new names or a new gazetteer). */
	async rematch(uris: readonly string[], progress?: () => void, token?: CancellationToken): Promise<void> {
		for (const uri of uris) {
			if (token?.isCancellationRequested) { return; }
			if (this.index.has(uri)) {
				const file = await this.workspace.readFile(uri);
				if (file) { this.index.match(uri, file.text); }
			}
			progress?.();
		}
	}

	/** The innermost mention at a position (乌镇 inside 乌镇峰会). */
	mentionAt(uri: string, line: number, character: number): Mention | undefined {
		let best: Mention | undefined;
		for (const m of this.index.mentions(uri)) {
			if (m.line === line && m.character <= character && character <= m.character + m.length && (!best || m.length < best.length)) { best = m; }
		}
		return best;
	}

	/**
	 * Every mention of the entity in the workspace, in either script and under every alias (files
	 * in URI order), each made by `make`: the host builds its own location objects directly (a name
	 * with 18,000 mentions made an object per mention here and another there).
	 */
	references<T = EntityLocation>(e: Entity, make: MakeLocation<T> = entityLocation as MakeLocation<T>): T[] {
		return this.index.locationsOf(e, make);
	}

	/** The gazetteer entry, else the first mention in the corpus (files in URI order). */
	definition(e: Entity): EntityLocation | undefined {
		const g = e.gazetteer;
		if (g) { return { uri: g.uri, line: g.line, character: g.character, length: g.name.length }; }
		let first: string | undefined;
		for (const uri of e.mentionFiles.keys()) { if (first === undefined || uri < first) { first = uri; } }
		const m = first === undefined ? undefined : this.index.mentionsOf(first, e)[0];
		return m && first ? { uri: first, line: m.line, character: m.character, length: m.length } : undefined;
	}

	/** Entities whose name, alias, pinyin or pinyin initials contain the query. */
	search(query: string, limit = 200): Entity[] {
		const q = foldText(query.trim()).toLowerCase().replace(/\s+/g, '');
		const out: { e: Entity; rank: number }[] = [];
		for (const e of this.index.table.live()) {
			if (e.mentionFiles.size === 0 && !e.gazetteer) { continue; }
			const type = this.index.table.typeOf(e);
			let rank = -1;
			if (q === '') { rank = 3; } else if ([...e.keys].some((k) => k.includes(q))) { rank = 0; } else if (/^[a-z]+$/.test(q)) {
				if (pinyinInitials(e.name).startsWith(q)) { rank = 1; } else if (plainPinyin(e.name, type).includes(q)) { rank = 2; }
			}
			if (rank >= 0) { out.push({ e, rank }); }
		}
		return out.sort((a, b) => a.rank - b.rank || mentionCount(b.e) - mentionCount(a.e)).slice(0, limit).map((x) => x.e);
	}

	/**
	 * Edits renaming every mention written as `key` (in either script) to `newName`; mentions in
	 * traditional script get the name converted by `toTraditional`. Each file is read again and a
	 * mention that no longer reads as `key` is left alone.
	 */
	async renameEdits(e: Entity, key: string, newName: string, toTraditional: (s: string) => string): Promise<Map<string, { line: number; character: number; length: number; newText: string }[]>> {
		const edits = new Map<string, { line: number; character: number; length: number; newText: string }[]>();
		for (const uri of e.mentionFiles.keys()) {
			const file = await this.workspace.readFile(uri);
			if (!file) { continue; }
			// Lines as the matcher and editors count them (`\r\n`, `\n`, a lone `\r`).
			const lines = file.text.split(/\r\n|\r|\n/);
			for (const m of this.index.mentionsOf(uri, e)) {
				const written = lines[m.line]?.slice(m.character, m.character + m.length) ?? '';
				if (foldText(written) !== key) { continue; }
				const newText = written === key ? newName : toTraditional(newName);
				if (newText !== written) { edits.set(uri, [...edits.get(uri) ?? [], { line: m.line, character: m.character, length: m.length, newText }]); }
			}
		}
		return edits;
	}
}

export function mentionCount(e: Entity): number {
	return e.mentionTotal;
}
