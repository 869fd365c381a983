// The spelling counts of an edited document are updated from the lines an edit changed
// (script/spellingTally.ts): after any edits they equal a fresh count, the order of each key's
// forms included, and mixed-script finds what a fresh check finds.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorpusDocument, LanguageService } from '../../server/src/service';
import { mayHaveSeveralForms, spellingSites, SpellingCounts } from '../../server/src/service/script/spelling';
import { Holds, triageLine } from '../../server/src/service/script/triage';
import { spellingCounts } from '../../server/src/service/script/spellingTally';
import { assertEditsMatchFresh, options, service } from './helpers';

const pieces = ['留侯里', '留侯裏', '皇后', '皇後', '之後', '然后', '頭髮', '出發', '頭發', '乾淨', '幹部', '主幹', '主乾', '麵條', '面條', '，', '。', '\n', '大家'];

function text(seed: number, length: number): string {
	let x = seed;
	const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x >> 8; };
	return Array.from({ length }, () => pieces[next() % pieces.length]).join('');
}

/** The counts as plain data: keys sorted, each key's forms in their order. */
const plain = (c: SpellingCounts) => [...c].sort((a, b) => a[0] - b[0]).map(([k, forms]) => [k, [...forms]]);

describe('spelling counts of an edited document', function () {
	this.timeout(120000);
	const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom('', ...pieces, '\n留侯裏\n', '皇後\n皇後') });

	it('equal a fresh count after any edits, each key\'s forms in the order a fresh count meets them', () => {
		let updates = 0;
		fc.assert(fc.property(fc.nat({ max: 100000 }), fc.integer({ min: 20, max: 200 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (seed, length, edits) => {
			const uri = `file:///tally-${seed}.txt`;
			let doc = new CorpusDocument(uri, 1, text(seed, length));
			const sitesOf = (d: CorpusDocument) => d.lines.map((l, i) => (doc.lines[i]?.text === l.text ? undefined : spellingSites(l.text)));
			let sites = doc.lines.map((l) => spellingSites(l.text));
			spellingCounts(doc, sites);
			for (const e of edits) {
				const at = e.at % (doc.text.length + 1);
				const next = CorpusDocument.derive(doc, doc.version + 1, doc.text.slice(0, at) + e.insert + doc.text.slice(at + e.remove));
				// As a line cache gives them: the same array for a line whose text is as it was at its index.
				const changed = sitesOf(next);
				sites = next.lines.map((_line, i) => changed[i] ?? sites[i]);
				doc = next;
				const got = spellingCounts(doc, sites);
				const expected = spellingCounts(new CorpusDocument('file:///fresh.txt', 0, doc.text), doc.lines.map((l) => spellingSites(l.text)));
				assert.deepEqual(plain(got.counts), plain(expected.counts));
				assert.equal(got.several, expected.several);
				updates++;
			}
		}), { numRuns: 300, seed: 18 });
		assert.ok(updates > 1000);
	});

	it('a document may have two forms of one key without its sites exactly when its counts have (several)', () => {
		let several = 0;
		fc.assert(fc.property(fc.nat({ max: 100000 }), fc.integer({ min: 1, max: 120 }), (seed, length) => {
			const lines = text(seed, length).split('\n');
			const counted = spellingCounts(new CorpusDocument('file:///several.txt', 0, lines.join('\n')), lines.map((l) => spellingSites(l))).several;
			// Gated as the rule gates it (the line's triage), and not gated at all.
			assert.equal(mayHaveSeveralForms(lines, (n) => (triageLine(lines[n]).holds & Holds.Spelling) !== 0), counted);
			assert.equal(mayHaveSeveralForms(lines, () => true), counted);
			if (counted) { several++; }
		}), { numRuns: 400, seed: 18 });
		// Both answers are seen, and the same reading in two forms under other keys is not two forms of one key.
		assert.ok(several > 50 && several < 350, `${several}`);
		assert.equal(mayHaveSeveralForms(['留侯里', '這裏的'], () => true), false);
		assert.equal(mayHaveSeveralForms(['留侯里', '留侯裏'], () => true), true);
	});

	it('mixed-script finds in a closed traditional file what it finds in the same text open', () => {
		const svc: LanguageService = service();
		const opts = options({ maxProblems: Number.MAX_SAFE_INTEGER });
		let found = 0;
		fc.assert(fc.property(fc.nat({ max: 100000 }), fc.integer({ min: 20, max: 200 }), (seed, length) => {
			const body = `這是繁體中文的文章，會議結束後委員們接受了採訪。\n${text(seed, length)}`;
			const shape = (version: number) => svc.lint(new CorpusDocument(`file:///closed-${seed}-${version}.txt`, version, body), opts)
				.filter((p) => p.ruleId === 'mixed-script').map((p) => [p.start, p.end, p.message, p.fixes]);
			const closed = shape(-1);
			assert.deepEqual(closed, shape(1));
			found += closed.length;
		}), { numRuns: 60, seed: 18 });
		assert.ok(found > 0);
	});

	it('mixed-script finds on an edited traditional document what a fresh check finds', () => {
		const svc: LanguageService = service();
		const opts = options({ maxProblems: Number.MAX_SAFE_INTEGER });
		const shape = (d: CorpusDocument) => svc.lint(d, opts).filter((p) => p.ruleId === 'mixed-script').map((p) => [p.start, p.end, p.message, p.fixes]);
		fc.assert(fc.property(fc.nat({ max: 100000 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (seed, edits) => {
			assertEditsMatchFresh(`file:///tally-rule-${seed}.txt`, `這是繁體中文的文章，會議結束後委員們接受了採訪。\n${text(seed, 120)}`, edits, shape);
		}), { numRuns: 40, seed: 18 });
	});
});
