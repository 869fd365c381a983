/**
 * Runs the enabled rules over a document: applies configured severities (a finding's own
 * `maxSeverity` caps it), sorts by position and caps the count at `maxProblems`.
 */
import type { CorpusDocument } from './document';
import { LintOptions, Problem, Rule, RuleContext, Severity, severityRank } from './types';

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
			if (severity !== 'off') { problems.push({ ...finding, severity }); }
		}
	}
	problems.sort((a, b) => a.start - b.start || a.end - b.end);
	return problems.length > options.maxProblems ? problems.slice(0, options.maxProblems) : problems;
}
