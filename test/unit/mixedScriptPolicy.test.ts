/**
 * What fix-all applies (issue 15): only safe fixes of findings at their rule's standard severity
 * (Warning for mixed-script); what a rule reports below it (mixed-script's Information findings
 * and Hints) only when the user lists the rule with that tier.
 * Checked with a probe rule, with the mixed-script rule's own tiers, and over generated
 * documents (every edit fix-all makes is named by a Warning or an Error of its pass).
 */
import * as assert from 'node:assert/strict';
import { diffChars } from 'diff';
import fc from 'fast-check';
import { CorpusDocument, LanguageService, Problem, Rule, Severity } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { fixAll as fixAllPasses, inFixAllTier, listedTiers, standardTier } from '../../server/src/service/fixAll';
import { documentArbitrary } from '../support/docGen';
import { lintText, MemoryWorkspace, options, service } from './helpers';

/** Flags every `x`, with a safe fix to `y`, capped at the severity the text after it names (`x!info`). */
const probe: Rule = {
	id: 'probe',
	description: 'test rule',
	defaultSeverity: 'warning',
	*check(doc) {
		for (const m of doc.text.matchAll(/x(?:!(info|hint))?/g)) {
			yield {
				ruleId: 'probe', start: m.index, end: m.index + 1, message: 'x', maxSeverity: m[1] as Severity | undefined,
				fixes: [{ title: 'y', edits: [{ start: m.index, end: m.index + 1, newText: 'y' }], isPreferred: true, safe: true }],
			};
		}
	},
};
const probeService = () => new LanguageService({ workspace: new MemoryWorkspace(), rules: [probe] });
const fixedBy = (text: string, fixAllRules: string[] = [], rules: Record<string, Severity> = {}) =>
	applyEdits(text, probeService().fixAll(new CorpusDocument('u', 1, text), options({ fixAllRules, rules })));

describe('fix-all tier policy', () => {
	it('applies a Warning, never an Information or a Hint, unless the rule is listed with that tier', () => {
		const text = 'x x!info x!hint';
		assert.equal(fixedBy(text), 'y x!info x!hint');
		assert.equal(fixedBy(text, ['probe']), 'y x!info x!hint', 'listing the rule alone adds no tier');
		assert.equal(fixedBy(text, ['probe:info']), 'y y!info x!hint');
		assert.equal(fixedBy(text, ['probe:hint']), 'y y!info y!hint');
	});
	it('applies a rule whose standard severity is Information at that tier, never its Hints', () => {
		const styleRule: Rule = { ...probe, defaultSeverity: 'info' };
		const svc = new LanguageService({ workspace: new MemoryWorkspace(), rules: [styleRule] });
		const doc = new CorpusDocument('u', 1, 'x x!hint');
		assert.equal(applyEdits(doc.text, svc.fixAll(doc, options())), 'y x!hint');
		assert.equal(standardTier(styleRule), 'info');
		assert.equal(standardTier({ ...probe, defaultSeverity: 'error' }), 'warning');
	});
	it('follows the severity the user gives the rule: a rule turned down to Information is not applied', () => {
		assert.equal(fixedBy('x', [], { probe: 'info' }), 'x');
		assert.equal(fixedBy('x', ['probe:info'], { probe: 'info' }), 'y');
	});
	it('holds for Clean Workspace and the "fix all problems of this rule" action', () => {
		const doc = new CorpusDocument('u', 1, 'x x!info');
		assert.equal(applyEdits(doc.text, probeService().clean(doc, options(), ['probe'])), 'y x!info');
		assert.equal(applyEdits(doc.text, probeService().fixAll(doc, options(), 'probe')), 'y x!info');
	});
	it('reads tiers from zhCorpus.fixAll.rules entries, ignoring what is not an entry', () => {
		assert.deepEqual([...listedTiers(['a', 'b:info', ' c : hint ', 'b:warning', 'd:sometimes', ''])], [['a', undefined], ['b', 'info'], ['c', 'hint']]);
	});
	it('never applies a mixed-script finding reported at Information', () => {
		const { doc, problems } = lintText('今年的台風特別多，民眾要小心。', { rules: { 'mixed-script': 'error' } });
		const info = problems.filter((p) => p.ruleId === 'mixed-script' && p.severity === 'info');
		assert.ok(info.length > 0 && info.every((p) => p.fixes.some((f) => f.isPreferred && f.safe)), 'the probe text has a safe Information finding');
		assert.deepEqual(service().fixAll(doc, options({ rules: { 'mixed-script': 'error' } })), []);
	});

	it('changes only text named by a finding at its rule\'s standard tier in its pass (mixed-script: a Warning), over generated documents', function () {
		this.timeout(300_000);
		const svc = service();
		const uncapped = options({ maxProblems: Number.MAX_SAFE_INTEGER });
		fc.assert(fc.property(documentArbitrary, (text) => {
			const doc = new CorpusDocument('file:///gen.txt', 1, text);
			const passes: { text: string; strong: Problem[] }[] = [];
			const edits = fixAllPasses({
				doc, accept: () => true,
				lowestTier: (id) => standardTier(svc.rules.find((r) => r.id === id)!),
				lint: (d) => {
					const problems = svc.lint(d, uncapped);
					passes.push({ text: d.text, strong: problems.filter((p) => inFixAllTier(p, standardTier(svc.rules.find((r) => r.id === p.ruleId)!))) });
					return problems;
				},
			});
			// Replaying the passes: every line a pass changes holds a finding at its rule's standard tier.
			for (let i = 0; i + 1 < passes.length; i++) {
				const before = new CorpusDocument('file:///gen.txt', 1, passes[i].text);
				const strongLines = new Set(passes[i].strong.flatMap((p) => [before.lineAt(p.start), before.lineAt(Math.max(p.start, p.end - 1))]));
				let at = 0;
				for (const part of diffChars(passes[i].text, passes[i + 1].text)) {
					if (part.added || part.removed) {
						const line = before.lineAt(Math.min(at, Math.max(0, passes[i].text.length - 1)));
						const touched = [line, before.lineAt(Math.max(at, at + part.value.length - 1))];
						assert.ok(touched.some((l) => strongLines.has(l) || strongLines.has(l - 1) || strongLines.has(l + 1)), `pass ${i} changed ${JSON.stringify(part.value)} at ${at} outside every finding fix-all may apply in ${JSON.stringify(passes[i].text)}`);
					}
					if (!part.added) { at += part.value.length; }
				}
			}
			assert.equal(applyEdits(text, edits), passes[passes.length - 1].text);
		}), { numRuns: 300, seed: 15 });
	});
});
