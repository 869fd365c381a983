/**
 * Fix-all: re-runs the rules on the current text and applies every safe preferred fix that
 * does not overlap another, until nothing changes (at most `maxPasses`), then returns one
 * minimal edit list against the original. Cached fixes are never merged: each pass recomputes.
 *
 * Tier policy: only what is certainly wrong is applied. A rule reports what it is unsure of
 * below its standard severity (mixed-script, a Warning rule: at Information or as a Hint); those
 * fixes are applied only for a rule the user lists with that tier (`mixed-script:info`), whatever
 * the caller accepts. This is what keeps a clean from rewriting correct text (a Taiwan article's
 * 周, 游, 里 and surnames).
 */
import { CorpusDocument } from './document';
import { EditComposer, nonOverlapping } from './edits';
import { Problem, Rule, Severity, severityRank, TextEdit } from './types';

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
	/** The lowest severity whose fixes a rule may have applied (see `standardTier`); Warning when not given. */
	readonly lowestTier?: (ruleId: string) => Severity | undefined;
}

/**
 * The rules a user lists in `zhCorpus.fixAll.rules`, each with the lowest tier to apply:
 * `rule` (undefined: its standard tier) or `rule:warning` / `rule:info` / `rule:hint`.
 */
export function listedTiers(entries: readonly string[]): Map<string, Severity | undefined> {
	const tiers = new Map<string, Severity | undefined>();
	for (const entry of entries) {
		const m = /^\s*([^:\s]+)\s*(?::\s*(error|warning|info|hint)\s*)?$/.exec(entry);
		if (!m) { continue; }
		const tier = m[2] as Severity | undefined;
		const before = tiers.get(m[1]);
		if (!tiers.has(m[1]) || (tier && (!before || severityRank[tier] < severityRank[before]))) { tiers.set(m[1], tier ?? before); }
	}
	return tiers;
}

/**
 * The tier a rule's fixes are applied from when the user lists no other: its standard severity
 * (Warning for mixed-script and boilerplate, Information for the style rules), never a Hint.
 */
export function standardTier(rule: Rule): Severity {
	const rank = Math.min(Math.max(severityRank[rule.defaultSeverity], severityRank.info), severityRank.warning);
	return rank === severityRank.info ? 'info' : 'warning';
}

/**
 * Rule id → the lowest tier fix-all applies: the rule's standard tier for the rules fix-all
 * applies by default (and `ruleId`, asked for by name), or the tier the user lists.
 */
export function fixAllTiers(rules: readonly Rule[], listed: readonly string[], ruleId?: string): Map<string, Severity> {
	const tiers = new Map<string, Severity>(rules.filter((r) => r.fixAllByDefault !== false || r.id === ruleId).map((r) => [r.id, standardTier(r)]));
	for (const [id, tier] of listedTiers(listed)) {
		const rule = rules.find((r) => r.id === id);
		tiers.set(id, tier ?? (rule ? standardTier(rule) : 'warning'));
	}
	return tiers;
}

/** True when a problem is at or above the tier fix-all applies for its rule (Warning unless given lower). */
export function inFixAllTier(problem: Problem, lowest: Severity = 'warning'): boolean {
	return severityRank[problem.severity] >= Math.max(severityRank[lowest], severityRank.hint);
}

export function fixAll({ doc, lint, accept, lowestTier }: FixAllRequest): RuleEdit[] {
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
			if (!accept(problem) || !inFixAllTier(problem, lowestTier?.(problem.ruleId))) { continue; }
			const fix = problem.fixes.find((f) => f.isPreferred && f.safe);
			if (!fix || fix.edits.length === 0) { continue; }
			// Loops, not Math.min(...edits): a fix may hold more edits than a call takes arguments.
			let start = Infinity;
			let end = -Infinity;
			for (const e of fix.edits) { start = Math.min(start, e.start); end = Math.max(end, e.end); }
			envelopes.push({ start, end, newText: '', fix: fix.edits, tag: tagOf(problem.ruleId) });
		}
		const chosen = nonOverlapping(envelopes) as typeof envelopes;
		if (chosen.length === 0) { break; }
		composer.apply(chosen.flatMap((c) => [...c.fix].sort((a, b) => a.start - b.start).map((e) => ({ ...e, tag: c.tag }))));
	}
	return composer.taggedEdits().map(({ start, end, newText, tag }) => ({ start, end, newText, ruleId: ruleIds[tag] ?? '' }));
}
