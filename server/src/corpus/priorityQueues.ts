/**
 * First-in first-out queues, one per priority (lower runs first): the pool's waiting jobs and
 * its results not yet handed over. A queue is an array read from a head index, so taking the
 * next item costs no shift of the array; the array is compacted once emptied, or once its read
 * part is large and more than half of it.
 */
export class PriorityQueues<T> {
	readonly #items: T[][];
	readonly #heads: number[];

	constructor(readonly priorities: number) {
		this.#items = Array.from({ length: priorities }, () => []);
		this.#heads = new Array<number>(priorities).fill(0);
	}

	get size(): number {
		let n = 0;
		for (let p = 0; p < this.priorities; p++) { n += this.#items[p].length - this.#heads[p]; }
		return n;
	}

	push(priority: number, item: T): void { this.#items[priority].push(item); }

	/** Whether an item of a priority more urgent than `below` waits. */
	has(below: number): boolean {
		for (let p = 0; p < below; p++) { if (this.#heads[p] < this.#items[p].length) { return true; } }
		return false;
	}

	/** The first item of the most urgent priority below `below` (all by default), removed. */
	shift(below = this.priorities): T | undefined {
		for (let p = 0; p < below; p++) {
			const q = this.#items[p];
			const head = this.#heads[p];
			if (head < q.length) {
				const item = q[head];
				this.#heads[p] = head + 1;
				if (head + 1 === q.length || (head + 1 > 1024 && (head + 1) * 2 > q.length)) { q.splice(0, head + 1); this.#heads[p] = 0; }
				return item;
			}
		}
		return undefined;
	}

	/** Every waiting item, most urgent first; the queues are left empty. */
	drain(): T[] {
		const all: T[] = [];
		for (let p = 0; p < this.priorities; p++) {
			for (let i = this.#heads[p]; i < this.#items[p].length; i++) { all.push(this.#items[p][i]); }
			this.#items[p].length = 0;
			this.#heads[p] = 0;
		}
		return all;
	}
}
