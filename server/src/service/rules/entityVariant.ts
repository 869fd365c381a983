/**
 * entity.variant: one person written two ways across the corpus (洪曜庄 in one file, 洪耀庄 in
 * another: same sound, one character apart). The rarer spelling is flagged, with the other
 * one as a fix; both when they are as common. Not fixed by fix-all: which one is right is the
 * editor's call (rename unifies every mention at once).
 */
import { plainPinyin } from '../entities/pinyin';
import type { Finding, Rule } from '../types';

/**
 * The sound-alikes' pinyin, once per name: the rule runs on every keystroke of an open document
 * whose names the index holds, and a name with hundreds of mentions was transliterated for each
 * (≈ 1.5 ms of such a check of the bench's 1 MB document).
 */
const pinyinOf = new Map<string, string>();
function personPinyin(name: string): string {
	let p = pinyinOf.get(name);
	if (p === undefined) {
		if (pinyinOf.size >= 10_000) { pinyinOf.clear(); }
		pinyinOf.set(name, p = plainPinyin(name, 'person'));
	}
	return p;
}

export const entityVariant: Rule = {
	id: 'entity.variant',
	description: 'A person’s name written two ways in the corpus (same pinyin, one character apart).',
	defaultSeverity: 'warning',
	fixAllByDefault: false,
	// Which files to check again is the entity index's answer (sound-alikes gained or lost), not a file's facts.
	corpus: { reads: 'names' },
	*check(doc, ctx) {
		const view = ctx.entities;
		if (!view) { return; }
		for (const m of view.mentionsOf(doc)) {
			if (m.entity.type !== 'person') { continue; }
			for (const other of view.soundAlikes(m.entity)) {
				if (other.mentions < m.entity.mentions) { continue; }
				const finding: Finding = {
					ruleId: 'entity.variant',
					start: m.start,
					end: m.end,
					message: ctx.t('entity.variant', m.entity.name, other.name, personPinyin(other.name), ctx.t('entity.count', other.mentions, other.files)),
					fixes: [{ title: ctx.t('entity.variantFix', other.name), edits: [{ start: m.start, end: m.end, newText: other.name }] }],
					related: other.first ? [{ uri: other.first.uri, range: { start: { line: other.first.line, character: other.first.character }, end: { line: other.first.line, character: other.first.character + other.first.length } }, message: ctx.t('entity.variantOther', other.name) }] : undefined,
				};
				yield finding;
			}
		}
	},
};
