/**
 * mixed-script — characters of the other script in a document meant to be in one script.
 *
 *   traditional text: 成立后的首屆年會  ⇒  成立後的首屆年會   (皇后 keeps its 后)
 *   simplified text:  这是一個例子      ⇒  这是一个例子
 *   over-conversion:  英國國王與皇後    ⇒  英國國王與皇后
 *
 * The target is the document's dominant script (from characters that exist in only one
 * script) unless `zhCorpus.script.target` fixes it. Detection is per line and cached by line
 * text, so an edit re-checks one line. Each candidate is judged (script/judge.ts): only a
 * certain one is a Warning that fix-all applies; a choice is a Warning left to the user; what
 * one tool alone questions is Information; accepted regional forms (周, 游, 裏) and names
 * (范振宗, 留侯里) are Hints; a 繁體/简体 switch in a menu is not reported.
 */
import type { Finding, LineCache, Rule, RuleContext } from '../types';
import type { CorpusDocument } from '../document';
import { dominantScript, FixedTarget, needsCheck, scanLine, ScriptCounts } from '../script/detect';
import { judgeLine, ScriptIssue } from '../script/judge';
import { RegionalStandards } from '../script/regional';
import { isHongKongDocument, RegionEvidence, regionEvidence, toHongKongForms } from '../script/consistency';
import { edit, findingOf, paragraphFinding, spellingFindings, taiwanConsistency } from '../script/findings';
import { mayHaveSeveralForms, spellingSites, SpellingSite } from '../script/spelling';
import { spellingCounts } from '../script/spellingTally';
import { Holds, LineTriage, triageLine } from '../script/triage';

/** A document is mixed when the minority script has this share of single-script characters. */
const mixedShare = 0.2;
const mixedMinimum = 10;

const none: ScriptIssue[] = [];

let regionalMemo: RegionalStandards | undefined;
function regionalFor(words: readonly string[]): RegionalStandards {
	const key = words.join('\u0001');
	if (regionalMemo?.key !== key) { regionalMemo = new RegionalStandards(words); }
	return regionalMemo;
}

