/**
 * Print hash → the (file id, print index) pairs that hold it, for the corpus-wide fingerprint
 * index, in flat typed storage: an open-addressing table of hashes (linear probing) whose slots
 * head chains in an arena of postings. A `Map<number, number | number[]>` held the 2.6 M prints
 * of the 10,000-file bench corpus in ≈ 100 MB of the server thread's heap, mostly boxed numbers
 * the collector walks on every major collection; this holds them in ≈ 63 MB of typed arrays it
 * never walks (the arena keeps its high-water mark: freed postings are reused, not returned).
 *
 * A slot's hash, head and count lie side by side (`stride`): a lookup reads one cache line, not
 * three. A 1 MB document's 26,000 prints against the 10k bench's 2.6 M postings
 * (`bench/postingTable.ts`, 3 alternated pairs): adds 7–9 ms instead of 8–13, look-ups 6–8
 * instead of 6–10, removals 5–7 instead of 5–9.
 *
 * Nothing grows in one piece on the server's thread: the arena is a list of fixed pages (it
 * grew by copying, 16–52 ms at a time past 1.3 M postings during the 10k scan), and a grown
 * table starts as zeroed memory (0 = a slot never used; it was filled first, 5–15 ms), into
 * which the old one is moved a few slots per call.
 *
 * A chain lists its postings newest first (adding is then O(1)); readers that need insertion
 * order walk it into a buffer and read that backwards.
 */

/**
 * A slot's head is its newest posting + 1; 0 is a slot never used (probing stops here; new
 * typed arrays are zeroed, so a grown table needs no filling), and `dead` a slot whose postings
 * were all removed (probing goes on past it; its own hash may take it again).
 */
const empty = 0;
const dead = -1;
/** Postings per page of the arena (each page holds file, print and next of each: 768 KB). */
const pageBits = 16;
const pageMask = (1 << pageBits) - 1;
const maxLoad = 0.75;
/** Int32s per slot: the hash (its bits as an int32), the head, the count. */
const stride = 3;
/** The load a rehash leaves: room for a third more hashes before the next. */
const rehashLoad = 0.55;

/**
 * The load at which the next table is made, its memory pages touched a few per add until the
 * growth takes it. A fresh page costs ≈ 13–18 µs on its first write on the bench machine (a VM),
 * and a grown table's first adds land on fresh pages at random: one file's 500 prints met ≈ 800
 * of them, 12–14 ms of the server's thread in one piece, the longest waits of a request during the
 * 10k scan. Touched ahead, at one page per `touchEvery` adds, they are spread over the adds before it.
 */
const prepareLoad = 0.6;
/** Int32s per 4 KB memory page. */
const pageInts = 1024;

/** Old slots moved to a grown table per call: a table grows without holding the thread (≈ 190 ms for 2.6 M prints at once). */
const moveStep = 16;

/**
 * The mixed hash scaled to the table (its high bits), not taken modulo: a slot grows with the mixed
 * hash, so a growth that moves the old slots in order writes the new table in order too (moving
 * slots in a random order was half of the inserts' time over the 10k bench's first scan).
 */
const slotOf = (hash: number, capacity: number): number => Math.floor(((Math.imul(hash, 0x9e3779b1) >>> 0) / 4294967296) * capacity);

export class PostingTable {
	/** Per slot, side by side: hash, head, and postings (a common print is known as such without walking its chain). */
	#slots: Int32Array;
	/** Slots in `#slots`. */
	#capacity: number;
	/** Slots not `empty` (live or dead): what the load factor counts. */
	#used = 0;
	#live = 0;
	/** Pages of postings: file, print and next posting (-1 at the chain's end) of each, side by side. */
	readonly #pages: Int32Array[] = [];
	/** Postings handed out so far (the arena's high-water mark) and the chain of freed ones. */
	#top = 0;
	#freed = -1;
	/** The table being emptied into the grown one, slot `#moved` onwards (undefined when none). */
	#old: Int32Array | undefined;
	#moved = 0;
	/** Slots moved so far (growths and their moves): a scan in steps is stale when this changed. */
	#moves = 0;
	/** The next table, made before the growth that takes it (`prepareLoad`); its first `#touched` int32s' pages touched. */
	#next: Int32Array | undefined;
	#touched = 0;
	/** Adds between two pages touched, and adds until the next. */
	#touchEvery = 1;
	#untilTouch = 0;

	constructor(capacity = 1024) {
		this.#slots = new Int32Array(stride * capacity);
		this.#capacity = capacity;
	}

