/**
 * The three cases that pin a rule (test/unit/rules/<ruleFile>.test.ts, one `describeRule` per
 * rule id): what it reports, a decoy it must leave alone, and the text after its fix. Every case
 * runs through the language service and the rule registry, as the editor and the command line
 * do, so that a rule dropped from the registry fails its own tests (tools/check-rule-pins.mjs
 * checks that in CI for every rule).
 */
import * as assert from 'node:assert/strict';
import { CorpusDocument, LanguageService, LintOptions, Problem } from '../../../server/src/service';
import { applyEdits } from '../../../server/src/service/edits';
import { marked, MemoryWorkspace, options, service } from '../helpers';

export interface RuleCases {
	/** A text with ⟦…⟧ around exactly what the rule reports, one pair per finding. */
	readonly flags: string;
	/** Text close to what the rule looks for (the same words as content, a near miss) that it must not report. */
	readonly decoy: string;
	/** A text and what it reads after the rule's fix. */
	readonly fix: { readonly before: string; readonly after: string };
	/**
	 * `fix-all` (default): fix-all limited to this rule gives `after`, and the rule has nothing left
	 * to say. `quick-fix`: the first finding's preferred fix gives `after`, and fix-all leaves the
	 * text alone (a choice, a move or lost text: reported, never applied unasked).
	 */
	readonly fixBy?: 'fix-all' | 'quick-fix';
	readonly options?: Partial<LintOptions>;
	/** Other files of the corpus (named `a.txt`…), for rules that compare files. */
	readonly corpus?: Readonly<Record<string, string>>;
}

const docUri = 'file:///corpus/doc.txt';

/** A service whose workspace holds the corpus and the document, indexed (lines, passages, names) as the server does. */
async function serviceWith(text: string, corpus: Readonly<Record<string, string>> = {}): Promise<{ svc: LanguageService; doc: CorpusDocument }> {
	const ws = new MemoryWorkspace();
	for (const [name, other] of Object.entries(corpus)) { ws.files.set(`file:///corpus/${name}`, other); }
	ws.files.set(docUri, text);
	const svc = service(ws);
	await svc.index.scan();
	for (const [uri, fileText] of ws.files) { svc.entityMentions(new CorpusDocument(uri, 1, fileText)); }
	return { svc, doc: new CorpusDocument(docUri, 1, text) };
}

async function findings(id: string, text: string, cases: RuleCases): Promise<{ svc: LanguageService; doc: CorpusDocument; problems: Problem[] }> {
	const { svc, doc } = await serviceWith(text, cases.corpus);
	return { svc, doc, problems: svc.lint(doc, options(cases.options)).filter((p) => p.ruleId === id) };
}

/** The text with ⟦…⟧ around each finding (to compare with `flags` and show a difference readably). */
function mark(text: string, problems: readonly Problem[]): string {
	let out = '';
	let at = 0;
	for (const p of problems) {
		out += `${text.slice(at, p.start)}⟦${text.slice(Math.max(at, p.start), p.end)}⟧`;
		at = Math.max(at, p.end);
	}
	return out + text.slice(at);
}

export function describeRule(id: string, cases: RuleCases): void {
	describe(id, () => {
		it('reports what it is for, exactly there', async () => {
			const { text, spans } = marked(cases.flags);
			assert.ok(spans.length > 0, 'a positive case marks at least one finding');
			const { problems } = await findings(id, text, cases);
			assert.equal(mark(text, problems), cases.flags);
			assert.deepEqual(problems.map((p) => [p.start, p.end]), spans);
		});

		it('leaves the decoy alone', async () => {
			const { problems } = await findings(id, cases.decoy, cases);
			assert.equal(mark(cases.decoy, problems), cases.decoy);
		});

		it(cases.fixBy === 'quick-fix' ? 'its quick fix gives the corrected text, and fix-all leaves it to the user' : 'fix-all gives the corrected text and leaves nothing to report', async () => {
			const { before, after } = cases.fix;
			assert.notEqual(before, after);
			const { svc, doc, problems } = await findings(id, before, cases);
			const fixAll = applyEdits(before, svc.fixAll(doc, options(cases.options), id));
			if (cases.fixBy === 'quick-fix') {
				assert.ok(problems.length > 0, `${id} reports nothing in the text to fix`);
				const fix = problems[0].fixes.find((f) => f.isPreferred) ?? problems[0].fixes[0];
				assert.ok(fix, `${id}'s first finding has no fix`);
				assert.equal(applyEdits(before, [...fix.edits].sort((a, b) => a.start - b.start)), after);
				assert.equal(fixAll, before);
			} else {
				assert.equal(fixAll, after);
				const again = await findings(id, after, cases);
				assert.deepEqual(again.problems.map((p) => p.message), []);
			}
		});
	});
}
