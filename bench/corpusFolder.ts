/**
 * The scale benchmark's corpus: 10,000 files, about 100 MB, half simplified and half
 * traditional, written to a folder, built deterministically from the seeds. Each file follows
 * one seed's layout line by line: short lines (page chrome, bylines, template text) are kept as
 * they are, so they repeat across files as they do in a scraped corpus; body paragraphs keep
 * their noise (spaces, ASCII punctuation, simplified leftovers) but half of their words are
 * swapped for other words of the same length and script from the seeds, so every file's body is
 * its own text and no cache or fingerprint makes it free. 3 % of files are near-copies of an
 * earlier file and 3 % borrow one paragraph from another, as syndicated news does. Layouts are
 * drawn with weights that make files 10 KB on average (10,000 files ≈ 100 MB, as the scale
 * issue asks): short web articles most often, newspaper pages (the largest seed) one time in ten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jiebaSegmenter } from '../server/src/segmenter';
import { seedTexts } from './corpus';
import { random } from '../test/support/random';

export interface CorpusSpec { readonly files: number; readonly seed: number }

const isHan = (s: string) => /^[\u3400-\u9fff]+$/.test(s);

interface Source { readonly lines: readonly (string | readonly string[])[]; readonly pool: Map<number, string[]> }

/** A seed as lines: short lines as strings, body lines as their words; plus its words by length. */
function sources(texts: readonly string[]): Source[] {
	const jieba = jiebaSegmenter();
	return texts.map((text) => {
		const pool = new Map<number, string[]>();
		const lines = text.split('\n').map((line) => {
			if (line.trim().length <= 40) { return line; }
			const words = jieba.cut(line);
			for (const w of words) {
				if (!isHan(w)) { continue; }
				const list = pool.get(w.length) ?? [];
				list.push(w);
				pool.set(w.length, list);
			}
			return words;
		});
		return { lines, pool };
	});
}

/** Half of the words of two or more characters swapped; the first and last words stay (a paragraph's start and end are its layout). */
function bodyLine(words: readonly string[], pool: Map<number, string[]>, rnd: () => number): string {
	let out = '';
	words.forEach((w, i) => {
		const choices = pool.get(w.length);
		const swap = i > 0 && i < words.length - 1 && w.length >= 2 && isHan(w) && choices && rnd() < 0.5;
		out += swap ? choices[Math.floor(rnd() * choices.length)] : w;
	});
	return out;
}

/** Seeds 001–004 (and 000 first for traditional), smallest layouts most often. */
const simplifiedWeights = [0.4, 0.3, 0.2, 0.1];
const traditionalWeights = [0.25, 0.25, 0.25, 0.15, 0.1];

function pick(weights: readonly number[], r: number): number {
	let sum = 0;
	for (let i = 0; i < weights.length; i++) {
		sum += weights[i];
		if (r < sum) { return i; }
	}
	return weights.length - 1;
}

/** The corpus's texts, file name → text, in a fixed order. */
export function* corpusTexts(spec: CorpusSpec): Generator<[string, string]> {
	const seeds = seedTexts();
	const groups = { simplified: sources(seeds.simplified), traditional: sources(seeds.traditional) };
	const rnd = random(spec.seed);
	const recent: string[] = [];
	for (let i = 0; i < spec.files; i++) {
		const script = i % 2 === 0 ? 'simplified' : 'traditional';
		const group = groups[script];
		const source = group[pick(script === 'simplified' ? simplifiedWeights : traditionalWeights, rnd())];
		let text = source.lines.map((l) => typeof l === 'string' ? l : bodyLine(l, source.pool, rnd)).join('\n');
		const roll = rnd();
		if (roll < 0.03 && recent.length > 0) {
			// A near-copy: another file with one paragraph dropped.
			const lines = recent[Math.floor(rnd() * recent.length)].split('\n');
			lines.splice(Math.floor(rnd() * lines.length), 1);
			text = lines.join('\n');
		} else if (roll < 0.06 && recent.length > 0) {
			// One paragraph borrowed from another file.
			const long = recent[Math.floor(rnd() * recent.length)].split('\n').filter((l) => l.length > 150);
			if (long.length > 0) { text += `\n${long[Math.floor(rnd() * long.length)]}\n`; }
		}
		recent.push(text);
		if (recent.length > 200) { recent.shift(); }
		yield [`${String(Math.floor(i / 1000)).padStart(2, '0')}/${script}-${String(i).padStart(5, '0')}.txt`, text];
	}
}

/**
 * Writes the corpus to `dir` (reused when a previous run wrote the same spec). Returns its size.
 */
export function writeCorpus(dir: string, spec: CorpusSpec): { files: number; bytes: number } {
	const marker = path.join(dir, '.bench-corpus.json');
	const wanted = JSON.stringify({ ...spec, version: 3 });
	if (fs.existsSync(marker)) {
		const m = JSON.parse(fs.readFileSync(marker, 'utf8')) as { spec: string; bytes: number; files: number };
		if (m.spec === wanted) { return m; }
	}
	fs.rmSync(dir, { recursive: true, force: true });
	let bytes = 0;
	let files = 0;
	for (const [name, text] of corpusTexts(spec)) {
		const file = path.join(dir, name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, text);
		bytes += Buffer.byteLength(text);
		files++;
	}
	fs.writeFileSync(marker, JSON.stringify({ spec: wanted, bytes, files }));
	return { files, bytes };
}
