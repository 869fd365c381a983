/**
 * CPU seconds of a process by kind of thread, from /proc/<pid>/task/<tid>/stat (Linux): its main
 * thread (the server's), its corpus workers (their system ids from `zhCorpus/debug/threads`), and
 * the rest — V8's platform threads (concurrent TurboFan compiles, concurrent marking and sweeping
 * of every isolate) and libuv's file pool. A thread's last sample is kept after it ends (a worker
 * ended or replaced); the process's total counts ended threads too, so what a thread used after
 * its last sample shows up as "other".
 */
import * as fs from 'node:fs';

const tick = 100; // USER_HZ on Linux

/** utime + stime of a stat line, in seconds. */
function seconds(stat: string): number {
	const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(f[11]) + Number(f[12])) / tick;
}

export interface CpuSplit {
	readonly all: number;
	readonly server: number;
	readonly workers: readonly number[];
	/** V8's helper threads and libuv's pool (and what ended threads used after their last sample). */
	readonly other: number;
}

export class ThreadCpu {
	readonly #last = new Map<number, number>();
	readonly #timer: NodeJS.Timeout;

	constructor(private readonly pid: number, everyMs = 250) {
		this.#timer = setInterval(() => this.sample(), everyMs);
	}

	sample(): void {
		let tids: string[];
		try { tids = fs.readdirSync(`/proc/${this.pid}/task`); } catch { return; }
		for (const tid of tids) {
			try { this.#last.set(Number(tid), seconds(fs.readFileSync(`/proc/${this.pid}/task/${tid}/stat`, 'utf8'))); } catch { /* ended meanwhile */ }
		}
	}

	/** The split now, with these threads as the workers. */
	split(workers: readonly number[]): CpuSplit {
		this.sample();
		const all = seconds(fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8'));
		const server = this.#last.get(this.pid) ?? 0;
		const ofWorkers = workers.map((tid) => this.#last.get(tid) ?? 0);
		return { all, server, workers: ofWorkers, other: all - server - ofWorkers.reduce((a, b) => a + b, 0) };
	}

	stop(): void { clearInterval(this.#timer); }
}

/** "31.0 s: server's thread 5.5 s, workers 9.1 + 9.3 s, other threads (V8's compiler and GC helpers, libuv's pool) 7.1 s". */
export function describeSplit(s: CpuSplit): string {
	const workers = s.workers.length > 0 ? s.workers.map((w) => w.toFixed(1)).join(' + ') : '—';
	return `${s.all.toFixed(1)} s: server's thread ${s.server.toFixed(1)} s, workers ${workers} s, other threads (V8's compiler and GC helpers, libuv's pool) ${s.other.toFixed(1)} s`;
}

/** What each kind of thread used between two splits (the workers together: one may have been replaced between them): "server 0.9, workers 1.6, other 0.3 s". */
export function describeSince(now: CpuSplit, before: CpuSplit): string {
	const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
	return `server ${(now.server - before.server).toFixed(1)}, workers ${(sum(now.workers) - sum(before.workers)).toFixed(1)}, other ${(now.other - before.other).toFixed(1)} s`;
}