	/** Distinct hashes held. */
	get size(): number { return this.#live; }

	/** The slot holding `hash`'s postings, or -1: then `headAt` and `countAt` without probing again. */
	slotOf(hash: number): number { return this.#find(hash); }
	headAt(slot: number): number { return this.#slots[stride * slot + 1] - 1; }
	countAt(slot: number): number { return this.#slots[stride * slot + 2]; }

	/** The newest posting of `hash`, or -1 (then `next` until -1). */
	head(hash: number): number {
		const slot = this.#find(hash);
		return slot < 0 ? -1 : this.#slots[stride * slot + 1] - 1;
	}

	/** How many postings `hash` has. */
	count(hash: number): number {
		const slot = this.#find(hash);
		return slot < 0 ? 0 : this.#slots[stride * slot + 2];
	}

	/** Slots moved so far: hashes change slots only when this changes. */
	get moves(): number { return this.#moves; }

	/** Slots `scanSlots` walks: the table's, then a growth's old table (a hash is live in one of them). */
	get slotSpan(): number { return this.#capacity + (this.#old ? this.#old.length / stride : 0); }

	/** Calls `visit` with the count and newest posting of each live hash in scan slots [from, to). */
	scanSlots(from: number, to: number, visit: (count: number, head: number) => void): void {
		const slots = this.#slots, capacity = this.#capacity;
		for (let i = from; i < Math.min(to, capacity); i++) {
			const at = stride * i;
			if (slots[at + 1] > 0) { visit(slots[at + 2], slots[at + 1] - 1); }
		}
		const old = this.#old;
		if (!old) { return; }
		for (let i = Math.max(from, capacity); i < to; i++) {
			const at = stride * (i - capacity);
			if (at < old.length && old[at + 1] > 0) { visit(old[at + 2], old[at + 1] - 1); }
		}
	}

	next(posting: number): number { return this.#pages[posting >>> pageBits][3 * (posting & pageMask) + 2]; }
	file(posting: number): number { return this.#pages[posting >>> pageBits][3 * (posting & pageMask)]; }
	print(posting: number): number { return this.#pages[posting >>> pageBits][3 * (posting & pageMask) + 1]; }

	add(hash: number, file: number, print: number): void {
		if (this.#used + 1 > maxLoad * this.#capacity) { this.#grow(); } else if (this.#used >= prepareLoad * this.#capacity && !this.#old) { this.#prepare(); }
		// After the growth: the hash must be in the table the posting goes to, never in both.
		this.#moveSome(hash);
		const posting = this.#newPosting();
		const page = this.#pages[posting >>> pageBits], at = 3 * (posting & pageMask);
		page[at] = file;
		page[at + 1] = print;
		const slots = this.#slots, capacity = this.#capacity, key = hash | 0;
		for (let s = slotOf(hash, capacity); ; s = s + 1 === capacity ? 0 : s + 1) {
			const k = stride * s, head = slots[k + 1];
			if (head === empty) { this.#used++; slots[k] = key; } else if (slots[k] !== key) { continue; }
			// A hash has one slot at most (dead slots are reused by their own hash only, dropped on rehash).
			page[at + 2] = head > 0 ? head - 1 : -1;
			if (head <= 0) { this.#live++; slots[k + 2] = 0; }
			slots[k + 1] = posting + 1;
			slots[k + 2]++;
			return;
		}
	}

	/**
	 * Removes the postings of `file` under `hash` (at most `count`, the newest first), keeping the
	 * others in their order. With the count the file holds, the walk ends at its last posting: a
	 * file indexed last (an open document indexed again) is at the chains' heads.
	 */
	removeFile(hash: number, file: number, count = Infinity): void {
		this.#moveSome(hash);
		const slot = this.#find(hash);
		if (slot < 0) { return; }
		const pages = this.#pages, slots = this.#slots, k = stride * slot;
		let prev = -1;
		let left = count;
		for (let p = slots[k + 1] - 1; p >= 0 && left > 0;) {
			const page = pages[p >>> pageBits], at = 3 * (p & pageMask);
			const next = page[at + 2];
			if (page[at] === file) {
				if (prev < 0) { slots[k + 1] = next + 1; } else { pages[prev >>> pageBits][3 * (prev & pageMask) + 2] = next; }
				page[at + 2] = this.#freed;
				this.#freed = p;
				slots[k + 2]--;
				left--;
			} else {
				prev = p;
			}
			p = next;
		}
		if (slots[k + 1] === empty) { slots[k + 1] = dead; this.#live--; }
	}

	/** The slot holding live postings of `hash`, or -1. */
	#find(hash: number): number {
		if (this.#old) { this.#moveSome(hash); }
		const slots = this.#slots, capacity = this.#capacity, key = hash | 0;
		for (let s = slotOf(hash, capacity); ; s = s + 1 === capacity ? 0 : s + 1) {
			const head = slots[stride * s + 1];
			if (head === empty) { return -1; }
			if (slots[stride * s] === key) { return head > 0 ? s : -1; }
		}
	}

	#newPosting(): number {
		if (this.#freed >= 0) {
			const p = this.#freed;
			this.#freed = this.next(p);
			return p;
		}
		if (this.#top >>> pageBits === this.#pages.length) { this.#pages.push(new Int32Array(3 << pageBits)); }
		return this.#top++;
	}

	/** Moves `hash` (so that it has one slot, in the grown table) and the next old slots. */
	#moveSome(hash: number): void {
		const old = this.#old;
		if (!old) { return; }
		this.#moveHash(hash);
		const oldCapacity = old.length / stride;
		const end = Math.min(oldCapacity, this.#moved + moveStep);
		for (; this.#moved < end; this.#moved++) { this.#moveSlot(this.#moved); }
		if (this.#moved === oldCapacity) { this.#old = undefined; }
	}

	#moveHash(hash: number): void {
		const old = this.#old!, capacity = old.length / stride, key = hash | 0;
		for (let s = slotOf(hash, capacity); ; s = s + 1 === capacity ? 0 : s + 1) {
			if (old[stride * s + 1] === empty) { return; }
			if (old[stride * s] === key) { this.#moveSlot(s); return; }
		}
	}

	/** Moves one old slot's live chain into the grown table; the old slot is left dead. */
	#moveSlot(i: number): void {
		const old = this.#old!, o = stride * i;
		if (old[o + 1] <= 0) { return; }
		const slots = this.#slots, capacity = this.#capacity;
		let s = slotOf(old[o], capacity);
		while (slots[stride * s + 1] !== empty) { s = s + 1 === capacity ? 0 : s + 1; }
		const k = stride * s;
		slots[k] = old[o];
		slots[k + 1] = old[o + 1];
		slots[k + 2] = old[o + 2];
		this.#used++;
		this.#moves++;
		old[o + 1] = dead;
	}

	/**
	 * A table sized for the live hashes at `rehashLoad`; the old one is emptied into it a few slots
	 * per call (dead slots dropped, chains move as they are). A growth still under way is finished first.
	 */
	#grow(): void {
		if (this.#old) {
			for (const end = this.#old.length / stride; this.#moved < end; this.#moved++) { this.#moveSlot(this.#moved); }
		}
		const needed = Math.max(1024, Math.ceil((this.#live + 1) / rehashLoad));
		const next = this.#next;
		// The table made ahead, unless removals since left it too small or far too large.
		const slots = next && next.length >= stride * needed && next.length <= 2 * stride * needed ? next : new Int32Array(stride * needed);
		this.#next = undefined;
		this.#old = this.#slots;
		this.#moved = 0;
		this.#moves++;
		this.#slots = slots;
		this.#capacity = slots.length / stride;
		this.#used = 0;
	}

	/**
	 * Makes the next table (sized for every add until the growth bringing a new hash) and touches
	 * its pages, one per `#touchEvery` adds: all of them by halfway to the growth, when each add
	 * brings a new hash (an add to a known hash moves the touching on, not the growth).
	 */
	#prepare(): void {
		if (!this.#next) {
			const adds = Math.ceil((maxLoad - prepareLoad) * this.#capacity);
			this.#next = new Int32Array(stride * Math.max(1024, Math.ceil((this.#live + adds + 1) / rehashLoad)));
			this.#touched = 0;
			this.#touchEvery = Math.max(1, Math.floor(adds / 2 / Math.ceil(this.#next.length / pageInts)));
			this.#untilTouch = 0;
		}
		if (this.#touched >= this.#next.length || --this.#untilTouch > 0) { return; }
		this.#untilTouch = this.#touchEvery;
		this.#next[this.#touched] = 0;
		this.#touched += pageInts;
	}

	/** Slots of the table made ahead of the next growth (0: none). */
	get spare(): number { return this.#next ? this.#next.length / stride : 0; }

	/** Drops the table made ahead of a growth (the corpus stopped growing: a scan ended); the next growth makes its own. */
	releaseSpare(): void { this.#next = undefined; }
}
