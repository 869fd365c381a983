/**
 * Entity features over LSP: hover, definition, references, highlights, workspace symbols,
 * rename, semantic tokens, and the `zhCorpus/entities` / `zhCorpus/entityMentions` requests of
 * the entity view and the next/previous-mention commands. Each handler: document → core → LSP.
 */
import {
	Connection, DocumentHighlightKind, ErrorCodes, ResponseError, Location, MarkupKind, Position, Range, SemanticTokensBuilder, SymbolKind, TextDocuments, WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusDocument, Entity, entityHover, EntityLocation, EntityType, entityTypes, foldText, LanguageService } from '../service';
import { convertText } from '../service/script/convert';
import { newNameProblem } from '../service/entities/newName';
import { countScript, dominantScript } from '../service/script/detect';
import { requests } from '../protocol';
import { safeHandlers } from './safe';
import { locationArray } from './stdioWriter';


/** Our semantic token types; package.json declares them with super types themes already color. */
export const semanticLegend = { tokenTypes: [...entityTypes], tokenModifiers: [] as string[] };

const symbolKind: Record<EntityType, SymbolKind> = {
	person: SymbolKind.Variable, organization: SymbolKind.Class, place: SymbolKind.Namespace, work: SymbolKind.String, event: SymbolKind.Event,
};

export interface EntityContext {
	readonly connection: Connection;
	/** The service (created at initialize, after the handlers are registered). */
	service(): LanguageService;
	readonly documents: TextDocuments<TextDocument>;
	/** The open corpus document (undefined for other documents), its names indexed as its state keeps them (openDocuments.ts). */
	corpusDocument(uri: string): Promise<CorpusDocument | undefined>;
	/** Waits for index updates already received. */
	indexReady(): Promise<void>;
	/** The real path of a file URI when it lies inside a workspace folder once links are followed (rename edits nothing else). */
	realInside(uri: string): Promise<string | undefined>;
	/** Tells the user (a notification). */
	inform(message: string): void;
}

/** Object literals, not `Location.create`: references of a name in every file build thousands (same JSON). */
const location = (uri: string, line: number, character: number, length: number): Location => ({ uri, range: { start: { line, character }, end: { line, character: character + length } } });
const toLocation = (l: EntityLocation): Location => location(l.uri, l.line, l.character, l.length);

