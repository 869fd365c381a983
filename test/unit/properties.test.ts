/**
 * Properties of every fix over generated documents (test/support/docGen.ts), seeded so that a
 * failure can be replayed (fast-check prints the seed and the shrunk document):
 * - a fix edits only what its finding names: the flagged lines (with their line breaks), the
 *   ranges it links to (a moved continuation) or, for a document-wide fix, the characters the
 *   rule's other findings flag; and it never splits a surrogate pair;
 * - fix-all changes only text that a finding of one of its passes names (each pass is checked
 *   like single fixes, and the composed edits give what the passes gave), so every other byte
 *   stays;
 * - fix-all is idempotent: on its own result it finds nothing more to do;
 * - after fix-all no finding is left that fix-all would have fixed.
 * ZH_CORPUS_FUZZ_RUNS sets the number of documents (10,000 by default, as CI runs it),
 * ZH_CORPUS_FUZZ_SEED replays another seed.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusDocument, Problem } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { fixAll as fixAllPasses, inFixAllTier, standardTier } from '../../server/src/service/fixAll';
import { documentArbitrary } from '../support/docGen';
import { options, service } from './helpers';

const runs = Number(process.env.ZH_CORPUS_FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.ZH_CORPUS_FUZZ_SEED ?? 20261129);

/**
 * Offsets a finding names: its lines with their breaks (the break before included), the blank
 * lines around them (deleting a block closes the gap it leaves), and the lines of what it links to.
 */
function namedRegions(doc: CorpusDocument, p: Problem): [number, number][] {
	const lines = doc.lines;
	const blank = (n: number) => lines[n].text.trim() === '';
	const span = (start: number, end: number): [number, number] => {
		let a = doc.lineAt(start);
		let b = doc.lineAt(Math.max(start, end - 1));
		while (a > 0 && blank(a - 1)) { a--; }
		while (b + 1 < lines.length && blank(b + 1)) { b++; }
		return [a > 0 ? lines[a - 1].end : 0, b + 1 < lines.length ? lines[b + 1].start : doc.text.length];
	};
	const out = [span(p.start, p.end)];
	for (const r of p.related ?? []) { if (r.uri === undefined) { out.push(span(r.start, r.end)); } }
	return out;
}

/** Whether [start, end) lies inside the union of the regions (adjacent fixes compose into one edit). */
function inside(regions: readonly [number, number][], start: number, end: number): boolean {
	const merged: [number, number][] = [];
	for (const [a, b] of [...regions].sort((x, y) => x[0] - y[0])) {
		const last = merged[merged.length - 1];
		if (last && a <= last[1]) { last[1] = Math.max(last[1], b); } else { merged.push([a, b]); }
	}
	return merged.some(([a, b]) => a <= start && end <= b);
}
const splitsPair = (text: string, at: number) => at > 0 && at < text.length && /[\ud800-\udbff]/.test(text[at - 1]) && /[\udc00-\udfff]/.test(text[at]);

describe(`fix properties over ${runs.toLocaleString('en')} generated documents (seed ${seed})`, function () {
	this.timeout(600_000);
	const svc = service();
	const uncapped = options({ maxProblems: Number.MAX_SAFE_INTEGER });
	const fixAllRules = new Set(svc.rules.filter((r) => r.fixAllByDefault !== false).map((r) => r.id));

	it('every fix stays in what it names; fix-all stays in flagged lines, is idempotent and leaves nothing it could fix', () => {
		let documents = 0, findings = 0, fixedDocuments = 0;
		/** Every fix of every finding in `doc` edits only what the finding names. */
		const checkFixes = (doc: CorpusDocument, problems: readonly Problem[]) => {
			for (const p of problems) {
				const regions = namedRegions(doc, p);
				// A document-wide fix (convert every flagged character) names the characters the rule's other findings flag.
				const flagged = problems.filter((q) => q !== p && q.ruleId === p.ruleId).map((q): [number, number] => [q.start, q.end]);
				for (const fix of p.fixes) {
					for (const e of fix.edits) {
						const named = inside(regions, e.start, e.end) || flagged.some(([a, b]) => a <= e.start && e.end <= b);
						assert.ok(named, `${p.ruleId} fix "${fix.title}" edits [${e.start}, ${e.end}) outside what it names ${JSON.stringify(regions)} in ${JSON.stringify(doc.text)}`);
						assert.ok(!splitsPair(doc.text, e.start) && !splitsPair(doc.text, e.end), `${p.ruleId} fix splits a surrogate pair`);
					}
				}
			}
		};
		fc.assert(fc.property(documentArbitrary, (text) => {
			documents++;
			const doc = new CorpusDocument('file:///fuzz.txt', 1, text);
			// Fix-all's passes, each checked: every text it changes in a pass is named by a finding of that pass.
			const passes: CorpusDocument[] = [];
			const edits = fixAllPasses({
				doc,
				accept: (p) => fixAllRules.has(p.ruleId),
				lowestTier: (id) => standardTier(svc.rules.find((r) => r.id === id)!),
				lint: (d) => {
					const problems = svc.lint(d, uncapped);
					if (passes.length === 0) { findings += problems.length; }
					passes.push(d);
					checkFixes(d, problems);
					return problems;
				},
			});
			if (edits.length === 0) { return; }
			fixedDocuments++;
			const result = applyEdits(text, edits);
			assert.equal(result, passes[passes.length - 1].text, 'the composed edits give what the passes gave');
			const fixed = new CorpusDocument('file:///fuzz.txt', 2, result);
			assert.deepEqual(svc.fixAll(fixed, uncapped), [], 'fix-all is idempotent');
			const left = svc.lint(fixed, uncapped).filter((p) => fixAllRules.has(p.ruleId) && inFixAllTier(p, standardTier(svc.rules.find((r) => r.id === p.ruleId)!)) && p.fixes.some((f) => f.isPreferred && f.safe));
			assert.deepEqual(left.map((p) => p.ruleId), [], 'fix-all left something it fixes');
		}), { numRuns: runs, seed, endOnFailure: false });
		console.log(`      ${documents.toLocaleString('en')} documents, ${findings.toLocaleString('en')} findings, ${fixedDocuments.toLocaleString('en')} changed by fix-all`);
	});
});
