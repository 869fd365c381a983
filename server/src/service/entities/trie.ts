/**
 * A multi-pattern matcher over UTF-16 units: every occurrence of every known name in one pass.
 * A trie walked from each position (names are short, so this stays linear in practice), stored
 * flat: children in one open-addressing hash table keyed by (node, unit), so a step is a few
 * array reads instead of a Map lookup and nothing is allocated while scanning. A slot is four
 * words (parent + 1, unit and whether the child has children, child, the child's value): a step
 * reads one cache line, not one in each of five arrays (the tables outgrow the caches; a scan
 * of running text waits on these reads more than it computes). The table grows in steps: the
 * server's table of the corpus's names takes every name found while files are tagged, and moving
 * all its edges at once into a table twice the size held the server's thread 120 ms at load 11
 * during the 10k scan (in process, real names: up to 14–80 ms for one add at load 10).
 */
export interface TrieMatch { readonly start: number; readonly end: number; readonly value: number }

const none = -1;
/**
 * Slots of the old child table copied into the new one per edge added or lookup made while the
 * table grows. It starts growing 7/16 full: sixteen slots per edge finish the copy by the time it
 * is half full (a table of S slots takes at most S/16 edges while it is copied), so lookups never
 * probe a table fuller than before.
 */
const slotsPerStep = 16;

/** The array twice as long, its new half `fill`. */
function widened<A extends Int32Array | Uint8Array>(a: A, fill: number): A {
	const wider = new (a.constructor as new (n: number) => A)(a.length * 2);
	wider.set(a);
	if (fill !== 0) { wider.fill(fill, a.length); }
	return wider;
}

const pairBits = 2 ** 20;
const pairBit = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 12;

export class Trie {
	/** Per node: the value of the name ending here (or -1), and whether it has children. */
	#values = new Int32Array(64).fill(none);
	#hasChildren = new Uint8Array(64);
	#nodes = 1;
	/** Child table: slot → parent node + 1 (0: empty), unit, child node. */
	/** Child table: slot s at 4s: parent node + 1 (0: empty), unit | 65536 when the child has children, child node, the child's value. */
	#slots = new Int32Array(4 * 128);
	/** Per node: the slot of the edge that leads to it (4 × slot; the root: -1). */
	#slotOf = new Int32Array(64).fill(none);
	#used = 0;
	#size = 0;
	/**
	 * While the table grows: the table twice the size that the edges are being copied into, slot
	 * by slot in order, a few at each new edge and each lookup (`#moveSome`: a trie built in bulk
	 * finishes on its first lookups), and where each node's edge is in it. Lookups read the old
	 * table until every slot is copied; a change to an edge already copied is made in both.
	 */
	#next: { slots: Int32Array<ArrayBuffer>; slotOf: Int32Array<ArrayBuffer>; copied: number } | undefined;
	/** Per unit: 1 it starts a name, 2 it is a name of one unit. Most text positions are rejected with one array read. */
	readonly #starts = new Uint8Array(65536);
	/**
	 * A bit per hash of the first two units of every longer name: a position whose two units set
	 * no bit starts nothing longer than one unit, and its walk (a read of the large child table,
	 * most often a cache miss) is skipped. 128 KB, small enough to stay cached.
	 */
	readonly #pairs = new Int32Array(pairBits / 32);

