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
	/** This cache's slot in the records of `lines`, when its owner shares one store among its caches. */
	readonly #slot: number;

	constructor(readonly capacity: number, private readonly policy: CachePolicy = limits, private readonly lines?: LineStore) {
		this.#slot = lines ? lines.slots++ : -1;
	}

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
	 * `compute(text)` of every line of `doc`, in line order, through this cache. A version derived
	 * from the document's last version seen here (`CorpusDocument.derive`) takes that version's
	 * results around the lines its edit made, and looks up only those; one with the same lines takes
	 * the same results. Otherwise a line whose text is the text of the same line of the last version
	 * (at its index, or shifted by the lines an edit added or removed) takes that line's result
	 * without hashing its text. Exact: a result depends on its line's text only (this cache's
	 * contract). Editor documents only (version above 0); a closed file checked once is not remembered.
	 */
	perLine(doc: CorpusDocument, compute: (text: string, n: number) => T): readonly T[] {
		if (doc.version <= 0 && this.lines) { return this.#fromRecords(doc, this.lines.recordsOf(doc), compute); }
		const lines = doc.lines;
		const id = doc.linesId;
		const last = lastLines.get(doc.uri)?.get(this) as Remembered<T> | undefined;
		if (last?.linesId === id) { return last.results; }
		const edit = doc.linesEdit;
		let results: T[];
		if (last && edit?.from === last.linesId) {
			// Derived from the lines remembered: only the edited lines are read (walking every line's
			// text to compare it was ≈ 2 ms per keystroke of a 1 MB document over the rules' caches).
			const middle = new Array<T>(edit.count);
			for (let k = 0; k < edit.count; k++) { middle[k] = this.#lookUp(lines[edit.head + k].text, edit.head + k, compute); }
			results = last.results.slice(0, edit.head).concat(middle, last.results.slice(edit.tail));
		} else {
			const shift = last ? lines.length - last.lines.length : 0;
			results = new Array<T>(lines.length);
			for (let i = 0; i < lines.length; i++) {
				const text = lines[i].text;
				if (last) {
					if (last.lines[i]?.text === text) { results[i] = last.results[i]; continue; }
					if (last.lines[i - shift]?.text === text) { results[i] = last.results[i - shift]; continue; }
				}
				results[i] = this.#lookUp(text, i, compute);
			}
		}
		if (doc.version > 0) { rememberLines(doc.uri, this, { lines, linesId: id, results }); }
		return results;
	}

	/** A line's result from the cache, or computed and kept. */
	#lookUp(text: string, n: number, compute: (text: string, n: number) => T): T {
		let r = this.get(text);
		if (r === undefined) {
			r = compute(text, n);
			// Not in either generation (just looked up): put without the old generation's delete.
			if (text.length <= this.policy.maxKeyLength) { this.#put(text, r); }
		}
		return r;
	}

	/** `perLine` of a closed file (or a part): each line's result in its record, shared with the other caches of the store. */
	#fromRecords(doc: CorpusDocument, records: readonly (unknown[] | undefined)[], compute: (text: string, n: number) => T): readonly T[] {
		const lines = doc.lines;
		const slot = this.#slot;
		const results = new Array<T>(lines.length);
		for (let i = 0; i < lines.length; i++) {
			const record = records[i];
			let r = record?.[slot] as T | undefined;
			if (r === undefined) {
				r = compute(lines[i].text, i);
				if (record) { record[slot] = r; }
			}
			results[i] = r;
		}
		return results;
	}
}

/**
 * The results of several line caches (a service's rules) for one line text, in one record: a
 * closed file's lines are looked up once for every rule, instead of once per rule's cache (a
 * dozen hash lookups per line, ≈ a tenth of a worker's checking). Two generations as in
 * `LruCache`, bounded by the number of line texts; a document's records are found once.
 */
export class LineStore {
	#young = new Map<string, unknown[]>();
	#old = new Map<string, unknown[]>();
	readonly #documents = new WeakMap<CorpusDocument, readonly (unknown[] | undefined)[]>();
	/** Slots given to caches so far; slot 0 holds the page analysis's facts of the line (`lineRecords`). */
	slots = 1;

	constructor(readonly capacity: number, private readonly policy: CachePolicy = limits) { }

	/** The record of each line of `doc` (none for a line too long to keep). */
	recordsOf(doc: CorpusDocument): readonly (unknown[] | undefined)[] {
		let records = this.#documents.get(doc);
		if (records) { return records; }
		const lines = doc.lines;
		const out = new Array<unknown[] | undefined>(lines.length);
		const max = this.policy.maxKeyLength;
		for (let i = 0; i < lines.length; i++) {
			const text = lines[i].text;
			if (text.length > max) { continue; }
			let record = this.#young.get(text);
			if (record === undefined) {
				record = this.#old.get(text);
				if (record !== undefined) { this.#old.delete(text); } else { record = []; }
				this.#put(text, record);
			}
			out[i] = record;
		}
		this.#documents.set(doc, records = out);
		documentRecords.set(doc, records);
		return records;
	}

	#put(key: string, record: unknown[]): void {
		this.#young.set(key, record);
		const scale = this.policy.scale;
		const half = Math.max(1, Math.ceil((scale === 1 ? this.capacity : Math.max(16, this.capacity * scale)) / 2));
		if (this.#young.size > half) {
			this.#old = this.#young;
			this.#young = new Map();
		}
	}
}

/** The records a store found for a closed file (the last store asked, when several were). */
const documentRecords = new WeakMap<CorpusDocument, readonly (unknown[] | undefined)[]>();

/**
 * The records of `doc`'s lines, if a store has found them (a closed file the service checks): the
 * page analysis keeps each line's facts in slot 0 of its record, so the line's text is looked up
 * once for the rules and the analysis together, not once more in the analysis's own cache.
 */
export function lineRecords(doc: CorpusDocument): readonly (unknown[] | undefined)[] | undefined {
	return documentRecords.get(doc);
}

interface Remembered<T> { readonly lines: readonly Line[]; readonly linesId: number; readonly results: readonly T[] }

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
