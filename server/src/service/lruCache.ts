import type { LineCache } from './types';

/**
 * A size-bounded cache that forgets the least recently set entries. Map keeps insertion
 * order, so deleting and re-setting an entry moves it to the end.
 */
export class LruCache<T> implements LineCache<T> {
	readonly #map = new Map<string, T>();

	constructor(readonly capacity: number) { }

	get(key: string): T | undefined {
		return this.#map.get(key);
	}

	set(key: string, value: T): void {
		this.#map.delete(key);
		this.#map.set(key, value);
		if (this.#map.size > this.capacity) {
			this.#map.delete(this.#map.keys().next().value as string);
		}
	}

	get size(): number { return this.#map.size; }
}