	get size(): number { return this.#size; }

	add(name: string, value: number): void {
		if (name.length === 0) { return; }
		this.#starts[name.charCodeAt(0)] |= name.length === 1 ? 3 : 1;
		if (name.length > 1) { const b = pairBit(name.charCodeAt(0), name.charCodeAt(1)); this.#pairs[b >>> 5] |= 1 << (b & 31); }
		let node = 0;
		for (let i = 0; i < name.length; i++) {
			const c = name.charCodeAt(i);
			let child = this.#child(node, c);
			if (child === none) { child = this.#addChild(node, c); }
			node = child;
		}
		if (this.#values[node] === none) { this.#size++; }
		this.#values[node] = value;
		this.#slots[this.#slotOf[node] + 3] = value;
		const next = this.#copiedTo(node);
		if (next !== none) { this.#next!.slots[next + 3] = value; }
	}

	/** True while the child table is being copied into a larger one (the next adds finish it). */
	get growing(): boolean { return this.#next !== undefined; }

	/** Calls `found` for every match (nested and overlapping ones too) in `text[from, to)`, in order of start. */
	forEachMatch(text: string, found: (start: number, end: number, value: number) => void, from = 0, to = text.length): void {
		if (this.#next) { this.#moveSome(); }
		const starts = this.#starts, slots = this.#slots, pairs = this.#pairs;
		if (this.#hasChildren[0] === 0) { return; }
		for (let i = from; i < to; i++) {
			const first = text.charCodeAt(i), start = starts[first];
			if (start === 0) { continue; }
			if (start === 1) {
				if (i + 1 >= to) { continue; }
				const b = pairBit(first, text.charCodeAt(i + 1));
				if ((pairs[b >>> 5] & (1 << (b & 31))) === 0) { continue; }
			}
			for (let j = i, node = 0; j < to; j++) {
				const s = this.#edge(node, text.charCodeAt(j));
				if (s === none) { break; }
				const value = slots[s + 3];
				if (value !== none) { found(i, j + 1, value); }
				if (slots[s + 1] < 65536) { break; }
				node = slots[s + 2];
			}
		}
	}

	/**
	 * The longest name of `text` starting at `start` and ending at or before `end`: its length
	 * (0: none), its value left in `lastValue` (forward maximum matching allocates nothing).
	 */
	longestAt(text: string, start: number, end: number): number {
		if (this.#next) { this.#moveSome(); }
		const first = text.charCodeAt(start), starts = this.#starts[first];
		if (starts === 0 || this.#hasChildren[0] === 0) { return 0; }
		// No name of one unit starts here: a longer one needs its first two units' bit (as in forEachMatch).
		if (starts === 1) {
			if (start + 1 >= end) { return 0; }
			const b = pairBit(first, text.charCodeAt(start + 1));
			if ((this.#pairs[b >>> 5] & (1 << (b & 31))) === 0) { return 0; }
		}
		const slots = this.#slots;
		let length = 0;
		for (let j = start, node = 0; j < end; j++) {
			const s = this.#edge(node, text.charCodeAt(j));
			if (s === none) { break; }
			if (slots[s + 3] !== none) { length = j + 1 - start; this.lastValue = slots[s + 3]; }
			if (slots[s + 1] < 65536) { break; }
			node = slots[s + 2];
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

	/** The slot (4 × index) of the edge from `node` by `unit`, or -1. */
	#edge(node: number, unit: number): number {
		const slots = this.#slots, mask = (slots.length >> 2) - 1;
		for (let s = this.#slot(node, unit) & mask; ; s = (s + 1) & mask) {
			const parent = slots[4 * s];
			if (parent === 0) { return none; }
			if (parent === node + 1 && (slots[4 * s + 1] & 0xffff) === unit) { return 4 * s; }
		}
	}

	#child(node: number, unit: number): number {
		const s = this.#edge(node, unit);
		return s === none ? none : this.#slots[s + 2];
	}

	#addChild(node: number, unit: number): number {
		if (this.#next) { this.#moveSome(); } else if ((this.#used + 1) * 16 > (this.#slots.length >> 2) * 7) { this.#grow(); }
		const child = this.#nodes++;
		if (child >= this.#values.length) {
			this.#values = widened(this.#values, none);
			this.#hasChildren = widened(this.#hasChildren, 0);
			this.#slotOf = widened(this.#slotOf, none);
			if (this.#next) { this.#next.slotOf = widened(this.#next.slotOf, none); }
		}
		const s = this.#insert(this.#slots, node, unit, child);
		this.#slotOf[child] = s;
		this.#used++;
		// Behind the copying: the copy gets it now; ahead: it is copied in its turn.
		if (this.#next && s >> 2 < this.#next.copied) { this.#next.slotOf[child] = this.#insert(this.#next.slots, node, unit, child); }
		this.#hasChildren[node] = 1;
		if (node !== 0) {
			this.#slots[this.#slotOf[node] + 1] |= 65536;
			const next = this.#copiedTo(node);
			if (next !== none) { this.#next!.slots[next + 1] |= 65536; }
		}
		return child;
	}

	/** Where the node's edge is in the table being filled, when it was copied there already (else -1). */
	#copiedTo(node: number): number {
		const next = this.#next;
		return next && node !== 0 && this.#slotOf[node] >> 2 < next.copied ? next.slotOf[node] : none;
	}

	/** Puts the edge into `slots`; returns its slot (4 × index). */
	#insert(slots: Int32Array, node: number, unit: number, child: number): number {
		const mask = (slots.length >> 2) - 1;
		let s = this.#slot(node, unit) & mask;
		while (slots[4 * s] !== 0) { s = (s + 1) & mask; }
		slots[4 * s] = node + 1;
		slots[4 * s + 1] = unit | (this.#hasChildren[child] === 1 ? 65536 : 0);
		slots[4 * s + 2] = child;
		slots[4 * s + 3] = this.#values[child];
		return 4 * s;
	}

	/** Starts copying the edges into a table twice the size (the old one is 7/16 full). */
	#grow(): void {
		this.#next = { slots: new Int32Array(this.#slots.length * 2), slotOf: new Int32Array(this.#slotOf.length).fill(none), copied: 0 };
		this.#moveSome();
	}

	/** Copies the next slots of the old table; the last copy makes the new table the one read. */
	#moveSome(): void {
		const next = this.#next!, old = this.#slots, end = Math.min(old.length >> 2, next.copied + slotsPerStep);
		for (let s = next.copied; s < end; s++) {
			if (old[4 * s] !== 0) { const child = old[4 * s + 2]; next.slotOf[child] = this.#insert(next.slots, old[4 * s] - 1, old[4 * s + 1] & 0xffff, child); }
		}
		next.copied = end;
		if (end === old.length >> 2) {
			this.#slots = next.slots;
			this.#slotOf = next.slotOf;
			this.#next = undefined;
		}
	}
}
