/**
 * mixed-script — characters of the other script in a document meant to be in one script.
 *
 *   traditional text: 成立后的首屆年會  ⇒  成立後的首屆年會   (皇后 keeps its 后)
 *   simplified text:  这是一個例子      ⇒  这是一个例子
 *
 * The target is the document's dominant script (from characters that exist in only one
 * script) unless `zhCorpus.script.target` fixes it. Detection is per line and cached by line
 * text, so an edit re-checks one line. Severity tiers: characters of the other script and
 * characters wrong even without context get the rule's severity; those only a phrase flags are
 * at most Information; accepted regional variants (發布, 周年, 伙伴) are at most Hints.
 */
import type { Finding, Fix, LineCache, Rule, RuleContext, Severity } from '../types';
import type { CorpusDocument } from '../document';
import { countScript, dominantScript, findScriptIssues, FixedTarget, needsCheck, ScriptCounts, ScriptIssue, Tier } from '../script/detect';
import { AllowList } from '../script/allowList';

const maxSeverityOf: Record<Tier, Severity | undefined> = { char: undefined, strong: undefined, weak: 'info', variant: 'info', allowed: 'hint' };

/** A document is mixed when the minority script has this share of single-script characters. */
const mixedShare = 0.2;
const mixedMinimum = 10;

let allowListMemo: AllowList | undefined;
function allowListFor(words: readonly string[]): AllowList {
	const key = words.join('\u0001');
	if (allowListMemo?.key !== key) { allowListMemo = new AllowList(words); }
	return allowListMemo;
}

export const mixedScript: Rule = {
	id: 'mixed-script',
	description: 'Characters of the other script (simplified in traditional text or the reverse), judged with phrase context.',
	defaultSeverity: 'warning',

	*check(doc: CorpusDocument, ctx: RuleContext): Iterable<Finding> {
		const counts = documentCounts(doc, ctx.cache<ScriptCounts>('counts'));
		const auto = ctx.options.scriptTarget === 'auto';
		const target: FixedTarget | undefined = auto ? dominantScript(counts) : ctx.options.scriptTarget as FixedTarget;
		if (!target) { return; }
		const allow = allowListFor(ctx.options.scriptAllow);
		const cache = ctx.cache<ScriptIssue[]>(`${target}\u0000${allow.key}`);
		const minority = target === 'simplified' ? counts.traditional : counts.simplified;
		const mixed = auto && minority >= mixedMinimum && minority >= mixedShare * (counts.simplified + counts.traditional);
		const all: { offset: number; issue: ScriptIssue }[] = [];
		for (const line of doc.lines) {
			if (!needsCheck(line.text, target)) { continue; }
			let issues = cache.get(line.text);
			if (!issues) {
				issues = findScriptIssues(line.text, target, allow);
				cache.set(line.text, issues);
			}
			if (issues.length === 0) { continue; }
			for (const issue of issues) { all.push({ offset: line.start, issue }); }
			const own = countScript(doc.text, line.start, line.end);
			const inOther = target === 'simplified' ? own.traditional > own.simplified : own.simplified > own.traditional;
			if (mixed && inOther) {
				yield paragraphFinding(line.start, line.end, issues, target, ctx);
			} else {
				for (const issue of issues) { yield issueFinding(line.start, issue, target, ctx); }
			}
		}
		if (mixed && all.length > 0) {
			const first = doc.lines[0];
			const edits = all.filter((x) => x.issue.tier !== 'allowed').map((x) => edit(x.offset, x.issue));
			yield {
				ruleId: 'mixed-script', start: first.start, end: first.end,
				message: ctx.t('mixedScript.document', counts.simplified, counts.traditional, ctx.t(`script.${target}`)),
				fixes: [{ title: ctx.t('fix.convertDocument', ctx.t(`script.${target}`)), edits, isPreferred: true, safe: false }],
			};
		}
	},
};

/** The document's script counts, summed from counts cached per line text (an edit recounts its lines only). */
function documentCounts(doc: CorpusDocument, cache: LineCache<ScriptCounts>): ScriptCounts {
	const total = { simplified: 0, traditional: 0 };
	for (const line of doc.lines) {
		let c = cache.get(line.text);
		if (!c) { c = countScript(line.text); cache.set(line.text, c); }
		total.simplified += c.simplified;
		total.traditional += c.traditional;
	}
	return total;
}

function edit(offset: number, issue: ScriptIssue) {
	return { start: offset + issue.start, end: offset + issue.end, newText: issue.replacement };
}

function issueFinding(offset: number, issue: ScriptIssue, target: FixedTarget, ctx: RuleContext): Finding {
	const fixes: Fix[] = [{
		title: ctx.t('fix.replace', issue.found, issue.replacement),
		edits: [edit(offset, issue)],
		isPreferred: true,
		// Accepted variants are correct text: never rewrite them without the user asking.
		safe: issue.decided && issue.tier !== 'allowed',
	}];
	for (const alternative of issue.alternatives) {
		fixes.push({ title: ctx.t('fix.replace', issue.found, alternative), edits: [{ ...edit(offset, issue), newText: alternative }] });
	}
	return {
		ruleId: 'mixed-script',
		start: offset + issue.start,
		end: offset + issue.end,
		message: messageOf(issue, target, ctx),
		maxSeverity: maxSeverityOf[issue.tier],
		fixes,
	};
}

function messageOf(issue: ScriptIssue, target: FixedTarget, ctx: RuleContext): string {
	if (issue.tier === 'allowed') { return ctx.t('mixedScript.allowed', issue.found, issue.replacement); }
	if (issue.tier === 'variant') { return ctx.t('mixedScript.variant', issue.found, issue.replacement, ctx.t(`region.${target as 'traditional-tw'}`)); }
	const toSimplified = target === 'simplified';
	if (issue.phrase && issue.phrase !== issue.found) {
		return ctx.t(toSimplified ? 'mixedScript.toSimplifiedPhrase' : 'mixedScript.toTraditionalPhrase', issue.found, issue.replacement, issue.phrase);
	}
	if (issue.tier === 'char') {
		return ctx.t(toSimplified ? 'mixedScript.toSimplified' : 'mixedScript.toTraditional', issue.found, issue.replacement);
	}
	return ctx.t(toSimplified ? 'mixedScript.toSimplifiedSense' : 'mixedScript.toTraditionalSense', issue.found, issue.replacement);
}

/** One finding for a paragraph written in the minority script of a mixed document. */
function paragraphFinding(start: number, end: number, issues: readonly ScriptIssue[], target: FixedTarget, ctx: RuleContext): Finding {
	const real = issues.filter((i) => i.tier !== 'allowed');
	const source = target === 'simplified' ? 'traditional' : 'simplified';
	return {
		ruleId: 'mixed-script',
		start,
		end,
		message: ctx.t('mixedScript.paragraph', ctx.t(`script.${source}`), real.length, ctx.t(`script.${target}`)),
		fixes: [{
			title: ctx.t('fix.convertParagraph', ctx.t(`script.${target}`)),
			edits: real.map((i) => edit(start, i)),
			isPreferred: true,
			safe: real.every((i) => i.decided),
		}],
	};
}
