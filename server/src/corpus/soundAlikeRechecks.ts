/**
 * entity.variant changes only where a person gained or lost a sound-alike: after names change,
 * those files are checked again. The people are compared in slices (drive.ts); names that change
 * meanwhile are compared once more after.
 */
import type { LanguageService } from '../service';
import { drive } from './drive';

export class SoundAlikeRechecks {
	/** People with sound-alikes when names last changed (id → the others' ids). */
	#alikes = new Map<number, string>();
	#busy = false;
	#again = false;

	constructor(
		private readonly service: LanguageService,
		/** Checks these closed files again, and the open documents. */
		private readonly recheck: (closed: Iterable<string>) => void,
		private readonly statusChanged: () => void,
	) {}

	/** Being compared: re-checks may follow. */
	get busy(): boolean { return this.#busy; }

	async namesChanged(): Promise<void> {
		if (this.#busy) { this.#again = true; return; }
		this.#busy = true;
		try {
			do {
				this.#again = false;
				const now = await drive(this.service.soundAlikeMapInSteps());
				const changed = new Set<number>();
				for (const [id, others] of now) { if (this.#alikes.get(id) !== others) { changed.add(id); } }
				for (const id of this.#alikes.keys()) { if (!now.has(id)) { changed.add(id); } }
				this.#alikes = now;
				if (changed.size > 0) { this.recheck(this.service.filesMentioning(changed)); }
			} while (this.#again);
		} finally {
			this.#busy = false;
			this.statusChanged();
		}
	}
}
