/**
 * A multi-pattern matcher over UTF-16 units: every occurrence of every known name in one pass
 * (a plain trie walked from each position; names are short, so this stays linear in practice
 * and ran at tens of MB/s where library automata were far slower on long strings).
 */
interface Node {
	next?: Map<number, Node>;
	/** Set when a name ends here. */
	value?: number;
}

export interface TrieMatch { readonly start: number; readonly end: number; readonly value: number }

export class Trie {
	readonly #root: Node = {};
	#size = 0;
	/** Units that start a name: most text positions are rejected with one array read. */
	readonly #starts = new Uint8Array(65536);

	get size(): number { return this.#size; }

	add(name: string, value: number): void {
		if (name.length === 0) { return; }
		this.#starts[name.charCodeAt(0)] = 1;
		let node = this.#root;
		for (let i = 0; i < name.length; i++) {
			const c = name.charCodeAt(i);
			node.next ??= new Map();
			let child = node.next.get(c);
			if (!child) { child = {}; node.next.set(c, child); }
			node = child;
		}
		if (node.value === undefined) { this.#size++; }
		node.value = value;
	}

	/** Every match (nested and overlapping ones too) in `text[from, to)`. */
	*matches(text: string, from = 0, to = text.length): Generator<TrieMatch> {
		const root = this.#root.next;
		if (!root) { return; }
		const starts = this.#starts;
		for (let i = from; i < to; i++) {
			const c = text.charCodeAt(i);
			if (starts[c] === 0) { continue; }
			let node = root.get(c);
			for (let j = i + 1; node; j++) {
				if (node.value !== undefined) { yield { start: i, end: j, value: node.value }; }
				if (j >= to || !node.next) { break; }
				node = node.next.get(text.charCodeAt(j));
			}
		}
	}
}
