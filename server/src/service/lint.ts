/**
 * Runs the enabled rules over a document: applies configured severities (a finding's own
 * `maxSeverity` caps it), sorts by position and caps the count at `maxProblems`.
 */
import type { CorpusDocument } from './document';
import { Finding, LintOptions, Problem, Rule, RuleContext, Severity, severityRank } from './types';

export function severityOf(rule: Rule, options: LintOptions): Severity {
	return options.rules[rule.id] ?? rule.defaultSeverity;
}

export function lint(doc: CorpusDocument, rules: readonly Rule[], options: LintOptions, ctxFor: (rule: Rule) => RuleContext): Problem[] {
	const problems: Problem[] = [];
	for (const rule of rules) {
		const configured = severityOf(rule, options);
		if (configured === 'off') { continue; }
		const ctx = ctxFor(rule);
		if (ctx.token?.isCancellationRequested) { break; }
		for (const finding of rule.check(doc, ctx)) {
			const cap = finding.maxSeverity ?? configured;
			const severity = severityRank[cap] < severityRank[configured] ? cap : configured;
			if (severity !== 'off') { problems.push(problemOf(finding, severity)); }
		}
	}
	problems.sort((a, b) => a.start - b.start || a.end - b.end);
	return problems.length > options.maxProblems ? problems.slice(0, options.maxProblems) : problems;
}

/**
 * The finding with its severity. Written out field by field: a spread of findings of a dozen
 * shapes (one per rule) takes V8's slow path, ≈ 2.5 ms for the 3,000 findings of a 1 MB
 * document per check against ≈ 0.1 ms. Optional fields stay absent when the finding has none.
 */
function problemOf(f: Finding, severity: Exclude<Severity, 'off'>): Problem {
	const p: { -readonly [K in keyof Problem]: Problem[K] } = { ruleId: f.ruleId, start: f.start, end: f.end, message: f.message, fixes: f.fixes, severity };
	if ('maxSeverity' in f) { p.maxSeverity = f.maxSeverity; }
	if ('related' in f) { p.related = f.related; }
	return p;
}
