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
	const files = e.mentionFiles.size;
	if (files > 0) {
		const links = topFiles(e, shownFiles).map(([u, n]) => `[${fileName(u)}](${u}) (${n})`);
		if (files > shownFiles) { links.push(t('entity.more', files - shownFiles)); }
		lines.push(t('entity.files', links.join(', ')));
	}
	if (e.gazetteer?.description) { lines.push('', e.gazetteer.description); }
	return lines.join('  \n');
}

/** `localeCompare` without arguments compares as the default collator does; the collator is faster. */
const collator = new Intl.Collator();
const byMentions = (a: readonly [string, number], b: readonly [string, number]) => b[1] - a[1] || collator.compare(a[0], b[0]);

/**
 * The `k` files with the most mentions (then by name) as a stable sort of all of them would list
 * them first, without sorting them all: 乌镇 is in every one of the bench corpus's 10,000 files.
 */
function topFiles(e: Entity, k: number): [string, number][] {
	const top: [string, number][] = [];
	for (const f of e.mentionFiles) {
		if (top.length === k && byMentions(f, top[k - 1]) >= 0) { continue; }
		let i = top.length;
		while (i > 0 && byMentions(f, top[i - 1]) < 0) { i--; }
		top.splice(i, 0, f);
		if (top.length > k) { top.pop(); }
	}
	return top;
}

function fileName(uri: string): string {
	const name = uri.slice(uri.lastIndexOf('/') + 1);
	try { return decodeURIComponent(name).replace(/[[\]]/g, '\\$&'); } catch { return name; }
}
