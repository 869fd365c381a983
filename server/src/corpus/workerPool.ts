/**
 * The corpus workers: one worker thread per core (dist/worker.js) runs the per-file jobs, so the
 * server's own thread only answers the editor and merges results. Every job waits in one
 * priority order (a request the editor waits for, then the open documents' checks and indexing,
 * then the corpus scan, then background tagging), first come first served within a priority;
 * a job pinned to one worker (an open document's, whose previous version and caches live there)
 * waits in that worker's own list, taken before the shared queue's jobs of its priority and
 * below. A job that is no longer wanted when its turn comes (a newer version was typed, the file
 * was opened or closed) is dropped, not run. Each worker holds a few jobs at once (two for the
 * server, more for the command line) so that reading the next file overlaps checking the current
 * one. A worker that dies is replaced and told the state it had (init and names); its jobs fail
 * and the caller retries. A worker idle for a second collects its garbage and says what it still
 * holds; one that holds more than `recycleAboveMb` (the heap and WebAssembly memory a large file
 * or a corpus's tagging grew it to, which V8 and jieba never give back) and keeps no open
 * document's state is replaced by a fresh one. In the server, background jobs (tagging, the
 * re-checks for names found) run on the first worker only, and another worker that goes idle is
 * ended until other work comes (a worker costs 170–250 MB; the background work after a first scan
 * takes minutes); none is ended or replaced during the first scan (holds.ts). While the user types
 * in a large open document, the work that yields waits (typingGate.ts). Results are handed to their
 * callers in the server thread's shared slices (drive.ts), the most urgent first. Without worker
 * threads (or when the bundle is missing) the same jobs run on this thread.
 */
import { existsSync } from 'node:fs';
import type { Control, IdleReport, Job, JobResult } from '../worker/protocol';
import type { JobRunner } from '../worker/jobs';
import { fromWire, NameRowLog } from '../worker/namesWire';
import { sliceUsed } from './drive';
import { PriorityQueues } from './priorityQueues';
import { pinIndex, Priority, priorities, RunOptions, Superseded, WorkerLifecycle } from './poolOptions';
import { newSlot, nextJob, type Pending, type Slot, type SlotEvents } from './workerSlot';
import { maySleep, setPauseFlag, TypingGate, type TypingPolicy } from './typingGate';
import { type HoldReason, Holds } from './holds';

export { Priority, Superseded };
export type { RunOptions, TypingPolicy, WorkerLifecycle };

export class WorkerPool {
	readonly #queue = new PriorityQueues<Pending>(priorities);
	readonly #slots: Slot[] = [];
	/** Workers' results not yet handed to their callers, by priority (see `#handOver`). */
	readonly #results = new PriorityQueues<{ readonly pending: Pending; readonly error?: string; readonly result?: unknown }>(priorities);
	#nextId = 1;
	#init: Control | undefined;
	/** Every names row sent since the last reset, to bring a replacement worker up to date (as JSON: namesWire.ts). */
	readonly #names = new NameRowLog();
	#disposed = false;
	#local: JobRunner | undefined;
	#localBusy = 0;
	/** What holds work back and why (holds.ts): a clean, the user typing, the first scan. */
	readonly #holds = new Holds();
	/** Closed while the user types in a large open document: the work that yields waits. */
	readonly #gate: TypingGate | undefined;
	/** The system thread ids the workers said they run on (Linux), every worker started so far. */
	readonly #threadIds: number[] = [];

