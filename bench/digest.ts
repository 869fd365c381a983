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
 *   DIGEST_LOCALE=zh-cn …                       messages in another catalogue: a change of English wording alone keeps this digest
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toDiagnostic } from '../server/src/lsp/convert';
import { fileFacts } from '../server/src/service/workspace';
import { checkFolder, listTexts, Spent } from './checkFolder';
import { writeCorpus } from './corpusFolder';

/** Typed arrays and maps as plain arrays, so that JSON shows their content. */
const plain = (_k: string, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v instanceof Map ? [...v] : v);

/** CPU time by stage, asked only with DIGEST_TIME (a system call each). */
const spent = new Spent(Boolean(process.env.DIGEST_TIME));

async function digest(dir: string, lines: string[]): Promise<string> {
	const all = createHash('sha256');
	const counts = new Map<string, number>();
	let files = 0;
	for await (const checked of checkFolder(listTexts(dir), spent)) {
		const { indexed, doc, problems } = checked;
		if (spent.on && doc) { const t = spent.now(); fileFacts(doc.text); spent.add('of which fileFacts (again)', t); }
		const facts = typeof indexed === 'string' ? indexed : createHash('sha256').update(JSON.stringify([indexed.stamp, indexed.facts], plain)).digest('hex').slice(0, 16);
		let findings = 'none';
		if (doc && problems) {
			for (const p of problems) { counts.set(p.ruleId, (counts.get(p.ruleId) ?? 0) + 1); }
			const diagnostics = problems.map((p) => toDiagnostic(doc, p));
			findings = createHash('sha256').update(JSON.stringify([problems, diagnostics], plain)).digest('hex').slice(0, 16);
		}
		const line = `${path.relative(dir, checked.file)} ${facts} ${findings}`;
		lines.push(line);
		files++;
		all.update(`${line}\n`);
	}
	const total = [...counts.values()].reduce((a, b) => a + b, 0);
	console.log(`${dir}: ${files} files, ${total} findings (${[...counts].sort().map(([k, v]) => `${k} ${v}`).join(', ')})`);
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
	if (spent.on) {
		const used = process.cpuUsage(cpu);
		console.log(`CPU ${((used.user + used.system) / 1e6).toFixed(1)} s (load ${os.loadavg()[0].toFixed(1)})`);
		for (const [what, ms] of [...spent.ms].sort((a, b) => b[1] - a[1])) { console.log(`${(ms / 1000).toFixed(2).padStart(8)} s  ${what}`); }
	}
}

main().catch((e) => { console.error(e); process.exit(1); });
