/**
 * The workspace as the core sees it: an interface the server implements (open documents
 * override files on disk), and a per-file index of corpus facts kept fresh one file at a time.
 */
import type { CancellationToken } from './types';
import { countScript, dominantScript, ScriptCounts } from './script/detect';
import { repeatedLineKeys } from './boilerplate/lineKey';
import { fingerprints } from './duplicates/fingerprints';
import { FilePrints, filePrints, FingerprintIndex, SharedFile } from './duplicates/passages';
import { finish } from './steps';
import { LruCache } from './lruCache';
import { partSize } from './parts';
import { ShardedMap } from './shardedMap';

export interface FileText {
	readonly text: string;
	/** The open document's version; undefined for a file read from disk. */
	readonly version?: number;
}

export interface Workspace {
	/** URIs of every corpus file in the workspace folders, include/exclude settings applied. */
	listFiles(token?: CancellationToken): Promise<readonly string[]>;
	/** The file's text: the open document's when it is open, else the file on disk; undefined when unreadable. */
	readFile(uri: string): Promise<FileText | undefined>;
}

/**
 * What the index needs of one file, computed from its text in one pass (by a worker for closed
 * files): plain data and typed arrays, so it crosses threads by structured clone.
 */
export interface FileFacts {
	/** UTF-16 length. */
	readonly length: number;
	readonly script: ScriptCounts;
	/** Distinct keys of the file's short lines (see boilerplate/lineKey.ts). */
	readonly lineKeys: readonly string[];
	readonly prints: FilePrints;
}

/**
 * Beyond this length a file is a dump, not a page: it takes no part in duplicate.document (its
 * prints would cost hundreds of MB) and only its first short lines are counted as templates.
 */
export const maxIndexedLength = 4 * partSize;
const maxLineKeys = 20_000;
/** A new object each time: facts cross threads with their arrays transferred, which detaches them. */
const noPrints = (): FilePrints => ({ positions: new Int32Array(0), starts: new Int32Array(0), ends: new Int32Array(0), hashes: new Uint32Array(0), lineStarts: new Int32Array(1) });

export function fileFacts(text: string): FileFacts {
	const large = text.length > maxIndexedLength;
	return {
		length: text.length,
		script: countScript(text),
		lineKeys: [...repeatedLineKeys(text, maxLineKeys)],
		prints: large ? noPrints() : filePrints(text, fingerprints(text)),
	};
}

export interface FileEntry {
	readonly uri: string;
	/** UTF-16 length. */
	readonly length: number;
	readonly script: ScriptCounts;
	readonly dominant: 'simplified' | 'traditional' | undefined;
	/** Keys of the file's short lines (see boilerplate/lineKey.ts). */
	readonly lineKeys: readonly string[];
}

export interface CorpusSummary {
	readonly files: number;
	readonly characters: number;
	readonly simplifiedFiles: number;
	readonly traditionalFiles: number;
	readonly mixedFiles: number;
}

export type Progress = (done: number, total: number) => void;

/** Per-file facts of the corpus; `update` and `remove` touch one file only. */
export class WorkspaceIndex {
	readonly #entries = new Map<string, FileEntry>();
	/** Short-line key → number of files holding it; kept in step with #entries file by file. */
	readonly #lineFiles = new ShardedMap<number>();
	/** Winnowing prints of every file, for duplicate.document. */
	readonly #prints = new FingerprintIndex();
	/** The facts of recently indexed or checked texts: an open document is printed once per version. */
	readonly #recent = new LruCache<{ text: string; facts: FileFacts }>(16);
	#generation = 0;

	constructor(readonly workspace: Workspace) { }

