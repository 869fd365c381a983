/**
 * Where a keystroke's check of a 1 MB open document goes, rule by rule: the document of the
 * latency bench (bench/latency.ts), checked whole once, then edited as that bench edits it (one
 * character inserted and deleted in turn in the middle) and checked again on one thread, with
 * the lines of the last version kept as the pinned worker keeps them. Prints each rule's median
 * milliseconds per keystroke, and the whole check's; then the worker's job for the same
 * keystrokes, and the memory it allocates per keystroke (V8's sampling heap profiler, objects
 * collected since included: what the young generation's collections have to deal with).
 * `KEYSTROKE_ALLOC_SITES=20`: also the 20 functions that allocate most per keystroke, each with its
 * caller (a function is named with the line it starts on in out/bench/keystrokeRules.js).
 */
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { jiebaSegmenter } from '../server/src/segmenter';
import { CorpusDocument, defaultLintOptions, LanguageService, type Rule } from '../server/src/service';
import { createJobRunner } from '../server/src/worker/jobs';
import { HeldByWorker, keysAfter, openCheckJob } from '../server/src/worker/textChange';
import { buildDocuments, seedTexts } from './corpus';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
/** CPU milliseconds of this process (one thread here): the machine is shared, and wall time counts the others' work. */
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const times = new Map<string, number[]>();
let timing = false;
function timed(rule: Rule): Rule {
	return {
		...rule,
		*check(doc, ctx) {
			const t = cpu();
			const found = [...rule.check(doc, ctx)];
			if (timing) { (times.get(rule.id) ?? times.set(rule.id, []).get(rule.id)!).push(cpu() - t); }
			yield* found;
		},
	} as Rule;
}

const script = (process.env.KEYSTROKE_SCRIPT ?? 'traditional') as 'traditional' | 'simplified';
const text = buildDocuments(seedTexts()[script], 1, 1e6)[0];
const jieba = jiebaSegmenter();
const plain = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jieba, tagger: jieba });
const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jieba, tagger: jieba, rules: plain.rules.map(timed), cachePolicy: { scale: 1, maxKeyLength: Infinity } });
const uri = `file:///bench/${script}-1.txt`;
const options = { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER };
let doc = new CorpusDocument(uri, 1, text);
service.lint(doc, options);
const lines = text.split('\n');
// KEYSTROKE_LINE: the edited line (default the middle one, as the latency bench edits; near the top, the edit falls among the 1,000 diagnostics sent).
const line = Number(process.env.KEYSTROKE_LINE ?? Math.floor(lines.length / 2));
const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
const whole: number[] = [];
const deriveMs: number[] = [];
const collections: { startTime: number; duration: number }[] = [];
new PerformanceObserver((list) => { collections.push(...list.getEntries()); }).observe({ entryTypes: ['gc'] });
let timedFrom = 0;
let timedTo = 0;
const edits = Number(process.env.KEYSTROKE_EDITS ?? 41);
for (let v = 2; v < edits + 2; v++) {
	timing = v > 4;
	if (v === 5) { timedFrom = performance.now(); }
	const next = v % 2 === 0 ? text.slice(0, lineStart) + '后' + text.slice(lineStart) : text;
	const range = { start: lineStart, oldEnd: v % 2 === 0 ? lineStart : lineStart + 1, newEnd: v % 2 === 0 ? lineStart + 1 : lineStart };
	const t = cpu();
	doc = CorpusDocument.derive(doc, v, next, range);
	void doc.lines;
	const t1 = cpu();
	service.lint(doc, options);
	if (timing) { whole.push(cpu() - t); deriveMs.push(t1 - t); }
}
timedTo = performance.now();
const gcWithin = (from: number, to: number) => collections.filter((c) => c.startTime >= from && c.startTime < to).reduce((n, c) => n + c.duration, 0);
const rows = [...times].map(([id, ts]) => [id, median(ts)] as const).sort((a, b) => b[1] - a[1]);
for (const [id, ms] of rows) { console.log(`${ms.toFixed(2).padStart(7)} ms  ${id}`); }
// The collector's entries reach the observer a little after the loop (not within its turn).
setTimeout(() => {
	console.log(`${median(whole).toFixed(2).padStart(7)} ms  derive + lint (median of ${whole.length}); of which the derive ${median(deriveMs).toFixed(2)} ms, the collector ${(gcWithin(timedFrom, timedTo) / whole.length).toFixed(2)} ms (mean)`);
	void workerJobs();
}, 100);

/**
 * The pinned worker's job for the same keystrokes (worker/jobs.ts: the edit applied to the text
 * it holds, the check, the answer as a change of the last list; then its collection after the
 * job), on this thread: the CPU of a keystroke in the worker without the threads around it.
 */
async function workerJobs(): Promise<void> {
	const runner = createJobRunner(jieba, true);
	const corpus = { fileCount: 1, lineCounts: [], shared: [] };
	const lintOptions = { ...defaultLintOptions };
	let held: HeldByWorker | undefined;
	let current = text;
	const ms: number[] = [];
	const keystroke = async (v: number) => {
		const next = v === 1 || v % 2 === 1 ? text : text.slice(0, lineStart) + '后' + text.slice(lineStart);
		const job = openCheckJob(uri, v, next, lintOptions, corpus, 'key', v, held);
		const t = cpu();
		const result = await runner.run(job);
		runner.afterJob();
		if (v > 4) { ms.push(cpu() - t); }
		if (!('delta' in result) && !('diagnostics' in result)) { throw new Error('no answer'); }
		held = { token: v, version: v, text: next, corpusKeys: keysAfter(held, 'key') };
		current = next;
	};
	for (let v = 1; v < edits + 2; v++) { await keystroke(v); }
	console.log(`${median(ms).toFixed(2).padStart(7)} ms  the worker's job, its collection after it included (median of ${ms.length}; ${current.length} units)`);
	const sampled = 40;
	const kb = await allocatedKb(async () => { for (let v = edits + 2; v < edits + 2 + sampled; v++) { await keystroke(v); } }, sampled);
	console.log(`${(kb / sampled).toFixed(0).padStart(7)} KB allocated per keystroke by the worker's job (sampled over ${sampled})`);
}

/** Kilobytes `work` allocates, sampled every kilobyte, garbage collected meanwhile included. */
async function allocatedKb(work: () => Promise<void>, samples: number): Promise<number> {
	const session = new Session();
	session.connect();
	const post = <T>(method: string, params: object = {}) => new Promise<T>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));
	interface SampleNode { readonly selfSize: number; readonly children: readonly SampleNode[]; readonly callFrame: { readonly functionName: string; readonly lineNumber: number } }
	await post('HeapProfiler.enable');
	await post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
	await work();
	const { profile } = await post<{ profile: { head: SampleNode } }>('HeapProfiler.stopSampling');
	session.disconnect();
	const sum = (n: SampleNode): number => n.children.reduce((s, c) => s + sum(c), n.selfSize);
	const sites = Number(process.env.KEYSTROKE_ALLOC_SITES ?? 0);
	if (sites > 0) {
		const bySite = new Map<string, number>();
		const where = (n: SampleNode) => `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}`;
		const walk = (n: SampleNode, caller: string) => {
			const site = `${where(n)} ← ${caller}`;
			bySite.set(site, (bySite.get(site) ?? 0) + n.selfSize);
			for (const c of n.children) { walk(c, where(n)); }
		};
		walk(profile.head, '');
		for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, sites)) { console.log(`${(bytes / 1024 / samples).toFixed(0).padStart(7)} KB per keystroke  ${site}`); }
	}
	return sum(profile.head) / 1024;
}
