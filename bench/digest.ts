/**
 * A digest of everything the corpus workers compute from scratch for closed files: each file's
 * facts (script counts, short-line keys, prints) and every finding of every rule (rule, range,
 * severity, message, fixes, related places, and the diagnostic sent for it), the files indexed
 * first and then checked with the corpus snapshot a worker gets, on this one thread with the
 * workers' cache limits. Two builds that compute the same thing print the same digests: the
 * proof that a speed change changes no finding.
 *
 *   node out/bench/digest.js [folder…]          (default: the 10,000-file bench corpus, written if absent)
 *   DIGEST_FILES=out.txt …                      one line per file (path, facts hash, findings hash) to diff two builds
 *   DIGEST_TIME=1 …                             CPU time of reading, facts, each rule, and the server thread's index updates and snapshots (the process's, in s)
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusDocument, defaultLintOptions, finish, LanguageService, type Problem, type Rule } from '../server/src/service';
import { checkInParts } from '../server/src/service/parts';
import { jiebaSegmenter } from '../server/src/segmenter';
import { createJobRunner } from '../server/src/worker/jobs';
import type { IndexResult } from '../server/src/worker/protocol';
import { corpusSnapshot } from '../server/src/worker/snapshot';
import { snapshotView } from '../server/src/worker/snapshotView';
import { closedVersion, toDiagnostic } from '../server/src/lsp/convert';
import { readCorpusFile } from '../server/src/files/fileReader';
import { fileFacts } from '../server/src/service/workspace';
import { writeCorpus } from './corpusFolder';

function listTexts(dir: string, out: string[] = []): string[] {
	for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
		if (e.name.startsWith('.')) { continue; }
		const p = path.join(dir, e.name);
		if (e.isDirectory()) { listTexts(p, out); } else if (e.name.endsWith('.txt')) { out.push(p); }
	}
	return out;
}

/** Typed arrays and maps as plain arrays, so that JSON shows their content. */
const plain = (_k: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v instanceof Map ? [...v] : v);

const timing = Boolean(process.env.DIGEST_TIME);
const times = new Map<string, number>();
const add = (what: string, ms: number) => times.set(what, (times.get(what) ?? 0) + ms);
/** CPU milliseconds of this process (the machine is shared: wall time depends on the load); not asked without DIGEST_TIME (a system call each). */
const now = () => { if (!timing) { return 0; } const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Each rule's check timed as a whole (the generator run to its end). */
function timed(rule: Rule): Rule {
	return {
		...rule,
		*check(doc, ctx) {
			const t = now();
			const found = [...rule.check(doc, ctx)];
			add(`rule ${rule.id}`, now() - t);
			yield* found;
		},
	} as Rule;
}

async function digest(dir: string, lines: string[]): Promise<string> {
	const jieba = jiebaSegmenter();
	// The worker's job runner sets the workers' cache limits; its index job is the workers' own.
	const runner = createJobRunner(jieba, true);
	const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jieba, tagger: jieba });
	const checker = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jieba, tagger: jieba, rules: timing ? service.rules.map(timed) : undefined });
	const files = listTexts(dir);
	const texts = new Map<string, string>();
	const factHash = new Map<string, string>();
	for (const file of files) {
		const uri = pathToFileURL(file).href;
		let t = now();
		const read = readCorpusFile(file);
		add('read and decode', now() - t);
		if (read.text === undefined) { factHash.set(uri, `skipped ${read.skipped}`); continue; }
		texts.set(uri, read.text);
		t = now();
		const r = await runner.run({ kind: 'index', uri, text: read.text }) as IndexResult;
		add('index job (facts, names matched)', now() - t);
		if (timing) { t = now(); fileFacts(read.text); add('of which fileFacts (again)', now() - t); }
		factHash.set(uri, createHash('sha256').update(JSON.stringify([r.stamp, r.facts], plain)).digest('hex').slice(0, 16));
		t = now();
		if (r.facts) { service.index.setFacts(uri, r.facts); }
		add('index updates (the server\'s thread)', now() - t);
	}
	// As the first scan does before its checks (the snapshots' queries read the laid-out chains).
	const prepared = now();
	finish(service.index.prepareSharingInSteps());
	add('corpus snapshots (the server\'s thread)', now() - prepared);
	const all = createHash('sha256');
	const counts = new Map<string, number>();
	const options = { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER };
	for (const file of files) {
		const uri = pathToFileURL(file).href;
		const text = texts.get(uri);
		let findings = 'none';
		if (text !== undefined) {
			let t = now();
			const view = snapshotView(corpusSnapshot(service, uri));
			add('corpus snapshots (the server\'s thread)', now() - t);
			const partView = { corpus: { ...view.corpus, sharedWith: () => [] } };
			const doc = new CorpusDocument(uri, closedVersion, text);
			t = now();
			const problems: Problem[] = checkInParts(doc, (part, whole) => checker.lintWithView(part, options, whole ? view : partView));
			add('lint (all rules)', now() - t);
			for (const p of problems) { counts.set(p.ruleId, (counts.get(p.ruleId) ?? 0) + 1); }
			const diagnostics = problems.map((p) => toDiagnostic(doc, p));
			findings = createHash('sha256').update(JSON.stringify([problems, diagnostics], plain)).digest('hex').slice(0, 16);
		}
		const line = `${path.relative(dir, file)} ${factHash.get(uri)} ${findings}`;
		lines.push(line);
		all.update(`${line}\n`);
	}
	const total = [...counts.values()].reduce((a, b) => a + b, 0);
	console.log(`${dir}: ${files.length} files, ${total} findings (${[...counts].sort().map(([k, v]) => `${k} ${v}`).join(', ')})`);
	return all.digest('hex');
}

async function main(): Promise<void> {
	let dirs = process.argv.slice(2);
	if (dirs.length === 0) {
		const dir = path.join(os.tmpdir(), 'zh-corpus-bench-10000');
		writeCorpus(dir, { files: 10_000, seed: 1 });
		dirs = [dir];
	}
	const lines: string[] = [];
	const cpu = process.cpuUsage();
	for (const dir of dirs) { console.log(`digest ${await digest(path.resolve(dir), lines)}`); }
	if (process.env.DIGEST_FILES) { fs.writeFileSync(process.env.DIGEST_FILES, `${lines.join('\n')}\n`); }
	if (timing) {
		const used = process.cpuUsage(cpu);
		console.log(`CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (load ${os.loadavg()[0].toFixed(1)})`);
		for (const [what, ms] of [...times].sort((a, b) => b[1] - a[1])) { console.log(`${(ms / 1000).toFixed(2).padStart(8)} s  ${what}`); }
	}
}

main().catch((e) => { console.error(e); process.exit(1); });
