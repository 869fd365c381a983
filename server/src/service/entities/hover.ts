/**
 * The hover card of an entity: type, canonical name and pinyin, roles seen before it, aliases
 * and other spellings, mention counts here and in the corpus, the files it is in (as links),
 * and the gazetteer description. In a traditional document the name, roles and aliases are
 * shown in traditional script (林文華 · 市長), the simplified form beside the name.
 */
import type { Translate } from '../messages';
import type { Entity } from './entityTable';
import type { EntityIndex } from './entityIndex';
import { namePinyin } from './pinyin';
import { mentionCount } from './service';

const shownFiles = 5;

/** The script of the document being read; names and roles are stored folded to simplified. */
export interface HoverScript {
	readonly traditional: boolean;
	toTraditional(text: string): string;
}

export function entityHover(index: EntityIndex, e: Entity, uri: string, t: Translate, script?: HoverScript): string {
	const type = index.table.typeOf(e);
	const inScript = (s: string) => script?.traditional ? script.toTraditional(s) : s;
	// The spelling this document uses, else the name converted to its script.
	const name = index.spellingIn(uri, e) ?? inScript(e.name);
	const both = name === e.name ? '' : ` (${e.name})`;
	const lines = [`**${name}**${both} · ${t(`entity.${type}`)} · ${namePinyin(e.name, type)}`];
	const roles = index.roles(e).map(inScript);
	if (roles.length > 0) { lines.push(t('entity.roles', roles.slice(0, 4).join('、'))); }
	const aliases = [...e.keys].filter((k) => k !== e.name).map(inScript);
	if (aliases.length > 0) { lines.push(t('entity.aliases', aliases.join('、'))); }
	const variants = index.variants(e).filter((v) => v !== e.name && v !== name);
	if (variants.length > 0) { lines.push(t('entity.variants', variants.slice(0, 8).join('、'))); }
	lines.push(t('entity.mentions', e.mentionFiles.get(uri) ?? 0, mentionCount(e), e.mentionFiles.size));
	const files = [...e.mentionFiles].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	if (files.length > 0) {
		const links = files.slice(0, shownFiles).map(([u, n]) => `[${fileName(u)}](${u}) (${n})`);
		if (files.length > shownFiles) { links.push(t('entity.more', files.length - shownFiles)); }
		lines.push(t('entity.files', links.join(', ')));
	}
	if (e.gazetteer?.description) { lines.push('', e.gazetteer.description); }
	return lines.join('  \n');
}

function fileName(uri: string): string {
	const name = uri.slice(uri.lastIndexOf('/') + 1);
	try { return decodeURIComponent(name).replace(/[[\]]/g, '\\$&'); } catch { return name; }
}
