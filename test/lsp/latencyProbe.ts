/**
 * How long the server keeps an editor waiting: a cheap request every 100 ms (the test-only
 * document hash, answered by the server's thread without other work) while something heavy
 * runs; the longest wait is what a user would feel as a hang.
 */
import type { LspClient } from './lspClient';

export interface Waits { readonly longest: number; readonly requests: number; /** `sent:waited` of each request, ms since the probe started. */ readonly all: string }

/** Probes until `during` settles (and at least `minMs` passed); the server needs the `debug` initialization option. */
export async function longestWait(client: LspClient, during: Promise<unknown>, minMs = 1000, intervalMs = 100): Promise<Waits> {
	let settled = false;
	void during.then(() => { settled = true; }, () => { settled = true; });
	const started = Date.now();
	const answers: Promise<number>[] = [];
	const all: string[] = [];
	while (!settled || Date.now() - started < minMs) {
		const sent = Date.now();
		answers.push(client.connection.sendRequest('zhCorpus/debug/documentHash', { uri: 'file:///probe.txt' }).then(() => {
			all.push(`${sent - started}:${Date.now() - sent}`);
			return Date.now() - sent;
		}));
		await new Promise((r) => setTimeout(r, intervalMs));
	}
	const waits = await Promise.all(answers);
	// ZH_CORPUS_PRINT_WAITS=1 prints each probe's longest wait (the numbers of the closing note).
	if (process.env.ZH_CORPUS_PRINT_WAITS) { console.log(`      longest wait ${Math.max(...waits)} ms of ${waits.length} requests`); }
	return { longest: Math.max(...waits), requests: waits.length, all: all.join(' ') };
}
