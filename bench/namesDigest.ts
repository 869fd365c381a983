/**
 * A digest of every name discovery finds (span, type, key, role), over the entity bench's
 * 10,000 documents and the shared corpus's seeds and web pages: two builds that print the same
 * digests discover the same names. bench/digest.ts covers the rules' findings, not discovery.
 * Also prints the CPU time of discovery over the bench documents (the line cache emptied first).
 *
 *   node out/bench/namesDigest.js              NAMES_DIGEST_FILES=out.txt: one line per document, to diff two builds
 */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildDocuments, seedsDir, seedTexts, utf8Bytes } from './corpus';
import { jiebaSegmenter } from '../server/src/segmenter';
import { discover, forgetDiscoveredLines } from '../server/src/service/entities/discovery';

const tagger = jiebaSegmenter();
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const lines: string[] = [];

function digestOf(name: string, docs: readonly [string, string][]): void {
	forgetDiscoveredLines();
	const all = createHash('sha256');
	let names = 0;
	const start = cpuMs();
	for (const [id, text] of docs) {
		const found = discover(text, tagger);
		names += found.length;
		const line = `${id} ${createHash('sha256').update(JSON.stringify(found.map((f) => [f.start, f.end, f.type, f.key, f.role ?? null]))).digest('hex').slice(0, 16)}`;
		lines.push(line);
		all.update(`${line}\n`);
	}
	const ms = cpuMs() - start;
	const mb = utf8Bytes(docs.map((d) => d[1])) / 1e6;
	console.log(`${name}: ${docs.length} documents, ${names} names, digest ${all.digest('hex').slice(0, 32)} (${(ms / 1000).toFixed(1)} s CPU, ${(mb / (ms / 1000)).toFixed(2)} MB/s)`);
}

function folder(dir: string): [string, string][] {
	if (!fs.existsSync(dir)) { console.log(`${dir}: absent, skipped`); return []; }
	return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

// The model loaded before anything is timed.
if (!tagger.nameModel) { throw new Error('the name model could not be loaded'); }
const seeds = seedTexts();
const docs = [...buildDocuments(seeds.simplified, 33, 6_000).slice(0, 5_000), ...buildDocuments(seeds.traditional, 33, 6_000).slice(0, 5_000)];
digestOf('seeds', folder(seedsDir));
digestOf('web pages', folder(path.join(seedsDir, '..', 'web-pages')));
digestOf('entity bench documents', docs.map((d, i) => [String(i), d]));
if (process.env.NAMES_DIGEST_FILES) { fs.writeFileSync(process.env.NAMES_DIGEST_FILES, `${lines.join('\n')}\n`); }
