/**
 * The "Corpus Names" view in the Explorer and the next/previous-mention commands. Thin: the
 * server answers `zhCorpus/entities` (types with counts, entities of a type) and
 * `zhCorpus/entityMentions` (every mention of the entity at a position, or of an id).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requests } from '../../server/src/protocol';
import { count, filesText, mentionsText } from './counts';

type EntityType = 'person' | 'organization' | 'place' | 'work' | 'event';
interface TypeRow { type: EntityType; count: number }
interface EntityRow { id: number; name: string; type: EntityType; mentions: number; files: number }
interface LspLocation { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }
interface Mentions { id: number; name: string; locations: LspLocation[] }

type Node = { kind: 'type'; row: TypeRow } | { kind: 'entity'; row: EntityRow } | { kind: 'mention'; location: LspLocation };

const typeLabels: Record<EntityType, () => string> = {
	person: () => vscode.l10n.t('People'), organization: () => vscode.l10n.t('Organizations'), place: () => vscode.l10n.t('Places'),
	work: () => vscode.l10n.t('Works'), event: () => vscode.l10n.t('Events'),
};
const typeIcons: Record<EntityType, string> = { person: 'person', organization: 'organization', place: 'location', work: 'book', event: 'calendar' };

export class EntityTree implements vscode.TreeDataProvider<Node> {
	readonly #changed = new vscode.EventEmitter<Node | undefined>();
	readonly onDidChangeTreeData = this.#changed.event;

	constructor(private readonly client: () => LanguageClient | undefined) { }

	refresh(): void { this.#changed.fire(undefined); }

	async getChildren(node?: Node): Promise<Node[]> {
		const client = this.client();
		if (!client) { return []; }
		if (!node) {
			const types = await client.sendRequest<TypeRow[]>(requests.entities, {});
			return types.filter((t) => t.count > 0).map((row) => ({ kind: 'type', row }));
		}
		if (node.kind === 'type') {
			const rows = await client.sendRequest<EntityRow[]>(requests.entities, { type: node.row.type, limit: 500 });
			return rows.map((row) => ({ kind: 'entity', row }));
		}
		if (node.kind === 'entity') {
			const found = await client.sendRequest<Mentions | null>(requests.entityMentions, { id: node.row.id });
			return (found?.locations ?? []).slice(0, 1000).map((location) => ({ kind: 'mention', location }));
		}
		return [];
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node.kind === 'type') {
			const item = new vscode.TreeItem(typeLabels[node.row.type](), vscode.TreeItemCollapsibleState.Collapsed);
			item.description = String(node.row.count);
			item.iconPath = new vscode.ThemeIcon(typeIcons[node.row.type]);
			return item;
		}
		if (node.kind === 'entity') {
			const item = new vscode.TreeItem(node.row.name, vscode.TreeItemCollapsibleState.Collapsed);
			item.description = vscode.l10n.t('{0} in {1}', count(node.row.mentions), filesText(node.row.files));
			item.tooltip = vscode.l10n.t('{0}: {1} in {2}', node.row.name, mentionsText(node.row.mentions), filesText(node.row.files));
			item.id = `entity-${node.row.id}`;
			return item;
		}
		const uri = vscode.Uri.parse(node.location.uri);
		const start = node.location.range.start;
		const item = new vscode.TreeItem(`${vscode.workspace.asRelativePath(uri)}:${start.line + 1}`, vscode.TreeItemCollapsibleState.None);
		item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri, { selection: toRange(node.location) }] };
		item.iconPath = vscode.ThemeIcon.File;
		return item;
	}
}

const toRange = (l: LspLocation) => new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character);

/** Moves to the next (or previous) mention of the name under the cursor, across files in URI order, wrapping around. */
export async function goToMention(client: LanguageClient | undefined, step: 1 | -1): Promise<void> {
	const editor = vscode.window.activeTextEditor;
	if (!editor || !client) { return; }
	const here = editor.selection.active;
	const found = await client.sendRequest<Mentions | null>(requests.entityMentions, { uri: editor.document.uri.toString(), position: { line: here.line, character: here.character } });
	if (!found || found.locations.length === 0) {
		void vscode.window.showInformationMessage('zh-corpus: no recognized name at the cursor.');
		return;
	}
	const current = editor.document.uri.toString();
	const order = (l: LspLocation) => [l.uri, l.range.start.line, l.range.start.character] as const;
	const compare = (a: readonly [string, number, number], b: readonly [string, number, number]) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
	const cursor = [current, here.line, here.character] as const;
	const locations = found.locations;
	// The mention the cursor is in counts as "here".
	const index = locations.findIndex((l) => l.uri === current && l.range.start.line === here.line && l.range.start.character <= here.character && here.character <= l.range.end.character);
	let target: LspLocation;
	if (index >= 0) { target = locations[(index + step + locations.length) % locations.length]; } else {
		const after = locations.filter((l) => compare(order(l), cursor) > 0);
		const before = locations.filter((l) => compare(order(l), cursor) < 0);
		target = step === 1 ? after[0] ?? locations[0] : before[before.length - 1] ?? locations[locations.length - 1];
	}
	const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
	const shown = await vscode.window.showTextDocument(doc);
	const range = toRange(target);
	shown.selection = new vscode.Selection(range.start, range.end);
	shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
	vscode.window.setStatusBarMessage(`${found.name}: mention ${locations.indexOf(target) + 1} of ${locations.length}`, 3000);
}
