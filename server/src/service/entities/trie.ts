/**
 * A multi-pattern matcher over UTF-16 units: every occurrence of every known name in one pass.
 * A trie walked from each position (names are short, so this stays linear in practice), stored
 * flat: children in one open-addressing hash table of typed arrays keyed by (node, unit), so a
 * step is a few array reads instead of a Map lookup and nothing is allocated while scanning.
 */
export interface TrieMatch { readonly start: number; readonly end: number; readonly value: number }

const none = -1;

export class Trie {
	/** Per node: the value of the name ending here (or -1), and whether it has children. */
	#values = new Int32Array(64).fill(none);
	#hasChildren = new Uint8Array(64);
	#nodes = 1;
	/** Child table: slot → parent node + 1 (0: empty), unit, child node. */
	#slotParent = new Int32Array(128);
	#slotUnit = new Uint16Array(128);
	#slotChild = new Int32Array(128);
	#used = 0;
	#size = 0;
	/** Units that start a name: most text positions are rejected with one array read. */
	readonly #starts = new Uint8Array(65536);

	get size(): number { return this.#size; }

	add(name: string, value: number): void {
		if (name.length === 0) { return; }
		this.#starts[name.charCodeAt(0)] = 1;
		let node = 0;
		for (let i = 0; i < name.length; i++) {
			const c = name.charCodeAt(i);
			let child = this.#child(node, c);
			if (child === none) { child = this.#addChild(node, c); }
			node = child;
		}
		if (this.#values[node] === none) { this.#size++; }
		this.#values[node] = value;
	}

	/** Calls `found` for every match (nested and overlapping ones too) in `text[from, to)`, in order of start. */
	forEachMatch(text: string, found: (start: number, end: number, value: number) => void, from = 0, to = text.length): void {
		const starts = this.#starts;
		const values = this.#values;
		const hasChildren = this.#hasChildren;
		if (hasChildren[0] === 0) { return; }
		for (let i = from; i < to; i++) {
			if (starts[text.charCodeAt(i)] === 0) { continue; }
			let node = 0;
			for (let j = i; j < to && hasChildren[node] === 1; j++) {
				node = this.#child(node, text.charCodeAt(j));
				if (node === none) { break; }
				if (values[node] !== none) { found(i, j + 1, values[node]); }
			}
		}
	}

	/**
	 * The longest name of `text` starting at `start` and ending at or before `end`: its length
	 * (0: none), its value left in `lastValue` (forward maximum matching allocates nothing).
	 */
	longestAt(text: string, start: number, end: number): number {
		if (this.#starts[text.charCodeAt(start)] === 0) { return 0; }
		let node = 0, length = 0;
		for (let j = start; j < end && this.#hasChildren[node] === 1; j++) {
			node = this.#child(node, text.charCodeAt(j));
			if (node === none) { break; }
			if (this.#values[node] !== none) { length = j + 1 - start; this.lastValue = this.#values[node]; }
		}
		return length;
	}

	/** The value of the last successful `longestAt`. */
	lastValue = none;

	/** Every match in `text[from, to)` as objects (tests and small texts; scans use forEachMatch). */
	matches(text: string, from = 0, to = text.length): TrieMatch[] {
		const out: TrieMatch[] = [];
		this.forEachMatch(text, (start, end, value) => out.push({ start, end, value }), from, to);
		return out;
	}

	#slot(node: number, unit: number): number {
		return (Math.imul(node + 1, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) >>> 0;
	}

	#child(node: number, unit: number): number {
		const mask = this.#slotParent.length - 1;
		for (let s = this.#slot(node, unit) & mask; ; s = (s + 1) & mask) {
			const parent = this.#slotParent[s];
			if (parent === 0) { return none; }
			if (parent === node + 1 && this.#slotUnit[s] === unit) { return this.#slotChild[s]; }
		}
	}

	#addChild(node: number, unit: number): number {
		if ((this.#used + 1) * 2 > this.#slotParent.length) { this.#grow(); }
		const child = this.#nodes++;
		if (child >= this.#values.length) {
			const values = new Int32Array(this.#values.length * 2).fill(none);
			values.set(this.#values);
			this.#values = values;
			const has = new Uint8Array(this.#values.length);
			has.set(this.#hasChildren);
			this.#hasChildren = has;
		}
		this.#insert(node, unit, child);
		this.#hasChildren[node] = 1;
		return child;
	}

	#insert(node: number, unit: number, child: number): void {
		const mask = this.#slotParent.length - 1;
		let s = this.#slot(node, unit) & mask;
		while (this.#slotParent[s] !== 0) { s = (s + 1) & mask; }
		this.#slotParent[s] = node + 1;
		this.#slotUnit[s] = unit;
		this.#slotChild[s] = child;
		this.#used++;
	}

	#grow(): void {
		const parents = this.#slotParent, units = this.#slotUnit, children = this.#slotChild;
		const size = parents.length * 2;
		this.#slotParent = new Int32Array(size);
		this.#slotUnit = new Uint16Array(size);
		this.#slotChild = new Int32Array(size);
		this.#used = 0;
		for (let s = 0; s < parents.length; s++) {
			if (parents[s] !== 0) { this.#insert(parents[s] - 1, units[s], children[s]); }
		}
	}
}
