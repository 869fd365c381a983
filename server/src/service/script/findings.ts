/**
 * The mixed-script rule's findings from judged issues (script/judge.ts): severity cap by tier,
 * the fixes (safe only when certain, every candidate offered), the message saying why.
 */
import type { CorpusDocument } from '../document';
import type { Finding, Fix, RuleContext, Severity } from '../types';
import { hongKongForms, inconsistentForms, RegionEvidence } from './consistency';
import type { FixedTarget } from './detect';
import type { ScriptIssue, Tier } from './judge';
import type { RegionalStandards } from './regional';
import { documentSpelling, SpellingCounts, SpellingSite, vouched } from './spelling';
import { scriptTables } from './tables';

const maxSeverityOf: Record<Tier, Severity | undefined> = { certain: undefined, definite: undefined, probable: 'info', note: 'hint' };

/** Hong Kong forms (推着, 裏) in a document that writes them the Taiwan way throughout. */
export function* taiwanConsistency(doc: CorpusDocument, evidence: RegionEvidence, ctx: RuleContext): Iterable<Finding> {
	const wrong = inconsistentForms(evidence);
	if (wrong.size === 0) { return; }
	for (const line of doc.lines) {
		for (const form of hongKongForms(line.text)) {
			if (!wrong.has(form.found)) { continue; }
			const at = line.start + form.at;
			yield {
				ruleId: 'mixed-script', start: at, end: at + 1,
				message: ctx.t('mixedScript.inconsistent', form.found, form.taiwan, evidence[`tw:${form.found}`]),
				fixes: [{ title: ctx.t('fix.replace', form.found, form.taiwan), edits: [{ start: at, end: at + 1, newText: form.taiwan }], isPreferred: true, safe: true }],
			};
		}
	}
}

export function edit(offset: number, issue: ScriptIssue) {
	return { start: offset + issue.start, end: offset + issue.end, newText: issue.replacement };
}

export function issueFinding(offset: number, issue: ScriptIssue, target: FixedTarget, ctx: RuleContext): Finding {
	const fixes: Fix[] = [{
		title: ctx.t('fix.replace', issue.found, issue.replacement),
		edits: [edit(offset, issue)],
		isPreferred: true,
		// Fix-all applies Warnings only (fixAll.ts); below that the fix waits for `mixed-script:info` or the user.
		safe: issue.tier === 'certain' || (issue.tier !== 'definite' && issue.decided),
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

/**
 * An issue's finding, made once for an issue (a line's cached result: the same object while the
 * line's text is unchanged) at one offset, target and language: an edit makes new findings only
 * for the lines it moved or changed.
 */
const findings = new WeakMap<ScriptIssue, { readonly offset: number; readonly target: FixedTarget; readonly t: RuleContext['t']; readonly finding: Finding }>();
export function findingOf(offset: number, issue: ScriptIssue, target: FixedTarget, ctx: RuleContext, closed: boolean): Finding {
	// A closed file is checked once: remembering its findings would only fill the weak map.
	if (closed) { return issueFinding(offset, issue, target, ctx); }
	const made = findings.get(issue);
	const same = made !== undefined && made.target === target && made.t === ctx.t;
	if (same && made.offset === offset) { return made.finding; }
	// A line the edit moved: the same finding further on (its messages are not formatted again).
	const finding = same ? shifted(made.finding, offset - made.offset) : issueFinding(offset, issue, target, ctx);
	findings.set(issue, { offset, target, t: ctx.t, finding });
	return finding;
}

/** `f` with every offset `delta` further (an issue's finding: `issueFinding` at another offset). */
function shifted(f: Finding, delta: number): Finding {
	const fixes: Fix[] = new Array<Fix>(f.fixes.length);
	for (let i = 0; i < fixes.length; i++) {
		const fix = f.fixes[i], e = fix.edits[0];
		const moved: { -readonly [K in keyof Fix]: Fix[K] } = { title: fix.title, edits: [{ start: e.start + delta, end: e.end + delta, newText: e.newText }] };
		if (fix.isPreferred !== undefined) { moved.isPreferred = fix.isPreferred; }
		if (fix.safe !== undefined) { moved.safe = fix.safe; }
		fixes[i] = moved;
	}
	return { ruleId: f.ruleId, start: f.start + delta, end: f.end + delta, message: f.message, maxSeverity: f.maxSeverity, fixes };
}

function messageOf(issue: ScriptIssue, target: FixedTarget, ctx: RuleContext): string {
	const { found, replacement, phrase } = issue;
	if (issue.reason === 'name') { return ctx.t('mixedScript.name', found, replacement); }
	if (issue.reason === 'surname') { return ctx.t('mixedScript.surname', found, replacement); }
	if (issue.kind === 'variant') { return ctx.t('mixedScript.variant', found, replacement, ctx.t(`region.${target as 'traditional-tw'}`)); }
	if (issue.reason === 'regional') { return ctx.t('mixedScript.allowed', found, replacement); }
	if (issue.reason === 'ambiguous') { return ctx.t('mixedScript.ambiguous', found, replacement, phrase ?? found); }
	if (issue.kind === 'over') { return ctx.t('mixedScript.overConverted', found, replacement, phrase ?? found); }
	const toSimplified = target === 'simplified';
	if (phrase && phrase !== found) {
		return ctx.t(toSimplified ? 'mixedScript.toSimplifiedPhrase' : 'mixedScript.toTraditionalPhrase', found, replacement, phrase);
	}
	if (issue.kind === 'char') {
		return ctx.t(toSimplified ? 'mixedScript.toSimplified' : 'mixedScript.toTraditional', found, replacement);
	}
	return ctx.t(toSimplified ? 'mixedScript.toSimplifiedSense' : 'mixedScript.toTraditionalSense', found, replacement);
}

/** One finding for a paragraph written in the minority script of a mixed document. */
export function paragraphFinding(start: number, end: number, issues: readonly ScriptIssue[], target: FixedTarget, ctx: RuleContext): Finding {
	const real = issues.filter((i) => i.tier !== 'note');
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
			safe: real.every((i) => i.tier === 'certain'),
		}],
	};
}

