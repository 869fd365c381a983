/**
 * Deterministic benchmark corpora built from the seeds in ../shared/corpus/seeds:
 * simplified (001–004) and traditional (000 plus 001–004 converted to Taiwan forms). Every line
 * gets a unique number so that no line cache makes repeated text free.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertText } from '../server/src/service/script/convert';

export const seedsDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'seeds');

export function seedTexts(): { simplified: string[]; traditional: string[] } {
	if (!fs.existsSync(seedsDir)) { throw new Error(`the benchmark needs the seeds in ${seedsDir}`); }
	const files = fs.readdirSync(seedsDir).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
	const simplified = files.slice(1);
	return { simplified, traditional: [files[0], ...simplified.map((t) => convertText(t, 'traditional-tw'))] };
}

/** About `megabytes` MB (UTF-8) of documents of ~`docBytes` each, lines numbered uniquely. */
export function buildDocuments(sources: readonly string[], megabytes: number, docBytes = 100_000): string[] {
	const lines = sources.flatMap((t) => t.split('\n').filter((l) => l.trim().length > 0));
	const docs: string[] = [];
	let total = 0;
	let n = 0;
	while (total < megabytes * 1e6) {
		const parts: string[] = [];
		let size = 0;
		while (size < docBytes) {
			const line = `${n}${lines[n % lines.length]}`;
			n++;
			parts.push(line);
			size += Buffer.byteLength(line) + 1;
		}
		docs.push(parts.join('\n'));
		total += size;
	}
	return docs;
}

export const utf8Bytes = (docs: readonly string[]) => docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
