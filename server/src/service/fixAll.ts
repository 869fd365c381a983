/**
 * Fix-all: re-runs the rules on the current text and applies every safe preferred fix that
 * does not overlap another, until nothing changes (at most `maxPasses`), then returns one
 * minimal edit list against the original. Cached fixes are never merged: each pass recomputes.
 */
import { CorpusDocument } from './document';
import { EditComposer, nonOverlapping } from './edits';
import type { Problem, TextEdit } from './types';

/** A composed fix-all edit with the rule that made it (review reports, previews grouped by rule). */
export interface RuleEdit extends TextEdit {
	readonly ruleId: string;
}

const maxPasses = 10;

export interface FixAllRequest {
	readonly doc: CorpusDocument;
	/** Lints a text (the service's `lint` bound to the document's options). */
	readonly lint: (doc: CorpusDocument) => readonly Problem[];
	/** Which problems fix-all may fix (rule filter, fix-all rule set). */
	readonly accept: (problem: Problem) => boolean;
}

export function fixAll({ doc, lint, accept }: FixAllRequest): RuleEdit[] {
	const composer = new EditComposer(doc.text);
	const ruleIds: string[] = [];
	const tagOf = (ruleId: string) => {
		const i = ruleIds.indexOf(ruleId);
		return i >= 0 ? i : ruleIds.push(ruleId) - 1;
	};
	for (let pass = 0; pass < maxPasses; pass++) {
		const current = pass === 0 ? doc : new CorpusDocument(doc.uri, doc.version, composer.text);
		// A fix is applied whole or not at all: fixes conflict when their envelopes overlap.
		const envelopes: (TextEdit & { fix: readonly TextEdit[]; tag: number })[] = [];
		for (const problem of lint(current)) {
			if (!accept(problem)) { continue; }
			const fix = problem.fixes.find((f) => f.isPreferred && f.safe);
			if (!fix || fix.edits.length === 0) { continue; }
			const start = Math.min(...fix.edits.map((e) => e.start));
			const end = Math.max(...fix.edits.map((e) => e.end));
			envelopes.push({ start, end, newText: '', fix: fix.edits, tag: tagOf(problem.ruleId) });
		}
		const chosen = nonOverlapping(envelopes) as typeof envelopes;
		if (chosen.length === 0) { break; }
		composer.apply(chosen.flatMap((c) => [...c.fix].sort((a, b) => a.start - b.start).map((e) => ({ ...e, tag: c.tag }))));
	}
	return composer.taggedEdits().map(({ start, end, newText, tag }) => ({ start, end, newText, ruleId: ruleIds[tag] ?? '' }));
}
