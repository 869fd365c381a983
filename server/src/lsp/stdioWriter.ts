/**
 * The stdio transport's JSON encoder (`--stdio`: Neovim, Helix, the latency bench's client): the
 * bytes of the library's (`Buffer.from(JSON.stringify(message))`) without the two large copies it
 * makes per message. JSON.stringify returns a large text as a chain of parts, which encoding it
 * first copies whole (≈ 0.8 MB for a 1 MB document's 1,000 diagnostics, per keystroke), and the
 * encoding goes to a new buffer: both fresh memory, touched page by page (≈ 4.6 ms of the
 * server's ≈ 17 ms of CPU per keystroke on the bench machine, profiled). Here the message's outer
 * objects and arrays are written piece by piece — diagnostics stringified sixteen at a time, short
 * texts — into one buffer the encoder keeps (1,000 diagnostics: ≈ 1.0 ms against ≈ 2.8 ms).
 */
import { Buffer } from 'node:buffer';
import type { ContentTypeEncoder, Location, Message } from 'vscode-languageserver/node';

/**
 * The kept buffer's largest size: a larger message (a workspace's diagnostics pulled at once) is
 * encoded into a buffer of its own, and none that large stays held.
 */
export const maxKeptBytes = 8 * 2 ** 20;
/** Levels of plain objects and arrays written piece by piece (message, params, diagnostics); below them, JSON.stringify. */
const splitDepth = 3;
/** Elements of an array stringified together: a short text each (a few thousand units of diagnostics). */
const arrayRun = 16;

/**
 * Arrays of locations each made as `{ uri, range: { start: { line, character }, end: { line,
 * character } } }` with integer positions, and not changed since (`locationArray`). References of
 * a name in thousands of files are a megabyte of them: written from a template, with each file's
 * URI stringified once, they take ≈ 1.9 ms against ≈ 6 ms taken apart and ≈ 4.6 ms stringified
 * whole (bench/references.ts).
 */
const locationArrays = new WeakSet<readonly Location[]>();

/** Marks `locations` as made in the shape above and never changed afterwards: the encoder writes it from a template. */
export function locationArray<T extends readonly Location[]>(locations: T): T {
	locationArrays.add(locations);
	return locations;
}

/** Locations written together, in one piece: a few thousand units. */
const locationRun = 64;

/** Appends the pieces of `JSON.stringify(locations)` for an array made as `locationArray` says. */
function locationPieces(locations: readonly Location[], out: string[]): void {
	out.push('[');
	let uri: string | undefined, uriJson = '', run = '';
	for (let i = 0; i < locations.length; i++) {
		const { uri: u, range: { start, end } } = locations[i];
		if (u !== uri) { uri = u; uriJson = JSON.stringify(u); }
		run += `${i > 0 ? ',' : ''}{"uri":${uriJson},"range":{"start":{"line":${start.line},"character":${start.character}},"end":{"line":${end.line},"character":${end.character}}}}`;
		if (i % locationRun === locationRun - 1) { out.push(run); run = ''; }
	}
	out.push(run, ']');
}

/** Thrown by `jsonPieces` for a value with `toJSON`: JSON.stringify passes it the value's key, and the message is stringified whole. */
const hasToJson = new Error('toJSON');

/** Whether JSON.stringify would call the value's `toJSON` (with its key). */
const withToJson = (v: unknown) => (typeof v === 'object' || typeof v === 'function' || typeof v === 'bigint') && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';

/**
 * Appends to `out` the pieces whose concatenation is `JSON.stringify(value)`; false (nothing
 * appended) when that would be undefined. Plain objects and arrays are taken apart as
 * JSON.stringify walks them (own enumerable keys in order; a value it leaves out is skipped in an
 * object and `null` in an array) down to `depth` levels; anything else is one piece from
 * JSON.stringify itself. Throws `hasToJson` for a value with `toJSON`.
 */
export function jsonPieces(value: unknown, out: string[], depth = splitDepth): boolean {
	if (withToJson(value)) { throw hasToJson; }
	if (locationArrays.has(value as readonly Location[])) { locationPieces(value as readonly Location[], out); return true; }
	if (depth === 0 || typeof value !== 'object' || value === null
		|| !(Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
		const json = JSON.stringify(value);
		if (json === undefined) { return false; }
		out.push(json);
		return true;
	}
	// An array of numbers or strings (semantic tokens' data: hundreds of thousands of numbers) is
	// one piece: runs of sixteen short numbers cost more than the copy they save.
	if (Array.isArray(value) && value.length > 0 && (value[0] === null || typeof value[0] !== 'object')) {
		out.push(JSON.stringify(value));
		return true;
	}
	if (Array.isArray(value)) {
		out.push('[');
		for (let i = 0; i < value.length; i += arrayRun) {
			if (i > 0) { out.push(','); }
			const run = value.slice(i, i + arrayRun);
			// A run is stringified at once, without its brackets: JSON.stringify writes an array's
			// elements as it would write them one by one, but for toJSON (passed the index, here the
			// index in the run): then the message is stringified whole.
			if (run.some(withToJson)) { throw hasToJson; }
			out.push(JSON.stringify(run).slice(1, -1));
		}
		out.push(']');
		return true;
	}
	out.push('{');
	let first = true;
	for (const key of Object.keys(value)) {
		const at = out.length;
		out.push(first ? '' : ',', JSON.stringify(key), ':');
		if (jsonPieces((value as Record<string, unknown>)[key], out, depth - 1)) { first = false; } else { out.length = at; }
	}
	out.push('}');
	return true;
}

/** `JSON.stringify(msg)` in pieces (`jsonPieces`), or whole when a value in it has `toJSON`. */
function piecesOf(msg: Message): string[] {
	const pieces: string[] = [];
	try {
		if (!jsonPieces(msg, pieces)) { throw new TypeError('a message with no JSON'); }
		return pieces;
	} catch (e) {
		if (e !== hasToJson) { throw e; }
		return [JSON.stringify(msg, undefined, 0)];
	}
}

/**
 * A JSON encoder for one `StreamMessageWriter`. The writer encodes a message only once the last
 * one is written (its write lock is held until the stream's callback), so the kept buffer is free
 * again when the next message is encoded: an encoder must not be shared between writers.
 */
export function reusingJsonEncoder(): ContentTypeEncoder {
	let kept: Buffer | undefined;
	return {
		name: 'application/json',
		encode: (msg: Message) => {
			try {
				const pieces = piecesOf(msg);
				let units = 0;
				for (const p of pieces) { units += p.length; }
				// At most 3 bytes of UTF-8 per UTF-16 unit (JSON.stringify escapes lone surrogates).
				const most = units * 3;
				if (most > maxKeptBytes) { return Promise.resolve(Buffer.from(pieces.join(''), 'utf-8')); }
				if (!kept || kept.length < most) { kept = Buffer.allocUnsafeSlow(Math.min(maxKeptBytes, Math.max(most, 2 * (kept?.length ?? 0), 64 * 1024))); }
				let length = 0;
				for (const p of pieces) { length += kept.write(p, length, 'utf-8'); }
				return Promise.resolve(kept.subarray(0, length));
			} catch (e) {
				return Promise.reject(e);
			}
		},
	};
}