export const mixedScript: Rule = {
	id: 'mixed-script',
	description: 'Characters of the other script (simplified in traditional text or the reverse), judged with phrase context.',
	defaultSeverity: 'warning',

	*check(doc: CorpusDocument, ctx: RuleContext): Iterable<Finding> {
		const { counts, evidence, perLine } = documentCounts(doc, ctx.cache<LineCounts>('counts'));
		const auto = ctx.options.scriptTarget === 'auto';
		const target: FixedTarget | undefined = auto ? dominantScript(counts) : ctx.options.scriptTarget as FixedTarget;
		if (!target) { return; }
		const regional = regionalFor(ctx.options.scriptAllow);
		const judging = { target, regional, segmenter: ctx.segmenter, names: ctx.names };
		const cache = ctx.cache<ScriptIssue[]>(`${target}\u0000${regional.key}`);
		const minority = target === 'simplified' ? counts.traditional : counts.simplified;
		const mixed = auto && minority >= mixedMinimum && minority >= mixedShare * (counts.simplified + counts.traditional);
		const all: { offset: number; issue: ScriptIssue }[] = [];
		// Traditional text: the document's own spelling of a word a converter wrote two ways (留侯里 … 留侯裏).
		const spelling = target !== 'simplified' && !mixed ? documentSpelling(doc, ctx, target, regional, perLine) : new Map<number, Finding>();
		// A traditional document's fixes write its own region's forms: Taiwan's unless it writes Hong Kong's throughout.
		const hongKong = target === 'traditional' && isHongKongDocument(evidence);
		const lineIssues = cache.perLine(doc, (text, n) => {
			// The line's units say whether any candidate can start there (triage.ts); a surname a
			// converter respelled (範振宗) needs no other candidate on its line.
			const holds = perLine[n].holds;
			const candidate = target === 'simplified' ? (holds & Holds.ForSimplified) !== 0
				: ((holds & Holds.ForTraditional) !== 0 && needsCheck(text, target)) || (holds & Holds.Surname) !== 0;
			// A line without candidates is remembered too: an edit looks it up instead of scanning it again.
			return candidate ? judgeLine(text, scanLine(text, target), judging) : none;
		});
		const lines = doc.lines;
		for (let n = 0; n < lines.length; n++) {
			const line = lines[n];
			let issues = lineIssues[n];
			if (issues.length === 0) { continue; }
			if (hongKong) { issues = issues.map((i) => ({ ...i, replacement: toHongKongForms(i.replacement), alternatives: i.alternatives.map(toHongKongForms) })); }
			// A name quoted in traditional script that the page also writes in simplified script is a leftover (only a simplified page quotes).
			if (target === 'simplified') { issues = issues.map((i) => (i.quoted && i.quoted.simplified.length >= 2 && doc.text.includes(i.quoted.simplified) ? { ...i, tier: i.quoted.tier, reason: undefined } : i)); }
			if (mixed) { for (const issue of issues) { all.push({ offset: line.start, issue }); } }
			const own = perLine[n].script;
			const inOther = target === 'simplified' ? own.traditional > own.simplified : own.simplified > own.traditional;
			if (mixed && inOther) {
				yield paragraphFinding(line.start, line.end, issues, target, ctx);
			} else {
				for (const issue of issues) { if (!spelling.has(line.start + issue.start)) { yield findingOf(line.start, issue, target, ctx, doc.version <= 0); } }
			}
		}
		yield* spelling.values();
		if (target === 'traditional') { yield* taiwanConsistency(doc, evidence, ctx); }
		if (mixed && all.length > 0) {
			const first = doc.lines[0];
			const edits = all.filter((x) => x.issue.tier !== 'note').map((x) => edit(x.offset, x.issue));
			yield {
				ruleId: 'mixed-script', start: first.start, end: first.end,
				message: ctx.t('mixedScript.document', counts.simplified, counts.traditional, ctx.t(`script.${target}`)),
				fixes: [{ title: ctx.t('fix.convertDocument', ctx.t(`script.${target}`)), edits, isPreferred: true, safe: false }],
			};
		}
	},
};

interface LineCounts extends LineTriage { readonly region?: RegionEvidence }

/**
 * The document's script counts and regional forms, summed from counts cached per line text (an
 * edit recounts its lines only), and each line's counts and triage.
 */
function documentCounts(doc: CorpusDocument, cache: LineCache<LineCounts>): { counts: ScriptCounts; evidence: RegionEvidence; perLine: readonly LineCounts[] } {
	const counts = { simplified: 0, traditional: 0 };
	const evidence: RegionEvidence = {};
	const perLine = cache.perLine(doc, (text) => {
		const triage = triageLine(text);
		const region = (triage.holds & Holds.Region) !== 0 ? regionEvidence(text) : undefined;
		return region && Object.keys(region).length > 0 ? { ...triage, region } : triage;
	});
	for (const c of perLine) {
		counts.simplified += c.script.simplified;
		counts.traditional += c.script.traditional;
		if (c.region) { for (const key in c.region) { evidence[key] = (evidence[key] ?? 0) + c.region[key]; } }
	}
	return { counts, evidence, perLine };
}

const noSites: SpellingSite[] = [];

function documentSpelling(doc: CorpusDocument, ctx: RuleContext, target: FixedTarget, regional: RegionalStandards, lines: readonly LineCounts[]): Map<number, Finding> {
	// A closed file is counted once: no sites are made unless two forms of one key may be there. An
	// editor's document keeps its counts for the next version (spellingTally.ts).
	if (doc.version <= 0 && !mayHaveSeveralForms(doc.lines.map((l) => l.text), (n) => (lines[n].holds & Holds.Spelling) !== 0)) { return new Map(); }
	const sites = ctx.cache<SpellingSite[]>('spelling').perLine(doc, (text, n) => ((lines[n].holds & Holds.Spelling) !== 0 ? spellingSites(text) : noSites));
	const { counts, several } = spellingCounts(doc, sites);
	if (!several) { return new Map(); }
	return spellingFindings(doc, sites, counts, target, regional, ctx);
}
