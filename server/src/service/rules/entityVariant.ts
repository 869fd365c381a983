/**
 * entity.variant: one person written two ways across the corpus (洪曜庄 in one file, 洪耀庄 in
 * another: same sound, one character apart). The rarer spelling is flagged, with the other
 * one as a fix; both when they are as common. Not fixed by fix-all: which one is right is the
 * editor's call (rename unifies every mention at once). Names are stored folded to simplified: in
 * a document that writes the name in traditional script the message and the fix write both
 * names as the document does, as rename does; when the written form is neither (an alias), the
 * finding has no fix rather than a simplified one.
 */
import { plainPinyin } from '../entities/pinyin';
import { convertText } from '../script/convert';
import type { Finding, Rule } from '../types';

/** `compute` remembered per name (up to 10,000 names, then forgotten at once). */
function perName(compute: (name: string) => string): (name: string) => string {
	const seen = new Map<string, string>();
	return (name) => {
		let value = seen.get(name);
		if (value === undefined) {
			if (seen.size >= 10_000) { seen.clear(); }
			seen.set(name, value = compute(name));
		}
		return value;
	};
}

/**
 * The sound-alikes' pinyin and traditional forms, once per name: the rule runs on every keystroke
 * of an open document whose names the index holds, and a name with hundreds of mentions was
 * transliterated for each (≈ 1.5 ms of such a check of the bench's 1 MB document).
 */
const personPinyin = perName((name) => plainPinyin(name, 'person'));
const inTraditional = perName((name) => convertText(name, 'traditional'));

/** The two names as the document writes the flagged one: as stored, in traditional script, or unknown (undefined). */
function asWritten(written: string, name: string, other: string): { name: string; other: string } | undefined {
	if (written === name) { return { name, other }; }
	return inTraditional(name) === written ? { name: written, other: inTraditional(other) } : undefined;
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
				const names = asWritten(doc.text.slice(m.start, m.end), m.entity.name, other.name);
				const finding: Finding = {
					ruleId: 'entity.variant',
					start: m.start,
					end: m.end,
					message: ctx.t('entity.variant', names?.name ?? m.entity.name, names?.other ?? other.name, personPinyin(other.name), ctx.t('entity.count', other.mentions, other.files)),
					fixes: names ? [{ title: ctx.t('entity.variantFix', names.other), edits: [{ start: m.start, end: m.end, newText: names.other }] }] : [],
					related: other.first ? [{ uri: other.first.uri, range: { start: { line: other.first.line, character: other.first.character }, end: { line: other.first.line, character: other.first.character + other.first.length } }, message: ctx.t('entity.variantOther', names?.other ?? other.name) }] : undefined,
				};
				yield finding;
			}
		}
	},
};
