/**
 * duplicate.document — this file repeats another corpus file. Both texts are compared after
 * folding script and punctuation width (a traditional copy of a simplified text is a duplicate),
 * by winnowing fingerprints from the workspace index:
 * - resemblance of the print sets ≥ 0.8: a near-duplicate of the other file (warning, on the
 *   first line, linking the other file; no text fix: which copy to keep is the user's call);
 * - otherwise each shared passage of ≥ 150 characters: an overlap (information, on the passage,
 *   linking the same passage in the other file); its fix deletes the passage here, one at a time.
 */
import { excerpt } from '../boilerplate/findings';
import type { Finding, Rule } from '../types';

const id = 'duplicate.document';
const nearDuplicate = 0.8;
const minPassage = 150;
/** What the rule can report on: a host computing shared passages for it may keep only these. */
export const reportable = { similarity: nearDuplicate, passage: minPassage } as const;

const fileName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

export const duplicateDocument: Rule = {
	id,
	description: 'A near-duplicate of another corpus file (≥ 0.8 similar after script folding), or a shared passage of ≥ 150 characters.',
	defaultSeverity: 'warning',
	fixAllByDefault: false,
	corpus: {
		reads: 'shared-passages',
		/** The files sharing prints with it before or after: their shared passages changed. */
		affected: ({ before, after }) => new Set([...before.neighbours, ...after.neighbours]),
	},
	*check(doc, ctx): Iterable<Finding> {
		if (ctx.corpus.fileCount < 2 || doc.text.length < minPassage) { return; }
		const shared = ctx.corpus.sharedWith(doc.uri, doc.text);
		const near = shared.filter((f) => f.similarity >= nearDuplicate).sort((a, b) => b.similarity - a.similarity);
		if (near.length > 0) {
			const first = doc.lines.find((l) => l.text.trim().length > 0) ?? doc.lines[0];
			yield {
				ruleId: id, start: first.start, end: first.end,
				message: ctx.t('duplicate.document', fileName(near[0].uri), Math.round(near[0].similarity * 100), near.length - 1),
				related: near.slice(0, 10).map((f) => ({ uri: f.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: ctx.t('duplicate.documentOther', Math.round(f.similarity * 100)) })),
				fixes: [],
			};
			return;
		}
		for (const file of shared) {
			for (const p of file.passages) {
				if (p.length < minPassage) { continue; }
				yield {
					ruleId: id, start: p.start, end: p.end, maxSeverity: 'info',
					message: ctx.t('duplicate.overlap', p.length, fileName(file.uri), p.other.start.line + 1, excerpt(doc.text.slice(p.start, p.end))),
					related: [{ uri: file.uri, range: p.other, message: ctx.t('duplicate.overlapOther') }],
					fixes: [{ title: ctx.t('fix.deleteRepeat'), edits: [{ start: p.start, end: p.end, newText: '' }], safe: false }],
				};
			}
		}
	},
};
