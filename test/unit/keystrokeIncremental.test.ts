// A large open document's keystrokes as its pinned worker gets them (worker/textChange.ts): the
// edit since the version it holds, applied there; the lines derive kept carry their per-line
// results, page analysis and duplicate.paragraph their last state, and the answer is a change of
// the last list. On real pages (the shared web pages and the labelled boilerplate fixtures) the
// list rebuilt after every random edit must equal the one a fresh check of the same text gives.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyDiagnosticsDelta, deltaCounts } from '../../server/src/lsp/diagnosticsDelta';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { createJobRunner } from '../../server/src/worker/jobs';
import type { CheckResult } from '../../server/src/worker/protocol';
import { corpusSnapshot } from '../../server/src/worker/snapshot';
import { type HeldByWorker, keysAfter, openCheckJob } from '../../server/src/worker/textChange';
import { fixtures, options, seedsDir, service } from './helpers';

const json = (ds: readonly Diagnostic[]) => JSON.parse(JSON.stringify(ds)) as unknown;

function pages(): [string, string][] {
	const labelled = path.join(fixtures, 'boilerplate');
	const web = path.join(seedsDir, '..', 'web-pages');
	const read = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [`file:///${path.basename(dir)}/${f}`, fs.readFileSync(path.join(dir, f), 'utf8')] as [string, string]);
	if (!fs.existsSync(web)) { console.log(`      shared pages absent (${web}): the labelled fixtures only`); }
	return [...read(labelled), ...(fs.existsSync(web) ? read(web) : [])];
}

describe('keystrokes on real pages, checked as the pinned worker checks them', function () {
	this.timeout(300000);
	const jieba = jiebaSegmenter();
	const opts = options({ maxProblems: 200 });

	it('the list rebuilt after each edit equals a fresh check\'s (characters, line breaks, lines of the page copied and removed)', async () => {
		// Editor documents are versioned: the worker keeps each one's last version; `fresh` forgets it before every check.
		const worker = createJobRunner(jieba, false);
		const fresh = createJobRunner(jieba, false);
		let checks = 0, kept = 0, deltas = 0;
		for (const [uri, page] of pages()) {
			const corpus = corpusSnapshot(service(), uri);
			const freshUri = `${uri}.fresh`;
			const lines = page.split(/(?<=\n)/).filter((l) => l.trim().length > 0);
			const edit = fc.record({
				at: fc.nat(), remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 200 })),
				insert: fc.oneof(fc.constantFrom('', '后', '後', ' ', ',', '，', '。', '\n', '\r\n', '分享到：微信 微博'), fc.constantFrom(...lines)),
			});
			const [edits] = fc.sample(fc.array(edit, { minLength: 3, maxLength: 6 }), { numRuns: 1, seed: checks + page.length });
			let text = page;
			let held: HeldByWorker | undefined;
			let list: Diagnostic[] = [];
			for (let version = 1; version <= edits.length + 1; version++) {
				if (version > 1) {
					const e = edits[version - 2];
					const at = e.at % (text.length + 1);
					text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
				}
				const r = await worker.run(openCheckJob(uri, version, text, opts, corpus, 'k', version, held)) as CheckResult;
				assert.ok(!r.resend, `${uri} v${version}: the worker holds the version it was sent`);
				list = r.delta ? applyDiagnosticsDelta(list, r.delta) : r.diagnostics!;
				held = { token: version, version, text, corpusKeys: keysAfter(held, 'k') };
				if (r.delta) { deltas++; kept += deltaCounts(r.delta).kept; }
				// Under another name: what a check remembers of a document (its lines' results, its
				// analysis, its repeats) is kept per name, for every service of the thread.
				fresh.control({ kind: 'closed', uri: freshUri });
				const expected = (await fresh.run({ kind: 'check', uri: freshUri, options: opts, corpus, text, version }) as CheckResult).diagnostics!;
				assert.deepEqual(json(list), JSON.parse(JSON.stringify(expected).split(freshUri).join(uri)), `${uri}, version ${version}`);
				checks++;
			}
			worker.control({ kind: 'closed', uri });
		}
		// The edits went through the incremental paths (a comparison of whole lists alone would pass without them).
		assert.ok(deltas > checks / 2 && kept > 1000, `${deltas} of ${checks} checks answered with a change, ${kept} diagnostics kept`);
	});
});
