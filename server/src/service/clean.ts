/**
 * Cleaning a corpus with fix-all: which rule families a clean can apply, and the review
 * rows (line, rule, removed and inserted text) that say what a clean changed in a document.
 */
import type { CorpusDocument } from './document';
import type { RuleEdit } from './fixAll';
import type { Rule } from './types';

/** A rule's family: the part of its id before the first dot (`boilerplate.tail` → `boilerplate`). */
export function ruleFamily(ruleId: string): string {
	const dot = ruleId.indexOf('.');
	return dot < 0 ? ruleId : ruleId.slice(0, dot);
}

export interface RuleFamily {
	readonly id: string;
	readonly rules: readonly { readonly id: string; readonly description: string }[];
}

/** The families of the rules that have fixes, in registry order. */
export function ruleFamilies(rules: readonly Rule[]): RuleFamily[] {
	const families = new Map<string, { id: string; description: string }[]>();
	for (const rule of rules) {
		const family = ruleFamily(rule.id);
		if (!families.has(family)) { families.set(family, []); }
		families.get(family)!.push({ id: rule.id, description: rule.description });
	}
	return [...families].map(([id, members]) => ({ id, rules: members }));
}

/** One change of a clean, as the review report lists it. */
export interface ReviewRow {
	/** 1-based line of the original text where the change starts. */
	readonly line: number;
	/** 1-based column in UTF-16 code units (as editors count positions). */
	readonly column: number;
	readonly rule: string;
	readonly removed: string;
	/** Present when the change also inserts text (a script conversion). */
	readonly inserted?: string;
}

export function reviewRows(doc: CorpusDocument, edits: readonly RuleEdit[]): ReviewRow[] {
	return edits.map((e) => {
		const at = doc.positionAt(e.start);
		return {
			line: at.line + 1,
			column: at.character + 1,
			rule: e.ruleId,
			removed: doc.text.slice(e.start, e.end),
			...(e.newText ? { inserted: e.newText } : {}),
		};
	});
}
