/**
 * The user's gazetteer, `.zh-corpus/entities.json` (JSON with comments): entities with their
 * type, aliases and description, and strings that are not names. It adds what the recognizer
 * cannot know (brands without a suffix, abbreviations) and overrides its mistakes.
 *
 *   { "entities": [ { "name": "中共中央宣传部", "type": "organization", "aliases": ["中宣部"], "description": "…" } ],
 *     "ignore": ["普惠"] }
 */
import { lineStarts, nodeValue, parseBoundedJsonc, positionAt, propertyNode } from '../text/boundedJson';
import { messagesFor, Translate } from '../messages';
import { EntityType, entityTypes } from './recognize';

export interface GazetteerEntry {
	readonly name: string;
	readonly type: EntityType;
	readonly aliases: readonly string[];
	readonly description?: string;
	/** The name's and aliases' keys (folded to simplified), when whoever parsed the file folded them (a worker: 30,000 entries take the server's thread a quarter second). */
	readonly keys?: readonly string[];
	/** Where the entry's name is written in the file (go to definition). */
	readonly uri: string;
	readonly offset: number;
	readonly line: number;
	readonly character: number;
}

export interface Gazetteer {
	readonly entries: readonly GazetteerEntry[];
	readonly ignore: readonly string[];
	/** `ignore` folded, when `keys` are. */
	readonly ignoreKeys?: readonly string[];
	/** Problems in the file, for the user (a broken entry is skipped, the rest still count). */
	readonly problems: readonly { readonly offset: number; readonly length: number; readonly message: string }[];
}

export const emptyGazetteer: Gazetteer = { entries: [], ignore: [], problems: [] };

/** A gazetteer beyond these is refused with a message on the file (names found in the text still show). */
export const gazetteerLimits = { maxChars: 32 * 2 ** 20, maxDepth: 32, maxValues: 2_000_000, maxEntities: 200_000, maxProblems: 100 } as const;

/** A file too large to be read (`size` bytes on disk). */
export function oversizedGazetteer(size: number, t: Translate = messagesFor('en')): Gazetteer {
	return { entries: [], ignore: [], problems: [{ offset: 0, length: 0, message: `entities.json: ${t('json.tooLarge', (size / 2 ** 20).toFixed(1), gazetteerLimits.maxChars / 2 ** 20)} ${t('json.gazetteerUnused')}` }] };
}

/**
 * Parses the file in time linear in its size: entries are read from the syntax tree, each name's
 * position from its node (30,000 entries took minutes when every entry searched and split the
 * text before it).
 */
export function parseGazetteer(uri: string, text: string, t: Translate = messagesFor('en')): Gazetteer {
	const parsed = parseBoundedJsonc(text, gazetteerLimits);
	if ('refused' in parsed) {
		const r = parsed.refused;
		return { entries: [], ignore: [], problems: [{ offset: r.offset, length: 0, message: `entities.json: ${t(r.message, ...r.args)} ${t('json.gazetteerUnused')}` }] };
	}
	const problems: { offset: number; length: number; message: string }[] = parsed.errors.map((e) => ({ offset: e.offset, length: e.length, message: `entities.json: ${e.message}` }));
	const root = parsed.tree;
	if (root?.type !== 'object') {
		return { entries: [], ignore: [], problems: problems.length ? problems : [{ offset: 0, length: 0, message: 'entities.json: expected an object with "entities" and "ignore"' }] };
	}
	const entityNodes = propertyNode(root, 'entities')?.children ?? [];
	const entries: GazetteerEntry[] = [];
	let starts: Int32Array | undefined;
	for (const [i, node] of entityNodes.entries()) {
		if (entries.length >= gazetteerLimits.maxEntities) {
			problems.push({ offset: node.offset, length: 0, message: `entities.json: ${t('json.tooManyEntities', gazetteerLimits.maxEntities, entityNodes.length)}` });
			break;
		}
		const e = nodeValue(node) as { name?: unknown; type?: unknown; aliases?: unknown; description?: unknown } | null;
		if (typeof e?.name !== 'string' || e.name.trim() === '') {
			problems.push({ offset: node.offset, length: 0, message: `entities.json: entity ${i + 1} has no "name"; skipped` });
			continue;
		}
		const type = entityTypes.includes(e.type as EntityType) ? e.type as EntityType : undefined;
		if (!type) { problems.push({ offset: node.offset, length: 0, message: `entities.json: "${e.name}" needs a "type" (${entityTypes.join(', ')}); skipped` }); continue; }
		// The entry's name as written, for go to definition: inside the quotes of its node.
		const offset = (propertyNode(node, 'name')?.offset ?? node.offset - 1) + 1;
		starts ??= lineStarts(text);
		const { line, character } = positionAt(starts, offset);
		entries.push({
			name: e.name.trim(), type, uri, offset, line, character,
			aliases: Array.isArray(e.aliases) ? e.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : [],
			description: typeof e.description === 'string' ? e.description : undefined,
		});
	}
	const ignore = propertyNode(root, 'ignore');
	const ignored = ignore?.type === 'array' ? (ignore.children ?? []).map((n) => n.value as unknown).filter((s): s is string => typeof s === 'string' && s !== '') : [];
	// A file of broken entries gives a readable list, not thousands of diagnostics.
	if (problems.length > gazetteerLimits.maxProblems) {
		const more = problems.length - gazetteerLimits.maxProblems;
		problems.length = gazetteerLimits.maxProblems;
		problems.push({ offset: 0, length: 0, message: `entities.json: ${t('json.moreProblems', more)}` });
	}
	return { entries, ignore: ignored, problems };
}