	get size(): number { return this.#entries.size; }

	get(uri: string): FileEntry | undefined { return this.#entries.get(uri); }

	/** URIs of every indexed file. */
	uris(): string[] { return [...this.#entries.keys()]; }

	/** Lists and indexes every corpus file, reporting progress; stops early when cancelled. */
	async scan(progress?: Progress, token?: CancellationToken): Promise<void> {
		const uris = await this.workspace.listFiles(token);
		let done = 0;
		for (const uri of uris) {
			if (token?.isCancellationRequested) { return; }
			await this.update(uri);
			progress?.(++done, uris.length);
		}
	}

	/** Re-reads one file (created, changed, or an open document edited). */
	async update(uri: string): Promise<FileEntry | undefined> {
		const file = await this.workspace.readFile(uri);
		if (!file) { this.remove(uri); return undefined; }
		return this.set(uri, file.text);
	}

	/** Indexes text the caller already holds (an open document). */
	set(uri: string, text: string): FileEntry {
		return this.setFacts(uri, this.factsOf(uri, text));
	}

	/** Indexes facts computed elsewhere (a worker read the file). */
	setFacts(uri: string, facts: FileFacts): FileEntry {
		this.#generation++;
		const entry: FileEntry = { uri, length: facts.length, script: facts.script, dominant: dominantScript(facts.script), lineKeys: facts.lineKeys };
		this.remove(uri);
		this.#entries.set(uri, entry);
		for (const key of entry.lineKeys) { this.#lineFiles.set(key, (this.#lineFiles.get(key) ?? 0) + 1); }
		this.#prints.set(uri, facts.prints);
		return entry;
	}

	factsOf(uri: string, text: string): FileFacts {
		const recent = this.#recent.get(uri);
		if (recent && recent.text === text) { return recent.facts; }
		const facts = fileFacts(text);
		this.#recent.set(uri, { text, facts });
		return facts;
	}

	/** Other indexed files that share passages with `text` (the text of `uri`); with `relevant`, only those that can make a finding. */
	sharedWith(uri: string, text: string, relevant?: { readonly similarity: number; readonly passage: number }): SharedFile[] {
		return this.#prints.query(uri, this.factsOf(uri, text).prints, relevant);
	}

	/**
	 * Other indexed files sharing passages with the indexed file `uri`, from its stored prints (no
	 * text needed); with `relevant`, only those and the passages that can make a finding.
	 */
	sharedWithIndexed(uri: string, relevant?: { readonly similarity: number; readonly passage: number }): SharedFile[] {
		return finish(this.sharedWithIndexedInSteps(uri, relevant));
	}

	/** `sharedWithIndexed` in steps (see FingerprintIndex.queryInSteps). */
	*sharedWithIndexedInSteps(uri: string, relevant?: { readonly similarity: number; readonly passage: number }): Generator<void, SharedFile[]> {
		const prints = this.#prints.printsOf(uri);
		return prints ? yield* this.#prints.queryInSteps(uri, prints, relevant) : [];
	}

	/**
	 * Before every indexed file is queried in turn (the first scan's checks): lays the print index
	 * out for those queries, in steps; dropped by the next change or `releaseSharing`. Answers are the same either way.
	 */
	prepareSharingInSteps(): Generator<void, void> { return this.#prints.prepareGroupsInSteps(); }

	releaseSharing(): void { this.#prints.releaseGroups(); }

	/** Every file is indexed (a scan's or the command line's reading ended): memory kept for the index to grow is let go. */
	releaseSpare(): void { this.#prints.releaseSpare(); }

	/** Bumped whenever a file's facts enter or leave the index: what was derived from it (a snapshot) is stale. */
	get generation(): number { return this.#generation; }

	/** Indexed files other than `uri` holding any of its prints: their shared passages change when it does. */
	printNeighbours(uri: string): Set<string> {
		return finish(this.printNeighboursInSteps(uri));
	}

	/** `printNeighbours` in steps (a large document's prints take the thread 5–30 ms in one piece). */
	*printNeighboursInSteps(uri: string): Generator<void, Set<string>> {
		const prints = this.#prints.printsOf(uri);
		return prints ? yield* this.#prints.holdersInSteps(uri, prints) : new Set();
	}

	remove(uri: string): void {
		const old = this.#entries.get(uri);
		if (!old) { return; }
		this.#generation++;
		this.#entries.delete(uri);
		this.#prints.remove(uri);
		for (const key of old.lineKeys) {
			const n = (this.#lineFiles.get(key) ?? 1) - 1;
			if (n === 0) { this.#lineFiles.delete(key); } else { this.#lineFiles.set(key, n); }
		}
	}

	/** How many indexed files hold a short line with this key. */
	filesWithLine(key: string): number { return this.#lineFiles.get(key) ?? 0; }

	summary(): CorpusSummary {
		let characters = 0, simplifiedFiles = 0, traditionalFiles = 0, mixedFiles = 0;
		for (const e of this.#entries.values()) {
			characters += e.length;
			if (e.dominant === 'simplified') { simplifiedFiles++; } else if (e.dominant === 'traditional') { traditionalFiles++; }
			if (Math.min(e.script.simplified, e.script.traditional) >= 10) { mixedFiles++; }
		}
		return { files: this.#entries.size, characters, simplifiedFiles, traditionalFiles, mixedFiles };
	}
}