/** Over-conversions of the document's own spelling (留侯裏 where it writes 留侯里 elsewhere), by document offset. */
export function spellingFindings(doc: CorpusDocument, sites: readonly (readonly SpellingSite[])[], counts: SpellingCounts, target: FixedTarget, regional: RegionalStandards, ctx: RuleContext): Map<number, Finding> {
	const out = new Map<number, Finding>();
	const accepted = (a: string, b: string) => regional.acceptsPair(a, b, target);
	const lines = doc.lines;
	// Only a site of a key written in two forms can be the odd one out: the readings of those keys,
	// marked once, spare every other site its look-up (an editor's traditional megabyte has tens of thousands).
	const marked = markSeveralReadings(counts);
	const t2s = scriptTables().t2s;
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n];
		for (const site of sites[n]) {
			if (severalReadings[t2s[site.char] || site.char] === 0) { continue; }
			const own = documentSpelling(counts, site, accepted);
			if (!own || vouched(line.text, site.at)) { continue; }
			const at = line.start + site.at;
			const form = line.text.slice(site.at - 2, site.at + 1);
			out.set(at, {
				ruleId: 'mixed-script', start: at, end: at + 1,
				message: ctx.t('mixedScript.inconsistent', form, form.slice(0, 2) + own.char, own.times),
				fixes: [{ title: ctx.t('fix.replace', form[2], own.char), edits: [{ start: at, end: at + 1, newText: own.char }], isPreferred: true, safe: true }],
			});
		}
	}
	for (const r of marked) { severalReadings[r] = 0; }
	return out;
}

/** 1 for the reading (the key's low 16 bits: spelling.ts) of a key the counts hold in two forms or more; cleared after each use. */
const severalReadings = new Uint8Array(0x10000);

function markSeveralReadings(counts: SpellingCounts): number[] {
	const marked: number[] = [];
	for (const [key, forms] of counts) {
		const reading = key % 0x10000;
		if (forms.size > 1 && severalReadings[reading] === 0) { severalReadings[reading] = 1; marked.push(reading); }
	}
	return marked;
}
