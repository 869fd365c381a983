// Fix-all lints only the rules whose fixes it may apply (service/index.ts): "fix all X problems",
// a clean of some families, the whole fix-all. Its edits must be those of fix-all linting every
// rule and keeping the accepted problems, as it did before, on real pages and fixtures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, LintOptions, Severity } from '../../server/src/service';
import { ruleFamily } from '../../server/src/service/clean';
import { fixAll, fixAllTiers } from '../../server/src/service/fixAll';
import { fixtures, options, service } from './helpers';

const svc = service();

/** Fix-all as it was: every rule linted in each pass, the accepted problems kept. */
function everyRuleLinted(doc: CorpusDocument, opts: LintOptions, accept: (ruleId: string, tiers: Map<string, Severity>) => boolean, ruleId?: string) {
	const tiers = fixAllTiers(svc.rules, opts.fixAllRules, ruleId);
	const uncapped = { ...opts, maxProblems: Number.MAX_SAFE_INTEGER };
	return fixAll({ doc, lint: (d) => svc.lint(d, uncapped), accept: (p) => accept(p.ruleId, tiers), lowestTier: (id) => tiers.get(id) });
}

const texts = (dir: string, ext: string, unlabel = false) => fs.readdirSync(path.join(fixtures, dir)).filter((f) => f.endsWith(ext)).sort().map((f) => {
	const text = fs.readFileSync(path.join(fixtures, dir, f), 'utf8');
	return { name: `${dir}/${f}`, text: unlabel ? text.split('\n').map((l) => l.slice(2)).join('\n') : text };
});

describe('fix-all lints only the rules it may apply', function () {
	this.timeout(120000);
	const documents = [...texts('chrome', '.page', true), ...texts('cleaning', '.txt'), ...texts('mixed-script', '.txt')];
	const settings: [string, LintOptions][] = [
		['default settings', options()],
		['mixed-script down to Information, broken paragraphs listed', options({ fixAllRules: ['mixed-script:info', 'layout.broken-paragraph'] })],
	];

	for (const [label, opts] of settings) {
		it(`gives the edits of linting every rule (${label})`, () => {
			let compared = 0, edits = 0;
			for (const { name, text } of documents) {
				const doc = new CorpusDocument(`file:///${name}`, 1, text);
				const whole = svc.fixAll(doc, opts);
				assert.deepEqual(whole, everyRuleLinted(doc, opts, (id, tiers) => tiers.has(id)), `${name}: fix-all`);
				edits += whole.length;
				for (const ruleId of new Set(svc.lint(doc, { ...opts, maxProblems: Number.MAX_SAFE_INTEGER }).map((p) => p.ruleId))) {
					assert.deepEqual(svc.fixAll(doc, opts, ruleId), everyRuleLinted(doc, opts, (id) => id === ruleId, ruleId), `${name}: ${ruleId}`);
					compared++;
				}
				for (const families of [['boilerplate'], ['mixed-script'], ['layout', 'spacing', 'punctuation', 'unicode']]) {
					assert.deepEqual(svc.clean(doc, opts, families), everyRuleLinted(doc, opts, (id, tiers) => tiers.has(id) && families.includes(ruleFamily(id))), `${name}: ${families.join(',')}`);
				}
			}
			// The comparison reached real fixes, not empty edit lists (57 single-rule fix-alls and 89–90 edits when written).
			assert.ok(compared > 40 && edits > 60, `${compared} single-rule fix-alls, ${edits} edits in all`);
		});
	}
});
