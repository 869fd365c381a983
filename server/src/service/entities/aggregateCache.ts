/** What hover shows of an entity that reads all its files: computed on first ask, kept until the index changes. */
export interface Aggregates { roles?: string[]; variants?: string[]; spelling?: string }

/** Each entity's aggregates, valid for one version of the index (any write bumps it). */
export class AggregateCache {
	readonly #byEntity = new Map<number, Aggregates & { version: number }>();

	/** The entity's record at `version`: what was computed since the index last changed, else an empty one. */
	of(id: number, version: number): Aggregates {
		let a = this.#byEntity.get(id);
		if (a?.version !== version) {
			a = { version };
			this.#byEntity.set(id, a);
		}
		return a;
	}
}
