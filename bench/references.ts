/**
 * References on the server's side, without the client: a synthetic entity index of the bench
 * corpus's shape (10,000 files of a few hundred mentions each, names in a Zipf-like spread) and a
 * name with ≈ 7,500 mentions in ≈ 3,700 files, as scale.js's "references of 韩国". Prints the
 * median time to collect its locations (`EntityService.references`, as the LSP handler calls
 * it), to encode them as the server's stdio writer does, and both; and a name with ≈ 18,000 mentions.
 * No tagging: names and mentions are written into the index directly (`applyDiscovery`,
 * `applyMatches`), so it runs in a few seconds.
 *
 * CPU time, not wall time: on the shared machine the wall clock counts other processes' turns.
 *
 *   node --expose-gc out/bench/references.js        REFS_ROUNDS=60 for more rounds, REFS_GC=1 to
 *   collect before each round; REFS_PART=order|numbers|locations times one part alone (the files in
 *   URI order; the references made as numbers, no object per mention; as LSP locations)
 */
import { loadavg } from 'node:os';
import { EntityService } from '../server/src/service';
import type { Found } from '../server/src/service/entities/discovery';
import type { Message } from 'vscode-languageserver/node';
import { locationArray, reusingJsonEncoder } from '../server/src/lsp/stdioWriter';

const encoder = reusingJsonEncoder();

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

const files = 10_000, names = 20_000, mentionsPerFile = 300;

/** A fixed pseudo-random sequence (the same index on every run and build). */
let seed = 12345;
const random = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };

/** The LSP handler's location (entityFeatures.ts), an object literal per mention. */
const location = (uri: string, line: number, character: number, length: number) => ({ uri, range: { start: { line, character }, end: { line, character: character + length } } });

function build(): { service: EntityService; keys: string[] } {
	const workspace = { listFiles: async () => [], readFile: async () => undefined };
	const service = new EntityService(workspace, undefined);
	const keys = Array.from({ length: names }, (_, i) => `名${i.toString(36)}`);
	// Every name discovered once in a file of its own, so that the table holds them all.
	const found: Found[] = keys.map((key, i) => ({ start: i * 8, end: i * 8 + key.length, type: 'place', key }));
	service.index.applyDiscovery('file:///names.txt', found);
	const ids = keys.map((k) => service.index.table.byKey(k)!.id);
	for (let f = 0; f < files; f++) {
		const uri = `file:///tmp/zh-corpus-bench-10000/${String(f % 40).padStart(2, '0')}/${String(f).padStart(5, '0')}.txt`;
		service.index.ensure(uri);
		const m = new Int32Array(mentionsPerFile * 4);
		// Two mentions of name 0 in 90 % of the files (≈ 18,000), of name 1 in 37 % (≈ 7,400); the
		// rest drawn with weight ≈ 1/rank among the other names.
		const targets = [...(random() < 0.9 ? [0, 0] : []), ...(random() < 0.37 ? [1, 1] : [])];
		const at = new Set(targets.map(() => Math.floor(random() * mentionsPerFile)));
		let t = 0;
		for (let i = 0; i < mentionsPerFile; i++) {
			const rank = at.has(i) && t < targets.length ? targets[t++] : 2 + Math.floor(Math.exp(random() * Math.log(names - 2)) - 1);
			m.set([i, Math.floor(random() * 40), 2 + (rank % 3), ids[rank]], i * 4);
		}
		service.index.applyMatches(uri, { mentions: m, variants: [], occurrences: new Int32Array(0) });
	}
	return { service, keys };
}

/** The process's CPU time in ms: on the shared machine the wall clock counts other processes' turns. */
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

async function time(service: EntityService, key: string, rounds: number): Promise<void> {
	const e = service.index.table.byKey(key)!;
	const collect: number[] = [], encode: number[] = [], both: number[] = [], wall: number[] = [];
	let count = 0, bytes = 0;
	for (let i = 0; i < rounds; i++) {
		if (process.env.REFS_GC) { gc(); }
		const start = performance.now();
		let t = cpuMs();
		const result = locationArray(service.references(e, location));
		collect.push(cpuMs() - t);
		t = cpuMs();
		// What the server's stdio writer does with a response (lsp/stdioWriter.ts): its bytes.
		bytes = (await encoder.encode({ jsonrpc: '2.0', id: i, result } as Message, { charset: 'utf-8' })).length;
		encode.push(cpuMs() - t);
		both.push(collect[i] + encode[i]);
		wall.push(performance.now() - start);
		count = result.length;
	}
	const label = `references (server side, CPU ms) of a name with ${count.toLocaleString('en')} mentions in ${e.mentionFiles.size.toLocaleString('en')} files`;
	console.log(JSON.stringify({ name: `${label}: collect`, ms: median(collect), p90: p90(collect), note: `load ${loadavg()[0].toFixed(1)}` }));
	console.log(JSON.stringify({ name: `${label}: JSON encode`, ms: median(encode), p90: p90(encode), kb: Math.round(bytes / 1024) }));
	console.log(JSON.stringify({ name: `${label}: both`, ms: median(both), p90: p90(both), wallMs: median(wall) }));
}

const rounds = Number(process.env.REFS_ROUNDS ?? 30);
const { service, keys } = build();
if (process.env.REFS_PART) {
	const e = service.index.table.byKey(keys[1])!;
	const part = process.env.REFS_PART;
	const xs: number[] = [];
	const num = (_u: string, line: number) => line;
	for (let r = 0; r < rounds; r++) {
		const t = cpuMs();
		if (part === 'order') { e.mentionFiles.idsInUriOrder(); }
		if (part === 'numbers') { service.references(e, num); }
		if (part === 'locations') { service.references(e, location); }
		xs.push(cpuMs() - t);
	}
	console.log(part, median(xs).toFixed(2), p90(xs).toFixed(2));
	process.exit(0);
}
// Ranks 0 and 1: ≈ 18,000 and ≈ 7,500 mentions (the Zipf-like draw above).
void (async () => {
	await time(service, keys[1], rounds);
	await time(service, keys[0], rounds);
})();
