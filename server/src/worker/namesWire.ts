/**
 * Names rows as they cross to the corpus workers: JSON arrays in strings, not row objects.
 * Posting 60,000 row objects (each with its keys' array) to a fresh worker cloned them on the
 * server's thread in one piece: 200 ms in the profile of the 10k scan, when the workers were
 * renewed after tagging. A string is copied, not walked; the worker parses it on its own thread.
 * The pool keeps every batch sent since the last reset, merged as they pile up (`NameRowLog`).
 */
import type { NameRow } from '../service/entities/entityTable';
import type { Control } from './protocol';

/** A names control on its way to a worker: the rows as JSON arrays, in the order they were sent. */
export interface NamesOnTheWire { readonly kind: 'names'; readonly reset: boolean; readonly json: readonly string[] }
export type ControlOnTheWire = Exclude<Control, { kind: 'names' }> | NamesOnTheWire;

/** The control a worker's runner takes. */
export function fromWire(c: ControlOnTheWire): Control {
	if (c.kind !== 'names') { return c; }
	const rows: NameRow[] = [];
	for (const json of c.json) { for (const row of JSON.parse(json) as NameRow[]) { rows.push(row); } }
	return { kind: 'names', reset: c.reset, rows };
}

/**
 * Every batch of rows sent since the last reset, in order. A batch joins the one before it while
 * it is at least half its size, so the log holds a few dozen strings, however many batches
 * (one per tagged file) came, and each row is copied a few times in all.
 */
export class NameRowLog {
	#batches: string[] = [];

	/** Records a names control sent to the workers, and gives it as it goes on the wire. */
	record(c: Extract<Control, { kind: 'names' }>): NamesOnTheWire {
		const json = JSON.stringify(c.rows);
		this.#add(json, c.reset);
		return { kind: 'names', reset: c.reset, json: [json] };
	}

	/** Every row since the last reset, for a worker that starts now. */
	replay(): NamesOnTheWire { return { kind: 'names', reset: true, json: this.#batches }; }

	#add(json: string, reset: boolean): void {
		if (reset) { this.#batches = []; }
		const b = this.#batches;
		b.push(json);
		while (b.length >= 2 && 2 * b[b.length - 1].length >= b[b.length - 2].length) {
			const last = b.pop()!, before = b.pop()!;
			b.push(join(before, last));
		}
	}
}

/** Two JSON arrays as one. */
function join(a: string, b: string): string {
	if (a === '[]') { return b; }
	if (b === '[]') { return a; }
	return `${a.slice(0, -1)},${b.slice(1)}`;
}