	constructor(
		private readonly script: string,
		readonly size: number,
		private readonly log: (message: string) => void,
		/** Runs jobs on this thread when no worker can start. */
		private readonly localRunner: () => JobRunner,
		/**
		 * How much lower the workers' scheduling priority is than this thread's (a nice value): the
		 * language server's thread answers the editor, and on a busy machine it must not wait for
		 * the CPU behind its own workers. 0 for the command line, whose workers are the work.
		 */
		private readonly niceness = 0,
		/**
		 * Jobs each worker holds at once: it finds its next job waiting when one ends. Two for the
		 * server (a job of higher priority never waits behind many); more for the command line,
		 * whose thread reads files and runs jobs of its own between turns of its event loop.
		 */
		private readonly perWorker = 2,
		/** Undefined: workers are never replaced, renewed or ended but when they fail. */
		private readonly lifecycle?: WorkerLifecycle,
		/** Undefined: nothing waits for the user's typing (the command line). */
		typing?: TypingPolicy,
	) {
		const gate = this.#gate = typing ? new TypingGate(typing, () => this.#dispatch()) : undefined;
		if (gate) { this.#holds.add('typing', 'yielding', () => gate.closed); }
		if (size > 0 && existsSync(script)) {
			for (let i = 0; i < size; i++) { this.#slots.push(this.#spawn()); }
		} else {
			log(`zh-corpus: corpus workers are unavailable (${existsSync(script) ? 'disabled' : `${script} is missing`}); files are checked on the server's thread.`);
		}
	}

	/** The system thread ids of every worker started so far (Linux; empty elsewhere): benchmarks read their CPU in /proc. */
	get threadIds(): readonly number[] { return this.#threadIds; }

	/** Jobs waiting or running. */
	get load(): number {
		let n = this.#localBusy + this.#queue.size;
		for (const s of this.#slots) { n += s.running.size + s.pinned.length; }
		return n;
	}

	/** Runs a job when its turn comes (see the file's comment for the order). */
	run<J extends Job>(job: J, priority: Priority, options: RunOptions = {}): Promise<JobResult<J>> {
		const { pin, away = false, wanted, apart = false } = options;
		const answered = options.typed ? this.#gate?.typed() : undefined;
		return new Promise<JobResult<J>>((resolve, reject) => {
			const yields = options.yields === true || priority >= Priority.Scan;
			const pending: Pending = { job, priority, resolve: resolve as (r: unknown) => void, reject, wanted, pinned: pin !== undefined, yields };
			const n = this.#slots.length;
			// `apart`: the worker after the first, which alone runs background jobs.
			const to = pin !== undefined && n > 0 ? (pinIndex(pin, n) + (away ? 1 : 0)) % n : apart && this.lifecycle?.backgroundOnFirst && n > 1 ? 1 : undefined;
			if (to !== undefined) {
				const pinned = this.#slots[to].pinned;
				// After the pinned jobs of its priority and above.
				let at = pinned.length;
				while (at > 0 && pinned[at - 1].priority > priority) { at--; }
				pinned.splice(at, 0, pending);
			} else {
				this.#queue.push(priority, pending);
			}
			this.#dispatch();
		}).finally(answered);
	}

	/** Until the returned function is called (holds.ts): a clean holds shared background jobs (jobs running go on), the first scan idle workers' ends. */
	hold(reason: 'clean' | 'scan'): () => void {
		const release = this.#holds.add(reason, reason === 'clean' ? 'background' : 'retirement');
		return () => { if (release()) { this.#dispatch(); } };
	}

	/** Why work is held now (holds.ts). */
	get heldFor(): HoldReason[] { return this.#holds.reasons(); }

	/** Sent to every worker now, after the jobs they already hold and before any job given to them later. */
	control(c: Control): void {
		if (c.kind === 'init') { this.#init = c; }
		const wire = c.kind === 'names' ? this.#names.record(c) : c;
		for (const s of this.#slots) { if (!(s.warming && wire.kind === 'names')) { s.worker.postMessage({ control: wire }); } }
		this.#local?.control(c);
	}

	async dispose(): Promise<void> {
		this.#disposed = true;
		this.#gate?.dispose();
		for (const slot of this.#slots) { setPauseFlag(slot.pause, false); }
		for (const slot of this.#slots) { for (const pending of slot.pinned.splice(0)) { pending.reject(new Error('the server is shutting down')); } }
		for (const pending of this.#queue.drain()) { pending.reject(new Error('the server is shutting down')); }
		await Promise.all(this.#slots.map((s) => s.worker.terminate()));
	}

	/** Each worker sleeps between two parts of its jobs, or goes on (typingGate.ts: `maySleep`). */
	#updatePauses(typing: boolean): void {
		const urgentShared = typing && this.#queue.has(Priority.Scan);
		for (const slot of this.#slots) { setPauseFlag(slot.pause, typing && maySleep(slot.running.values(), slot.pinned, urgentShared)); }
	}

	/**
	 * Hands one result to its caller, the most urgent first, unless this turn's slice of the
	 * thread is used (drive.ts): then in the next turn. One immediate per result, so that what a
	 * caller does with it (merging it into the indexes) ends before the next is handed over. A
	 * worker's messages are read in one go while they keep coming (up to a thousand), so results
	 * merged as they were read held the thread 70–130 ms during a scan, requests unread.
	 */
	#handOver(): void {
		if (this.#disposed) { return; }
		if (sliceUsed()) { setImmediate(() => this.#handOver()); return; }
		const next = this.#results.shift();
		if (!next) { return; }
		if (next.error !== undefined) { next.pending.reject(new Error(next.error)); } else { next.pending.resolve(next.result); }
	}

	#dispatch(): void {
		if (this.#disposed) { return; }
		if (this.#slots.length === 0) { this.#dispatchLocal(); return; }
		const typing = this.#holds.holds('yielding');
		const backgroundHeld = this.#holds.holds('background');
		for (let i = 0; i < this.#slots.length; i++) {
			let slot = this.#slots[i];
			const background = !backgroundHeld && (i === 0 || !this.lifecycle?.backgroundOnFirst);
			if (slot.dormant) {
				if (!slot.pinned.some((p) => !typing || !p.yields) && !this.#queue.has(typing ? Priority.Scan : Priority.Background)) { continue; }
				slot = this.#fresh(slot);
			}
			if (slot.warming) { continue; }
			while (slot.running.size < this.perWorker) {
				const pending = nextJob(this.#queue, slot.pinned, background, typing);
				// Nothing queued for this worker; another may still have pinned jobs.
				if (!pending) { break; }
				if (pending.wanted && !pending.wanted()) { pending.reject(new Superseded()); continue; }
				const id = this.#nextId++;
				slot.running.set(id, pending);
				if (pending.pinned) { slot.mayKeepOpen = true; }
				slot.worker.postMessage({ id, job: pending.job });
			}
		}
		this.#updatePauses(typing);
	}

	/**
	 * A worker said what it holds after a second without jobs. If given nothing since (no job running
	 * or pinned) and it keeps no open document's last version (its next check would start from nothing):
	 * ended unless first when only the first takes background jobs (started again, fresh, when other
	 * work comes: `#dispatch`), else replaced when it holds much; neither while a hold keeps it (holds.ts).
	 */
	#idle(slot: Slot, report: IdleReport): void {
		if (slot.running.size === 0 && slot.pinned.length === 0) { slot.mayKeepOpen = report.openDocuments > 0; }
		if (this.#disposed || !this.lifecycle || slot.retired || slot.warming || this.#holds.holds('retirement')) { return; }
		if (slot.running.size > 0 || slot.pinned.length > 0 || report.openDocuments > 0) { return; }
		if (this.lifecycle.backgroundOnFirst && slot !== this.#slots[0]) {
			slot.retired = slot.dormant = true;
			void slot.worker.terminate();
			this.log(`zh-corpus: a corpus worker idle with ${report.heldMb} MB was ended; it starts again when work other than names in the background comes.`);
			return;
		}
		if (report.heldMb <= this.lifecycle.recycleAboveMb) { return; }
		if (this.#replace(slot)) { this.log(`zh-corpus: a corpus worker idle with ${report.heldMb} MB was replaced by a fresh one.`); }
	}

	/**
	 * Replaces now, by fresh ones, the workers that have nothing running or pinned and keep no
	 * open document's state: after bulk work that grew them (tagging a whole corpus grows jieba's
	 * WebAssembly memory and V8's heap pages, which neither gives back), when more work follows at
	 * once (the re-checks for the names found) and they would never be idle for a second before
	 * it. A pool that never replaces workers (the command line's) keeps them.
	 */
	renewFree(): void {
		if (this.#disposed || !this.lifecycle) { return; }
		let renewed = 0;
		for (const slot of [...this.#slots]) {
			if (!slot.dormant && !slot.warming && slot.running.size === 0 && slot.pinned.length === 0 && !slot.mayKeepOpen && this.#replace(slot)) { renewed++; }
		}
		if (renewed > 0) { this.log(`zh-corpus: ${renewed} corpus worker(s) renewed after bulk work.`); }
	}

	/** A fresh worker in this one's place. */
	#replace(slot: Slot): boolean {
		if (!this.#slots.includes(slot)) { return false; }
		slot.retired = true;
		void slot.worker.terminate();
		this.#fresh(slot);
		return true;
	}

	/** One job at a time on this thread, each in its own macrotask so editor requests get in between. */
	#dispatchLocal(): void {
		if (this.#localBusy > 0) { return; }
		const typing = this.#holds.holds('yielding');
		const background = !this.#holds.holds('background');
		let pending = nextJob(this.#queue, undefined, background, typing);
		while (pending?.wanted && !pending.wanted()) { pending.reject(new Superseded()); pending = nextJob(this.#queue, undefined, background, typing); }
		if (!pending) { return; }
		this.#local ??= this.#createLocal();
		this.#localBusy++;
		setImmediate(() => {
			this.#local!.run(pending.job).then(pending.resolve, pending.reject).finally(() => {
				this.#localBusy--;
				this.#dispatch();
			});
		});
	}

	#createLocal(): JobRunner {
		const runner = this.localRunner();
		if (this.#init) { runner.control(this.#init); }
		runner.control(fromWire(this.#names.replay()));
		return runner;
	}

	/**
	 * A new worker in the place of `old` (retired: replaced, failed or dormant), told the others' state
	 * (init, every names row in steps: no job before the last); it takes the jobs pinned there meanwhile.
	 */
	#fresh(old: Slot): Slot {
		const slot = this.#spawn();
		if (this.#init) { slot.worker.postMessage({ control: this.#init }); }
		slot.pinned.push(...old.pinned.splice(0));
		this.#slots[this.#slots.indexOf(old)] = slot;
		slot.warming = true;
		const told = () => { slot.warming = false; queueMicrotask(() => this.#dispatch()); };
		void this.#names.replayInSteps((c) => slot.worker.postMessage({ control: c }), told, () => !this.#disposed && this.#slots.includes(slot));
		return slot;
	}

	#spawn(): Slot {
		return newSlot(this.script, this.niceness, this.log, this.#slotEvents);
	}

	readonly #slotEvents: SlotEvents = {
		idle: (slot, report) => this.#idle(slot, report),
		thread: (id) => this.#threadIds.push(id),
		ended: (pending, error, result) => {
			this.#results.push(pending.priority, { pending, error, result });
			setImmediate(() => this.#handOver());
			this.#dispatch();
		},
		exitExpected: () => this.#disposed,
		failed: (slot) => {
			if (!this.#slots.includes(slot)) { return; }
			this.#fresh(slot);
			this.#dispatch();
		},
	};
}
