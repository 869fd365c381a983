/**
 * A folder indexed and checked as the corpus workers do it for closed files, on this one thread:
 * every file's facts first (the workers' index job, with their cache limits), the corpus
 * snapshots laid out, then each file checked with the snapshot a worker gets. Shared by the
 * digest (what is computed) and the rules' CPU bench (what it costs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusDocument, defaultLintOptions, finish, LanguageService, type Problem, type Rule } from '../server/src/service';
import { checkInParts } from '../server/src/service/parts';
import { jiebaSegmenter } from '../server/src/segmenter';
import { createJobRunner } from '../server/src/worker/jobs';
import type { IndexResult } from '../server/src/worker/protocol';
import { corpusSnapshot } from '../server/src/worker/snapshot';
import { snapshotView } from '../server/src/worker/snapshotView';
import { closedVersion } from '../server/src/lsp/convert';
import { readCorpusFile } from '../server/src/files/fileReader';

export function listTexts(dir: string, out: string[] = []): string[] {
	for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
		if (e.name.startsWith('.')) { continue; }
		const p = path.join(dir, e.name);
		if (e.isDirectory()) { listTexts(p, out); } else if (e.name.endsWith('.txt')) { out.push(p); }
	}
	return out;
}

/** CPU milliseconds of this process (the machine is shared: wall time depends on the load). */
export const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** Milliseconds summed by what they were spent on. */
export class Spent {
	readonly ms = new Map<string, number>();
	/** `clock`: the process's CPU time by default (a system call each, ≈ 7 µs). */
	constructor(readonly on: boolean, private readonly clock: () => number = cpuMs) { }
	/** Now, when timing; 0 otherwise. */
	now(): number { return this.on ? this.clock() : 0; }
	add(what: string, since: number): void { if (this.on) { this.ms.set(what, (this.ms.get(what) ?? 0) + this.clock() - since); } }

	/** The rule with its check timed as a whole (the generator run to its end) under `rule <id>`. */
	timed(rule: Rule): Rule {
		const start = () => this.now();
		const stop = (since: number) => this.add(`rule ${rule.id}`, since);
		return {
			...rule,
			*check(doc, ctx) {
				const t = start();
				const found = [...rule.check(doc, ctx)];
				stop(t);
				yield* found;
			},
		} as Rule;
	}
}

export interface CheckedFile {
	readonly file: string;
	readonly uri: string;
	/** The index job's result, or why the file was skipped. */
	readonly indexed: IndexResult | string;
	/** Undefined for a skipped file. */
	readonly doc?: CorpusDocument;
	readonly problems?: readonly Problem[];
}

/** Indexes then checks `files` (sorted paths of one corpus), yielding each file once checked. */
export async function* checkFolder(files: readonly string[], spent: Spent): AsyncGenerator<CheckedFile> {
	const jieba = jiebaSegmenter();
	// The worker's job runner sets the workers' cache limits; its index job is the workers' own.
	const runner = createJobRunner(jieba, true);
	// DIGEST_LOCALE (digest.ts): the messages' catalogue, English by default.
	const host = { workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jieba, tagger: jieba, locale: process.env.DIGEST_LOCALE };
	const service = new LanguageService(host);
	const checker = new LanguageService({ ...host, rules: spent.on ? service.rules.map((r) => spent.timed(r)) : undefined });
	const texts = new Map<string, string>();
	const indexed = new Map<string, IndexResult | string>();
	for (const file of files) {
		const uri = pathToFileURL(file).href;
		let t = spent.now();
		const read = readCorpusFile(file);
		spent.add('read and decode', t);
		if (read.text === undefined) { indexed.set(uri, `skipped ${read.skipped}`); continue; }
		texts.set(uri, read.text);
		t = spent.now();
		const r = await runner.run({ kind: 'index', uri, text: read.text }) as IndexResult;
		spent.add('index job (facts, names matched)', t);
		indexed.set(uri, r);
		t = spent.now();
		if (r.facts) { service.index.setFacts(uri, r.facts); }
		spent.add('index updates (the server\'s thread)', t);
	}
	// As the first scan does before its checks (the snapshots' queries read the laid-out chains).
	const prepared = spent.now();
	finish(service.index.prepareSharingInSteps());
	spent.add('corpus snapshots (the server\'s thread)', prepared);
	const options = { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER };
	for (const file of files) {
		const uri = pathToFileURL(file).href;
		const text = texts.get(uri);
		if (text === undefined) { yield { file, uri, indexed: indexed.get(uri)! }; continue; }
		let t = spent.now();
		const view = snapshotView(corpusSnapshot(service, uri));
		spent.add('corpus snapshots (the server\'s thread)', t);
		const partView = { corpus: { ...view.corpus, sharedWith: () => [] } };
		const doc = new CorpusDocument(uri, closedVersion, text);
		t = spent.now();
		const problems: Problem[] = checkInParts(doc, (part, whole) => checker.lintWithView(part, options, whole ? view : partView));
		spent.add('lint (all rules)', t);
		yield { file, uri, indexed: indexed.get(uri)!, doc, problems };
	}
}
