import type { CorpusDocument, Line } from './document';
import type { LineCache } from './types';

/**
 * How much the line caches keep. The server's thread keeps every line of the open documents
 * (an edit re-examines only changed lines); a worker that reads each closed file once gains
 * only from template lines repeated across files, which are short, so it keeps short lines, and
 * fewer: the caches would otherwise hold hundreds of MB of long unique lines per thread.
 */
const limits = { scale: 1, maxKeyLength: Infinity };

export function configureLineCaches(options: { scale?: number; maxKeyLength?: number }): void {
	limits.scale = options.scale ?? limits.scale;
	limits.maxKeyLength = options.maxKeyLength ?? limits.maxKeyLength;
}

/**
 * Runs `work` (synchronous) with other line-cache limits, then restores them: a clean passing
 * once over a large file keeps short lines only, as a worker does, instead of filling the caches
 * of the open documents with hundreds of megabytes of lines it will not see again.
 */
export function withLineCaches<T>(options: { scale: number; maxKeyLength: number }, work: () => T): T {
	const saved = { scale: limits.scale, maxKeyLength: limits.maxKeyLength };
	configureLineCaches(options);
	try {
		return work();
	} finally {
		configureLineCaches(saved);
	}
}

/** A cache's own policy; without one it follows `configureLineCaches`. */
export interface CachePolicy { readonly scale: number; readonly maxKeyLength: number }

/**
 * A size-bounded cache that forgets what was not used lately, in two generations: entries go to
 * the young map; when it is full it becomes the old one (the previous old one is dropped), and an
 * old entry that is read again moves back to the young map. Every operation is a Map lookup or
 * two (no iterator per eviction, which cost more than the work saved on unique lines).
 */
export class LruCache<T> implements LineCache<T> {
	#young = new Map<string, T>();
	#old = new Map<string, T>();

	constructor(readonly capacity: number, private readonly policy: CachePolicy = limits) { }

	get(key: string): T | undefined {
		// A key too long to be kept is not looked up: hashing it would cost as much as the work saved.
		if (key.length > this.policy.maxKeyLength) { return undefined; }
		const young = this.#young.get(key);
		if (young !== undefined) { return young; }
		const old = this.#old.get(key);
		if (old !== undefined) { this.#old.delete(key); this.#put(key, old); }
		return old;
	}

	set(key: string, value: T): void {
		if (key.length > this.policy.maxKeyLength) { return; }
		this.#old.delete(key);
		this.#put(key, value);
	}

	#put(key: string, value: T): void {
		this.#young.set(key, value);
		const scale = this.policy.scale;
		// Each generation holds half the capacity, so at most `capacity` entries are kept.
		const half = Math.max(1, Math.ceil((scale === 1 ? this.capacity : Math.max(16, this.capacity * scale)) / 2));
		if (this.#young.size > half) {
			this.#old = this.#young;
			this.#young = new Map();
		}
	}

	get size(): number { return this.#young.size + this.#old.size; }

	/**
	 * `compute(text)` of every line of `doc`, in line order, through this cache. A line whose text
	 * is the text of the same line of the document's last version seen here (at its index, or
	 * shifted by the lines an edit added or removed) takes that line's result without hashing its
	 * text: after an edit of a large document only the lines around the edit are looked up. Exact:
	 * a result depends on its line's text only (this cache's contract). Editor documents only
	 * (version above 0); a closed file checked once is not remembered.
	 */
	perLine(doc: CorpusDocument, compute: (text: string) => T): readonly T[] {
		const lines = doc.lines;
		const last = lastLines.get(doc.uri)?.get(this) as Remembered<T> | undefined;
		const shift = last ? lines.length - last.lines.length : 0;
		const results = new Array<T>(lines.length);
		for (let i = 0; i < lines.length; i++) {
			const text = lines[i].text;
			if (last) {
				if (last.lines[i]?.text === text) { results[i] = last.results[i]; continue; }
				if (last.lines[i - shift]?.text === text) { results[i] = last.results[i - shift]; continue; }
			}
			let r = this.get(text);
			if (r === undefined) { r = compute(text); this.set(text, r); }
			results[i] = r;
		}
		if (doc.version > 0) { rememberLines(doc.uri, this, { lines, results }); }
		return results;
	}
}

interface Remembered<T> { readonly lines: readonly Line[]; readonly results: readonly T[] }

/** Per document: each cache's results of its last version's lines (a weak map: a dropped service's caches go). */
const lastLines = new Map<string, WeakMap<object, Remembered<unknown>>>();
/** Documents remembered: an editor's few open documents checked here. */
const maxDocuments = 4;

function rememberLines(uri: string, cache: object, value: Remembered<unknown>): void {
	const byCache = lastLines.get(uri) ?? new WeakMap<object, Remembered<unknown>>();
	// The document edited last is the last one forgotten.
	lastLines.delete(uri);
	lastLines.set(uri, byCache);
	if (lastLines.size > maxDocuments) { lastLines.delete(lastLines.keys().next().value!); }
	byCache.set(cache, value);
}

/** The editor closed the document: its lines' results are not needed any more. */
export function forgetLines(uri: string): void {
	lastLines.delete(uri);
}
