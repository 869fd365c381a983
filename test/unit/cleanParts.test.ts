/**
 * A clean of a large file fixes each part on a corpus worker (the `fix` job with the index's
 * counts of the part's line keys, `partSnapshotInSteps`) instead of on the server's thread with
 * the server's own index (`service.clean`). The two must give the same edits, so the same bytes
 * written and the same review rows. Checked on a corpus made from the shared real pages and seeds
 * (read at test time, never copied) and pages generated from their sites' chrome, so that many of
 * a part's lines are held by other files and the cross-file rules have something to remove.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LanguageService, ruleFamilies, type RuleEdit } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/edits';
import { withLineCaches } from '../../server/src/service/lruCache';
import { fixParts } from '../../server/src/service/parts';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { createJobRunner } from '../../server/src/worker/jobs';
import type { FixResult } from '../../server/src/worker/protocol';
import { partSnapshotInSteps } from '../../server/src/worker/partSnapshot';
import { generatedSites, webPagesDir } from '../support/templateCorpus';
import { MemoryWorkspace, options, seedsDir, service } from './helpers';

/** The server's thread's line caches during a clean (fixFile.ts before the parts went to workers). */
const onePass = { scale: 0.1, maxKeyLength: 120 };
/** Parts smaller than the real megabyte: the same code, a dozen parts in seconds. */
const size = 1 << 16;

function drain<T>(steps: Generator<void, T>): T {
	for (;;) {
		const next = steps.next();
		if (next.done) { return next.value; }
	}
}

describe('a large file\'s clean on a worker, part after part', function () {
	this.timeout(300000);
	const shared = fs.existsSync(webPagesDir) && fs.existsSync(seedsDir);

	it('gives the edits the server\'s thread gave, part for part, on the shared corpora', async function () {
		if (!shared) {
			console.log('      (skipped: ../shared/corpus is absent)');
			this.skip();
		}
		const ws = new MemoryWorkspace();
		const texts: string[] = [];
		for (const dir of [webPagesDir, seedsDir]) {
			for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
				const text = fs.readFileSync(path.join(dir, name), 'utf8');
				ws.files.set(`file:///${path.basename(dir)}/${name}`, text);
				texts.push(text);
			}
		}
		for (const page of generatedSites(6)) {
			ws.files.set(page.uri, page.text);
			texts.push(page.text);
		}
		// The large file: every page in turn, a second time with CRLF line ends; indexed as the server indexes it.
		const big = `${texts.join('\n')}\n${texts.join('\n').replace(/\n/g, '\r\n')}`;
		const uri = 'file:///big.txt';
		ws.files.set(uri, big);
		const svc: LanguageService = service(ws);
		await svc.index.scan();
		// The lowest threshold the setting allows: every count of two files decides too.
		const opts = options({ repeatedLineMinFiles: 2 });
		const families = ruleFamilies(svc.rules).map((f) => f.id);
		const onThread = [...fixParts(uri, big, (part) => withLineCaches(onePass, () => svc.clean(part, opts, families)), size)];
		const worker = createJobRunner(jiebaSegmenter(), false);
		const onWorker: RuleEdit[][] = [];
		for (const p of onThread) {
			const text = big.slice(p.start, p.end);
			const corpus = drain(partSnapshotInSteps(svc, text));
			const { parts } = await worker.run({ kind: 'fix', uri, text, options: opts, corpus, families }) as FixResult;
			assert.equal(parts.length, 1);
			onWorker.push([...parts[0].edits]);
		}
		assert.ok(onThread.length >= 10, `${onThread.length} parts`);
		const byRule = new Map<string, number>();
		for (const p of onThread) { for (const e of p.edits) { byRule.set(e.ruleId, (byRule.get(e.ruleId) ?? 0) + 1); } }
		// The corpus's counts decide some of them: a worker told nothing would miss these.
		assert.ok((byRule.get('boilerplate.repeated-line') ?? 0) >= 50, JSON.stringify([...byRule]));
		for (const [i, p] of onThread.entries()) {
			assert.deepEqual(onWorker[i], [...p.edits], `part ${i} (${p.start}–${p.end})`);
		}
		// The bytes a clean writes, part after part.
		const fixed = (edits: readonly (readonly RuleEdit[])[]) => onThread.map((p, i) => applyEdits(big.slice(p.start, p.end), edits[i])).join('');
		assert.equal(fixed(onWorker), fixed(onThread.map((p) => p.edits)));
		assert.notEqual(fixed(onWorker), big);
	});
});
