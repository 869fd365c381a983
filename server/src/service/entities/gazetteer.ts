/**
 * The user's gazetteer, `.zh-corpus/entities.json` (JSON with comments): entities with their
 * type, aliases and description, and strings that are not names. It adds what the recognizer
 * cannot know (brands without a suffix, abbreviations) and overrides its mistakes.
 *
 *   { "entities": [ { "name": "中共中央宣传部", "type": "organization", "aliases": ["中宣部"], "description": "…" } ],
 *     "ignore": ["普惠"] }
 */
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { EntityType, entityTypes } from './recognize';

export interface GazetteerEntry {
	readonly name: string;
	readonly type: EntityType;
	readonly aliases: readonly string[];
	readonly description?: string;
	/** Where the entry's name is written in the file (go to definition). */
	readonly uri: string;
	readonly offset: number;
	readonly line: number;
	readonly character: number;
}

export interface Gazetteer {
	readonly entries: readonly GazetteerEntry[];
	readonly ignore: readonly string[];
	/** Problems in the file, for the user (a broken entry is skipped, the rest still count). */
	readonly problems: readonly { readonly offset: number; readonly length: number; readonly message: string }[];
}

export const emptyGazetteer: Gazetteer = { entries: [], ignore: [], problems: [] };

export function parseGazetteer(uri: string, text: string): Gazetteer {
	const errors: ParseError[] = [];
	const root = parse(text, errors, { allowTrailingComma: true, disallowComments: false }) as unknown;
	const problems = errors.map((e) => ({ offset: e.offset, length: e.length, message: `entities.json: ${printParseErrorCode(e.error)}` }));
	if (typeof root !== 'object' || root === null || Array.isArray(root)) {
		return { entries: [], ignore: [], problems: problems.length ? problems : [{ offset: 0, length: 0, message: 'entities.json: expected an object with "entities" and "ignore"' }] };
	}
	const { entities, ignore } = root as { entities?: unknown; ignore?: unknown };
	const entries: GazetteerEntry[] = [];
	let searchFrom = 0;
	for (const [i, raw] of (Array.isArray(entities) ? entities : []).entries()) {
		const e = raw as { name?: unknown; type?: unknown; aliases?: unknown; description?: unknown };
		if (typeof e?.name !== 'string' || e.name.trim() === '') {
			problems.push({ offset: 0, length: 0, message: `entities.json: entity ${i + 1} has no "name"; skipped` });
			continue;
		}
		const type = entityTypes.includes(e.type as EntityType) ? e.type as EntityType : undefined;
		if (!type) { problems.push({ offset: 0, length: 0, message: `entities.json: "${e.name}" needs a "type" (${entityTypes.join(', ')}); skipped` }); continue; }
		// The entry's name as written, for go to definition: the next occurrence of the quoted name.
		const quoted = JSON.stringify(e.name);
		const at = text.indexOf(quoted, searchFrom);
		const offset = at >= 0 ? at + 1 : 0;
		if (at >= 0) { searchFrom = at + quoted.length; }
		const before = text.slice(0, offset);
		const line = before.split('\n').length - 1;
		entries.push({
			name: e.name.trim(), type, uri, offset, line, character: offset - (before.lastIndexOf('\n') + 1),
			aliases: Array.isArray(e.aliases) ? e.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [],
			description: typeof e.description === 'string' ? e.description : undefined,
		});
	}
	const ignored = Array.isArray(ignore) ? ignore.filter((s): s is string => typeof s === 'string' && s !== '') : [];
	return { entries, ignore: ignored, problems };
}
