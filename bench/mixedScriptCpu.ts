/**
 * The mixed-script rule alone on every n-th file of the bench corpus (closed files, one thread):
 * the process's CPU for the whole pass, after a warm-up on the shared web pages (tables, jieba and
 * the name model loaded there), with the corpus workers' line-cache limits; the name finder's
 * calls; a digest of the findings (a change must keep it). `MIXEDCPU_PROFILE=file.cpuprofile`
 * profiles the measured pass only.
 *
 *   node out/bench/mixedScriptCpu.js        MIXEDCPU_EVERY=2 (default): every 2nd file
 */
import { createHash } from 'node:crypto';
import { Session } from 'node:inspector';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusDocument, defaultLintOptions, LanguageService } from '../server/src/service';
import { jiebaSegmenter } from '../server/src/segmenter';
import { closedVersion } from '../server/src/lsp/convert';
import { readCorpusFile } from '../server/src/files/fileReader';
import { nameFinder } from '../server/src/service/script/names';
import { configureLineCaches } from '../server/src/service/lruCache';
import { cpuMs, listTexts } from './checkFolder';
import { writeCorpus } from './corpusFolder';

const every = Number(process.env.MIXEDCPU_EVERY ?? 2);
const dir = path.join(os.tmpdir(), 'zh-corpus-bench-10000');
writeCorpus(dir, { files: 10_000, seed: 1 });
const webPages = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'web-pages');
const read = (files: readonly string[]) => files.map((f) => ({ uri: pathToFileURL(f).href, text: readCorpusFile(f).text })).filter((f) => f.text !== undefined) as { uri: string; text: string }[];
const warm = fs.existsSync(webPages) ? read(listTexts(webPages)) : [];
const bench = read(listTexts(dir).filter((_, i) => i % every === 0));
// The corpus workers' line-cache limits (worker/jobs.ts), as the rules' CPU bench has them.
configureLineCaches({ scale: 0.1, maxKeyLength: 120 });
const jieba = jiebaSegmenter();
const host = { workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jieba, tagger: jieba };
const all = new LanguageService(host);
// The name finder counted: its calls are what the judge costs most on simplified pages.
const finder = nameFinder(jieba);
let finderCalls = 0;
const counted = (line: string, reading: string) => {
	const spans = finder(line, reading);
	finderCalls++;
	return spans;
};
const service = new LanguageService({ ...host, nameFinder: counted, rules: all.rules.filter((r) => r.id === 'mixed-script') });
const options = { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER };
for (const f of warm) { service.lint(new CorpusDocument(f.uri, closedVersion, f.text), options); }
const hash = createHash('sha256');
// MIXEDCPU_PROFILE=file.cpuprofile: a CPU profile of the measured pass only (not the warm-up).
const profile = process.env.MIXEDCPU_PROFILE;
const session = profile ? new Session() : undefined;
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));

async function main(): Promise<void> {
	if (session) {
		session.connect();
		await post('Profiler.enable');
		await post('Profiler.setSamplingInterval', { interval: 200 });
		await post('Profiler.start');
	}
	finderCalls = 0;
	const docs = bench.map((f) => new CorpusDocument(f.uri, closedVersion, f.text));
	const start = cpuMs();
	const found = docs.map((doc) => service.lint(doc, options));
	const cpu = cpuMs() - start;
	if (session) { fs.writeFileSync(profile!, JSON.stringify(((await post('Profiler.stop')) as { profile: object }).profile)); }
	found.forEach((problems, i) => {
		for (const p of problems) { hash.update(`${docs[i].uri}\u0000${JSON.stringify(p)}\n`); }
	});
	const count = found.reduce((n, p) => n + p.length, 0);
	console.log(JSON.stringify({ files: bench.length, problems: count, cpuMs: Math.round(cpu), finderCalls, load: +os.loadavg()[0].toFixed(1), digest: hash.digest('hex').slice(0, 16) }));
}

main().catch((e) => { console.error(e); process.exit(1); });