export function registerEntityFeatures(ctx: EntityContext): void {
	const { connection } = ctx;
	/** The entity under the cursor (the document's names as its state holds them: current when it is small). */
	const entityAt = async (uri: string, position: Position) => {
		const service = ctx.service();
		const doc = await ctx.corpusDocument(uri);
		if (!doc) { return undefined; }
		const mention = service.entities.mentionAt(uri, position.line, position.character);
		return mention ? { doc, mention } : undefined;
	};
	const safe = safeHandlers(connection);

	connection.onHover(safe(null, async ({ textDocument, position }) => {
		const service = ctx.service();
		const entities = service.entities;
		const at = await entityAt(textDocument.uri, position);
		if (!at) { return null; }
		const { mention: m } = at;
		// Names are kept folded to simplified: a traditional document reads them in its own script.
		const script = { traditional: dominantScript(countScript(at.doc.text)) === 'traditional', toTraditional: (s: string) => convertText(s, 'traditional-tw') };
		return {
			contents: { kind: MarkupKind.Markdown, value: entityHover(entities.index, m.entity, textDocument.uri, service.t, script) },
			range: Range.create(m.line, m.character, m.line, m.character + m.length),
		};
	}));

	connection.onDefinition(safe(null, async ({ textDocument, position }) => {
		const service = ctx.service();
		const entities = service.entities;
		const at = await entityAt(textDocument.uri, position);
		const def = at && entities.definition(at.mention.entity);
		return def ? toLocation(def) : null;
	}));

	connection.onReferences(safe(null, async ({ textDocument, position }) => {
		const service = ctx.service();
		const entities = service.entities;
		const at = await entityAt(textDocument.uri, position);
		if (!at) { return null; }
		await ctx.indexReady();
		return locationArray(entities.references(at.mention.entity, location));
	}));

	connection.onDocumentHighlight(safe(null, async ({ textDocument, position }) => {
		const service = ctx.service();
		const entities = service.entities;
		const at = await entityAt(textDocument.uri, position);
		if (!at) { return null; }
		return entities.index.mentions(textDocument.uri).filter((m) => m.entity === at.mention.entity)
			.map((m) => ({ range: Range.create(m.line, m.character, m.line, m.character + m.length), kind: DocumentHighlightKind.Text }));
	}));

	connection.onWorkspaceSymbol(safe([], async ({ query }) => {
		const service = ctx.service();
		const entities = service.entities;
		await ctx.indexReady();
		return entities.search(query).flatMap((e) => {
			const def = entities.definition(e);
			return def ? [{ name: e.name, kind: symbolKind[entities.index.table.typeOf(e)], location: toLocation(def), containerName: service.t(`entity.${entities.index.table.typeOf(e)}`) }] : [];
		});
	}));

	connection.onPrepareRename(safe(null, async ({ textDocument, position }) => {
		const at = await entityAt(textDocument.uri, position);
		if (!at) { return null; }
		const m = at.mention;
		return { range: Range.create(m.line, m.character, m.line, m.character + m.length), placeholder: at.doc.lines[m.line].text.slice(m.character, m.character + m.length) };
	}));

	connection.onRenameRequest(safe(null, async ({ textDocument, position, newName }) => {
		const service = ctx.service();
		const entities = service.entities;
		// Checked before anything is computed: the client would write it into every mention.
		const invalid = newNameProblem(newName);
		if (invalid) { return new ResponseError(ErrorCodes.InvalidParams, service.t(invalid.message, ...invalid.args)); }
		const at = await entityAt(textDocument.uri, position);
		if (!at) { return null; }
		await ctx.indexReady();
		const m = at.mention;
		const key = foldText(at.doc.lines[m.line].text.slice(m.character, m.character + m.length));
		const edits = await entities.renameEdits(m.entity, key, newName.trim(), (s) => convertText(s, 'traditional'));
		const changes: WorkspaceEdit['changes'] = {};
		const outside: string[] = [];
		const seen = new Set<string>();
		for (const [uri, list] of edits) {
			// The client writes what a rename returns: never a file a link leads to out of the
			// workspace, and a file reached by two names (a link inside) only once.
			if (uri.startsWith('file:')) {
				const real = await ctx.realInside(uri);
				if (real === undefined) { outside.push(uri); continue; }
				if (seen.has(real)) { continue; }
				seen.add(real);
			}
			changes[uri] = list.map((e) => ({ range: Range.create(e.line, e.character, e.line, e.character + e.length), newText: e.newText }));
		}
		if (outside.length > 0) { ctx.inform(service.t('rename.outside', outside.length, outside.slice(0, 5).map((u) => decodeURIComponent(u.split('/').pop()!)).join(', '))); }
		return { changes };
	}));

	connection.languages.semanticTokens.on(safe({ data: [] }, async ({ textDocument }) => {
		const service = ctx.service();
		const entities = service.entities;
		const doc = await ctx.corpusDocument(textDocument.uri);
		if (!doc) { return { data: [] }; }
		const builder = new SemanticTokensBuilder();
		let lastEnd = { line: -1, character: -1 };
		// Mentions come outermost first per start; a nested one (乌镇 in 乌镇峰会) is skipped.
		for (const m of entities.index.mentions(textDocument.uri)) {
			if (m.line === lastEnd.line && m.character < lastEnd.character) { continue; }
			builder.push(m.line, m.character, m.length, entityTypes.indexOf(entities.index.table.typeOf(m.entity)), 0);
			lastEnd = { line: m.line, character: m.character + m.length };
		}
		return builder.build();
	}));

	connection.onRequest(requests.entities, safe([], async (params: { type?: EntityType; limit?: number }) => {
		const service = ctx.service();
		await ctx.indexReady();
		return entityList(service, params.type, params.limit ?? 500);
	}));

	connection.onRequest(requests.entityMentions, safe(null, async (params: { uri: string; position?: Position; id?: number }) => {
		const service = ctx.service();
		const entities = service.entities;
		await ctx.indexReady();
		const entity = params.id !== undefined ? entities.index.table.get(params.id) : params.position && (await entityAt(params.uri, params.position))?.mention.entity;
		return entity ? { id: entity.id, name: entity.name, locations: locationArray(entities.references(entity, location)) } : null;
	}));
}

/** The entity view's rows: entities of a type (or counts per type), most mentioned first. */
function entityList(service: LanguageService, type: EntityType | undefined, limit: number) {
	const table = service.entities.index.table;
	const rows: { id: number; name: string; type: EntityType; mentions: number; files: number }[] = [];
	for (const e of table.live() as Iterable<Entity>) {
		// Names of the corpus only: in the gazetteer, or found twice and mostly found where written (a one-character
		// mention such as 中 in 中美, or a string found once, is a name where it stands).
		if (e.mentionFiles.size === 0 || !table.spreads(e)) { continue; }
		const t = table.typeOf(e);
		if (type && t !== type) { continue; }
		const mentions = e.mentionTotal;
		// In the script most of its files use, the simplified name beside it (林文華 (林文华)).
		const written = service.entities.index.commonSpelling(e);
		rows.push({ id: e.id, name: written === e.name ? e.name : `${written} (${e.name})`, type: t, mentions, files: e.mentionFiles.size });
	}
	rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
	if (type) { return rows.slice(0, limit); }
	return entityTypes.map((t) => ({ type: t, count: rows.filter((r) => r.type === t).length }));
}
