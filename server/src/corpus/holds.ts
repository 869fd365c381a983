/**
 * What holds the pool's work back, and why: one list (workerPool.ts reads it before it gives a
 * worker a job, and before it ends an idle one). Three reasons today, each holding its own kind of work:
 *
 * - `clean`: a Clean Workspace runs (cleanWorkspace.ts, cleanBatch.ts). No shared background job
 *   starts (tagging): the files it rewrites are tagged again once written, and a 200 MB file's
 *   tagging beside the clean's parts passed 1 GB. Held from `hold('clean')` to its release.
 * - `typing`: the user types in a large open document (typingGate.ts). No job that yields starts
 *   (the scan's, the background's, open documents' indexing), and a worker running only such jobs
 *   sleeps between their parts. Held while the gate is closed: it opens by itself once the user
 *   pauses, and for a slice now and then while typing goes on.
 * - `scan`: the first scan runs (corpusIndexer.ts). No idle worker is ended or replaced: a worker
 *   waits a second for its next batch whenever the server's thread is slow to give it one (on a
 *   busy machine, or while the print index is laid out between indexing and checking), and a
 *   fresh worker in its place costs 1–3 s of CPU (its tables, jieba, V8 compiling the rules again).
 */

/** Why work is held. */
export type HoldReason = 'clean' | 'typing' | 'scan';

/** What a hold keeps from starting: shared background jobs, every job that yields, or ending and replacing idle workers. */
export type HeldWork = 'background' | 'yielding' | 'retirement';

interface Hold {
	readonly reason: HoldReason;
	readonly held: HeldWork;
	/** Whether it holds now (a hold that opens and closes by itself: the typing gate). */
	readonly active: () => boolean;
}

export class Holds {
	readonly #holds: Hold[] = [];

	/**
	 * Holds `held` work while `active` says so (always, by default) until the function returned is
	 * called: it says whether it released the hold (false when called again).
	 */
	add(reason: HoldReason, held: HeldWork, active: () => boolean = () => true): () => boolean {
		const hold: Hold = { reason, held, active };
		this.#holds.push(hold);
		return () => {
			const at = this.#holds.indexOf(hold);
			if (at < 0) { return false; }
			this.#holds.splice(at, 1);
			return true;
		};
	}

	/** Whether this kind of work is held now. */
	holds(held: HeldWork): boolean {
		for (const h of this.#holds) { if (h.held === held && h.active()) { return true; } }
		return false;
	}

	/** Why work is held now, one reason per hold. */
	reasons(): HoldReason[] {
		return this.#holds.filter((h) => h.active()).map((h) => h.reason);
	}
}
