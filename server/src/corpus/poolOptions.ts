/** What callers give the corpus workers' pool (workerPool.ts): priorities, job options, how it keeps its workers. */

/** Lower runs first. */
export const enum Priority {
	/** The editor waits for the answer (the light bulb's fix, symbols and folding, a gazetteer at startup). */
	Interactive = 0,
	/** Open documents' checks and indexing, and files changed on disk. */
	Open = 1,
	/** The first scan and re-checks of closed files. */
	Scan = 2,
	/** Tagging names in closed files. */
	Background = 3,
}
export const priorities = 4;

export interface RunOptions {
	/** Always on the worker this key picks: an open document keeps its previous version and warm caches there. */
	readonly pin?: string;
	/** On the worker after the pinned one: long work about the document (tagging it) never delays its checks. */
	readonly away?: boolean;
	/** Asked when the job's turn comes: if false, it is dropped (rejected with `Superseded`). */
	readonly wanted?: () => boolean;
	/**
	 * Not on the worker that runs the background jobs (`backgroundOnFirst`), when the pool has
	 * another: a clean's parts of a large file, whose allocations would share a heap with that
	 * file's tagging (peak over 1.2 GB in the 200 MB clean when they did).
	 */
	readonly apart?: boolean;
	/** A check of a version the user just typed: the work that yields waits until the user pauses (typingGate.ts). */
	readonly typed?: boolean;
	/**
	 * Waits while the user types, and sleeps between its parts (an open document's indexing); jobs
	 * of the scan and background priorities always yield.
	 */
	readonly yields?: boolean;
}

/** The worker that `RunOptions.pin`'s key goes to, of `workers` (FNV-1a of the key: the same key, the same worker). */
export function pinIndex(key: string, workers: number): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) { h = Math.imul(h ^ key.charCodeAt(i), 16777619); }
	return (h >>> 0) % workers;
}

/** A job dropped before it ran: a newer one replaced it (an open document's check of a version since edited). */
export class Superseded extends Error {
	constructor() { super('superseded by newer work'); }
}

/** How the server's pool keeps its workers' memory down; the command line's keeps its workers as they are (its workers are the work). */
export interface WorkerLifecycle {
	/** An idle worker holding more than this (MB, after a collection) is replaced by a fresh one. */
	readonly recycleAboveMb: number;
	/**
	 * Background jobs (tagging, the re-checks for names) run on the first worker only, and another
	 * worker that goes idle is ended, and started again when other work comes: the background
	 * work after a first scan takes minutes, and a worker costs 170–250 MB.
	 */
	readonly backgroundOnFirst?: boolean;
}
