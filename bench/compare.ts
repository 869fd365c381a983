/**
 * Against what a user could run instead, on the same files of the benchmark corpus, one thread
 * each: AutoCorrect (autocorrect-node, its Rust core) linting spacing and punctuation versus our
 * spacing.cjk and punctuation.width; opencc-js converting to Taiwan traditional versus our
 * mixed-script check (which finds the characters to convert, with phrase context).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules, CorpusDocument, defaultLintOptions, LanguageService } from '../server/src/service';
import { writeCorpus } from './corpusFolder';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocorrect = require('autocorrect-node') as { lintFor(text: string, file: string): { lines: unknown[] } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const opencc = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };

function files(dir: string, limit: number): string[] {
	const out: string[] = [];
	for (const sub of fs.readdirSync(dir).filter((d) => !d.startsWith('.')).sort()) {
		for (const f of fs.readdirSync(path.join(dir, sub)).sort()) { out.push(fs.readFileSync(path.join(dir, sub, f), 'utf8')); }
		if (out.length >= limit) { break; }
	}
	return out.slice(0, limit);
}

function only(ids: readonly string[]) {
	return { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER, rules: Object.fromEntries(allRules.filter((r) => !ids.includes(r.id)).map((r) => [r.id, 'off' as const])) };
}

function time(run: () => number): { ms: number; found: number } {
	const start = performance.now();
	const found = run();
	return { ms: performance.now() - start, found };
}

const dir = path.join(os.tmpdir(), 'zh-corpus-bench-10000');
writeCorpus(dir, { files: 10_000, seed: 1 });
const texts = files(dir, Number(process.env.BENCH_COMPARE_FILES ?? 3000));
const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined } });
const row = (name: string, r: { ms: number; found: number }, what: string) =>
	console.log(JSON.stringify({ name, mb, ms: r.ms, mbps: mb / (r.ms / 1000), problems: r.found, note: what }));

autocorrect.lintFor('预热 warm', 'w.txt');
row('spacing and punctuation: AutoCorrect (autocorrect-node) lintFor', time(() => texts.reduce((n, t) => n + autocorrect.lintFor(t, 'a.txt').lines.length, 0)), 'lines to change');
const spacing = only(['spacing.cjk', 'punctuation.width']);
row('spacing and punctuation: zh-corpus spacing.cjk + punctuation.width', time(() => texts.reduce((n, t, i) => n + service.lint(new CorpusDocument(`file:///${i}.txt`, 1, t), spacing).length, 0)), 'problems');

const toTw = opencc.Converter({ from: 'cn', to: 'tw' });
toTw('预热');
row('script: opencc-js conversion to Taiwan traditional', time(() => texts.reduce((n, t) => n + (toTw(t).length > 0 ? 1 : 0), 0)), 'files converted');
const script = only(['mixed-script']);
row('script: zh-corpus mixed-script check (phrase context)', time(() => texts.reduce((n, t, i) => n + service.lint(new CorpusDocument(`file:///s${i}.txt`, 1, t), script).length, 0)), 'problems');
