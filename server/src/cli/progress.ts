import { grouped } from '../service';
/** A progress bar on stderr when it is a terminal (redrawn at most every 100 ms); silent otherwise. */
export class Progress {
	#last = 0;
	#shown = false;
	readonly #on: boolean;

	constructor(quiet: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {
		this.#on = !quiet && stream.isTTY === true;
	}

	tick(done: number, total: number, what: string): void {
		if (!this.#on) { return; }
		const now = Date.now();
		if (now - this.#last < 100 && done < total) { return; }
		this.#last = now;
		const width = 30;
		const filled = Math.round((done / Math.max(1, total)) * width);
		this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${what} ${grouped(done)}/${grouped(total)} files`);
		this.#shown = true;
	}

	done(): void {
		if (this.#shown) { this.stream.write('\r\x1b[K'); this.#shown = false; }
	}
}
