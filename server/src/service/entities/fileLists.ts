/**
 * Compact per-entity lists of files for the entity index. A name of the 10,000-file bench corpus
 * is in 12 files on average and 乌镇 in all of them: a `Map<string, number>` and a `Set<string>`
 * per entity held ≈ 62 MB of the server thread's heap in hash tables. Here a file is a small
 * integer (`FileIds`) and a list is a plain array of small integers, which V8 stores unboxed;
 * the lists keep insertion order, as the maps did (what iterates them sees the same order).
 * Lookups are linear in the entity's files: they happen once per entity and file indexed, never
 * per mention.
 */

/** File URI ↔ small integer; the id of a file no longer indexed is given to the next new file. */
export class FileIds {
	readonly #ids = new Map<string, number>();
	readonly #uris: string[] = [];
	readonly #free: number[] = [];

	/** The file's id, assigned on first use. */
	id(uri: string): number {
		let id = this.#ids.get(uri);
		if (id === undefined) {
			id = this.#free.pop() ?? this.#uris.length;
			this.#ids.set(uri, id);
			this.#uris[id] = uri;
		}
		return id;
	}

	idOf(uri: string): number | undefined { return this.#ids.get(uri); }
	uri(id: number): string { return this.#uris[id]; }

	/** The file left the index: nothing refers to its id any more. */
	release(uri: string): void {
		const id = this.#ids.get(uri);
		if (id === undefined) { return; }
		this.#ids.delete(uri);
		this.#free.push(id);
	}
}

/** File → count, in insertion order (a `Map<string, number>`'s reading side). */
export class FileCounts {
	/** File id, count, file id, count… */
	readonly #pairs: number[] = [];

	constructor(private readonly files: FileIds) { }

	get size(): number { return this.#pairs.length / 2; }

	get(uri: string): number | undefined {
		const at = this.#at(this.files.idOf(uri));
		return at < 0 ? undefined : this.#pairs[at + 1];
	}

	has(uri: string): boolean { return this.#at(this.files.idOf(uri)) >= 0; }

	/** Sets the count; a new file goes last, a known one keeps its place. */
	set(uri: string, n: number): void {
		const id = this.files.id(uri);
		const at = this.#at(id);
		if (at < 0) { this.#pairs.push(id, n); } else { this.#pairs[at + 1] = n; }
	}

	delete(uri: string): boolean {
		const at = this.#at(this.files.idOf(uri));
		if (at < 0) { return false; }
		this.#pairs.splice(at, 2);
		return true;
	}

	*keys(): Generator<string> {
		for (let i = 0; i < this.#pairs.length; i += 2) { yield this.files.uri(this.#pairs[i]); }
	}

	*[Symbol.iterator](): Generator<[string, number]> {
		for (let i = 0; i < this.#pairs.length; i += 2) { yield [this.files.uri(this.#pairs[i]), this.#pairs[i + 1]]; }
	}

	#at(id: number | undefined): number {
		if (id === undefined) { return -1; }
		const pairs = this.#pairs;
		for (let i = 0; i < pairs.length; i += 2) { if (pairs[i] === id) { return i; } }
		return -1;
	}
}

/** A set of files in insertion order (a `Set<string>`). */
export class FileSet {
	readonly #ids: number[] = [];

	constructor(private readonly files: FileIds) { }

	get size(): number { return this.#ids.length; }

	has(uri: string): boolean {
		const id = this.files.idOf(uri);
		return id !== undefined && this.#ids.includes(id);
	}

	add(uri: string): void {
		const id = this.files.id(uri);
		if (!this.#ids.includes(id)) { this.#ids.push(id); }
	}

	delete(uri: string): boolean {
		const id = this.files.idOf(uri);
		const at = id === undefined ? -1 : this.#ids.indexOf(id);
		if (at < 0) { return false; }
		this.#ids.splice(at, 1);
		return true;
	}

	*[Symbol.iterator](): Generator<string> {
		for (const id of this.#ids) { yield this.files.uri(id); }
	}
}

/** Strings (name keys, roles, spellings) ↔ small integers; kept for the index's life. */
export class Strings {
	readonly #ids = new Map<string, number>();
	readonly #all: string[] = [];

	id(s: string): number {
		let id = this.#ids.get(s);
		if (id === undefined) { id = this.#all.length; this.#ids.set(s, id); this.#all.push(s); }
		return id;
	}

	get(id: number): string { return this.#all[id]; }
}
