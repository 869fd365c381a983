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

/** A cache's own policy; without one it follows `configureLineCaches`. */
export interface CachePolicy { readonly scale: number; readonly maxKeyLength: number }

/**
 * A size-bounded cache that forgets the least recently set entries. Map keeps insertion
 * order, so deleting and re-setting an entry moves it to the end.
 */
export class LruCache<T> implements LineCache<T> {
	readonly #map = new Map<string, T>();

	constructor(readonly capacity: number, private readonly policy: CachePolicy = limits) { }

	get(key: string): T | undefined {
		// A key too long to be kept is not looked up: hashing it would cost as much as the work saved.
		return key.length > this.policy.maxKeyLength ? undefined : this.#map.get(key);
	}

	set(key: string, value: T): void {
		if (key.length > this.policy.maxKeyLength) { return; }
		this.#map.delete(key);
		this.#map.set(key, value);
		const scale = this.policy.scale;
		if (this.#map.size > (scale === 1 ? this.capacity : Math.max(16, Math.ceil(this.capacity * scale)))) {
			this.#map.delete(this.#map.keys().next().value as string);
		}
	}

	get size(): number { return this.#map.size; }
}
