/**
 * Names rows as they cross to the corpus workers: JSON arrays in strings, not row objects.
 * Posting 60,000 row objects (each with its keys' array) to a fresh worker cloned them on the
 * server's thread in one piece: 200 ms in the profile of the 10k scan, when the workers were
 * renewed after tagging. A string is copied, not walked; the worker parses it on its own thread.
 * The pool keeps every batch sent since the last reset (`NameRowLog`).
 */
import type { NameRow } from '../service/entities/entityTable';
import type { Control } from './protocol';
import { nextTurn, sliceUsed } from '../corpus/drive';

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
 * Every batch of rows sent since the last reset, in order, each the string that was sent. Kept
 * apart, not merged: joining two JSON arrays sliced them, which flattened the log's merged
 * strings (up to 5 M characters, 71 ms in one piece in the 10k scan's profile at load 11), and
 * a merged string posted to a fresh worker was flattened again then. Ten thousand small strings
 * cost a worker's bringing up to date little more than their copy.
 */
export class NameRowLog {
	#batches: string[] = [];

	/** Records a names control sent to the workers, and gives it as it goes on the wire. */
	record(c: Extract<Control, { kind: 'names' }>): NamesOnTheWire {
		const json = JSON.stringify(c.rows);
		if (c.reset) { this.#batches = []; }
		if (c.rows.length > 0) { this.#batches.push(json); }
		return { kind: 'names', reset: c.reset, json: [json] };
	}

	/** Every row since the last reset, for a worker that starts now. */
	replay(): NamesOnTheWire { return { kind: 'names', reset: true, json: this.#batches }; }

	/**
	 * Every row since the last reset, posted to a worker that starts now in messages of a bounded
	 * size, in slices of the server's thread (drive.ts): posting 60,000 rows at once (their copy)
	 * took 15–30 ms per fresh worker, and so did one message of 1,024 batches (0.7–1.1 M
	 * characters: 5–26 ms each in the 10k scan). Batches recorded meanwhile are posted too, in
	 * order (the pool sends them to no worker being brought up to date); after a reset, from the
	 * start again. Calls `posted` in the step that posts the last batch (no batch can be recorded
	 * between), or stops when `wanted` says the worker is gone.
	 */
	async replayInSteps(post: (c: NamesOnTheWire) => void, posted: () => void, wanted: () => boolean): Promise<void> {
		let batches: string[] | undefined, at = 0;
		for (;;) {
			if (batches !== this.#batches) { batches = this.#batches; at = 0; }
			const json = messageAt(batches, at);
			post({ kind: 'names', reset: at === 0, json });
			at += json.length;
			if (at >= batches.length) { posted(); return; }
			if (sliceUsed()) { await nextTurn(); }
			if (!wanted()) { return; }
		}
	}
}

/**
 * Characters of JSON per message to a worker being brought up to date: a message is copied on
 * the server's thread (two bytes a character for names), ≈ 1–3 ms for this many.
 */
export const charsPerMessage = 1 << 17;

/** The batches from `at` that fill one message: up to `charsPerMessage` characters, one batch at least. */
export function messageAt(batches: readonly string[], at: number): string[] {
	let end = at + 1, chars = batches[at]?.length ?? 0;
	while (end < batches.length && chars + batches[end].length <= charsPerMessage) { chars += batches[end++].length; }
	return batches.slice(at, end);
}
