/**
 * FingerprintIndex.query against the plain algorithm it implements: postings in the order files
 * were indexed, common prints left out, shared pairs grouped per file in the order files are met,
 * then resemblance, the longest run at one offset and the passages. The index reaches the same
 * answers with typed scratch and shortcuts (a file's own print held once); this checks that every
 * answer — files, order, similarity, passages — is the same.
 */
import * as assert from 'node:assert/strict';
import { commonPrintLimit, FilePrints, FingerprintIndex, Position, SharedFile } from '../../server/src/service/duplicates/passages';
import { finish } from '../../server/src/service/steps';
import { shingle, windowSize } from '../../server/src/service/duplicates/fingerprints';
import { random } from '../support/random';

type Relevant = { readonly similarity: number; readonly passage: number };

/** Prints made of pieces: fresh hashes, copies of a source run (shared passages), a few common hashes. */
function printsOf(rand: () => number, sources: readonly Uint32Array[]): FilePrints {
	const hashes: number[] = [];
	while (hashes.length < 20 + rand() * 60) {
		const r = rand();
		if (r < 0.35) {
			const source = sources[Math.floor(rand() * sources.length)];
			const from = Math.floor(rand() * source.length / 2);
			hashes.push(...source.subarray(from, from + 3 + Math.floor(rand() * 20)));
		} else if (r < 0.45) {
			hashes.push(0xffffff00 + Math.floor(rand() * 3));
		} else {
			hashes.push((Math.floor(rand() * 5000) * 2654435761) >>> 0);
		}
	}
	const n = hashes.length;
	const positions = new Int32Array(n), starts = new Int32Array(n), ends = new Int32Array(n);
	let at = 0;
	for (let i = 0; i < n; i++) {
		at += 1 + Math.floor(rand() * (rand() < 0.9 ? 12 : 40));
		positions[i] = at;
		starts[i] = at * 2;
		ends[i] = at * 2 + 16;
	}
	return { hashes: Uint32Array.from(hashes), positions, starts, ends, lineStarts: Int32Array.from([0, 50, 300, 700]) };
}

function positionOf(lineStarts: Int32Array, offset: number): Position {
	let line = 0;
	while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) { line++; }
	return { line, character: offset - lineStarts[line] };
}

/** The query as plainly as it can be said (`files` in the order they were last indexed). */
function plainQuery(files: Map<string, FilePrints>, uri: string, prints: FilePrints, relevant?: Relevant): SharedFile[] {
	const base = commonPrintLimit(files.size);
	const limit = base + (files.has(uri) ? 1 : 0);
	const postings = new Map<number, (readonly [string, number])[]>();
	for (const [u, p] of files) { p.hashes.forEach((h, j) => postings.set(h, [...postings.get(h) ?? [], [u, j]])); }
	const postingsOf = (h: number) => postings.get(h) ?? [];
	const hits = new Map<string, number[]>();
	let mine = 0;
	prints.hashes.forEach((h, i) => {
		const held = postingsOf(h);
		if (held.length > limit) { return; }
		mine++;
		for (const [u, j] of held) { if (u !== uri) { hits.set(u, [...hits.get(u) ?? [], i, j]); } }
	});
	const minPrints = (length: number) => Math.max(1, Math.floor((length * 0.6 - shingle + 1) / windowSize));
	const passages = (other: FilePrints, pairs: number[]) => {
		const byDelta = new Map<number, number[]>();
		for (let k = 0; k < pairs.length; k += 2) {
			const delta = other.positions[pairs[k + 1]] - prints.positions[pairs[k]];
			byDelta.set(delta, [...byDelta.get(delta) ?? [], pairs[k], pairs[k + 1]]);
		}
		const out: SharedFile['passages'][number][] = [];
		for (const list of byDelta.values()) {
			let first = 0;
			for (let k = 0; k < list.length; k += 2) {
				const last = k + 2 >= list.length || prints.positions[list[k + 2]] - prints.positions[list[k]] > windowSize;
				if (!last) { continue; }
				const start = prints.starts[list[first]], end = prints.ends[list[k]];
				out.push({ start, end, other: { start: positionOf(other.lineStarts, other.starts[list[first + 1]]), end: positionOf(other.lineStarts, other.ends[list[k + 1]]) }, length: end - start });
				first = k + 2;
			}
		}
		return out.sort((a, b) => a.start - b.start);
	};
	const out: SharedFile[] = [];
	for (const [u, pairs] of hits) {
		const other = files.get(u)!;
		const shared = new Set(pairs.filter((_, k) => k % 2 === 0)).size;
		const theirs = shared >= 0.75 * mine ? [...other.hashes].filter((h) => postingsOf(h).length <= base).length : other.hashes.length;
		const similarity = shared / Math.max(1, mine + theirs - shared);
		const runs = new Map<number, number>();
		for (let k = 0; k < pairs.length; k += 2) { const d = other.positions[pairs[k + 1]] - prints.positions[pairs[k]]; runs.set(d, (runs.get(d) ?? 0) + 1); }
		if (!relevant) {
			out.push({ uri: u, similarity, passages: passages(other, pairs) });
		} else if (similarity >= relevant.similarity) {
			out.push({ uri: u, similarity, passages: [] });
		} else if (shared >= minPrints(relevant.passage) && Math.max(...runs.values()) >= minPrints(relevant.passage)) {
			const found = passages(other, pairs).filter((p) => p.length >= relevant.passage);
			if (found.length > 0) { out.push({ uri: u, similarity, passages: found }); }
		}
	}
	return out;
}

describe('FingerprintIndex.query as the plain algorithm', () => {
	const relevants: (Relevant | undefined)[] = [undefined, { similarity: 0.8, passage: 150 }, { similarity: 0.3, passage: 60 }];

	it('answers the same after random adds, replacements and removals, for indexed files and new texts', () => {
		for (const seed of [11, 12, 13]) {
			const rand = random(seed);
			const sources = Array.from({ length: 6 }, () => printsOf(rand, [Uint32Array.from({ length: 40 }, (_, i) => (i * 40503 + seed) >>> 0)]).hashes);
			const index = new FingerprintIndex();
			const files = new Map<string, FilePrints>();
			const uris = Array.from({ length: 40 }, (_, i) => `file:///q/${i}.txt`);
			let compared = 0, found = 0;
			for (let step = 0; step < 600; step++) {
				const uri = uris[Math.floor(rand() * uris.length)];
				if (rand() < 0.2) {
					index.remove(uri);
					files.delete(uri);
				} else {
					const prints = printsOf(rand, sources);
					index.set(uri, prints);
					files.delete(uri);
					files.set(uri, prints);
				}
				if (step % 40 !== 39) { continue; }
				for (const relevant of relevants) {
					// Each indexed file with the prints the index holds (its own prints), and a new text.
					for (const [u, prints] of files) {
						const got = index.query(u, prints, relevant);
						assert.deepEqual(got, plainQuery(files, u, prints, relevant), `seed ${seed}, step ${step}: ${u}`);
						compared++;
						found += got.length;
					}
					const text = printsOf(rand, sources);
					assert.deepEqual(index.query('file:///new.txt', text, relevant), plainQuery(files, 'file:///new.txt', text, relevant), `seed ${seed}, step ${step}: a new text`);
					// An indexed file queried with other prints than its own (an edited text).
					const [u] = files.keys();
					assert.deepEqual(index.query(u, text, relevant), plainQuery(files, u, text, relevant), `seed ${seed}, step ${step}: ${u} edited`);
				}
			}
			assert.ok(compared > 1000 && found > 100, `${compared} queries compared, ${found} shared files found`);
		}
	});

	it('answers the same with its chains laid out for the first scan, and drops them on any change', () => {
		for (const seed of [21, 22]) {
			const rand = random(seed);
			const sources = Array.from({ length: 6 }, () => printsOf(rand, [Uint32Array.from({ length: 40 }, (_, i) => (i * 40503 + seed) >>> 0)]).hashes);
			const index = new FingerprintIndex();
			const files = new Map<string, FilePrints>();
			const uris = Array.from({ length: 120 }, (_, i) => `file:///g/${i}.txt`);
			const change = () => {
				const uri = uris[Math.floor(rand() * uris.length)];
				if (rand() < 0.2) { index.remove(uri); files.delete(uri); return; }
				const prints = printsOf(rand, sources);
				index.set(uri, prints);
				files.delete(uri);
				files.set(uri, prints);
			};
			let compared = 0, found = 0, laidOut = 0;
			for (let round = 0; round < 12; round++) {
				// Enough changes that the table is sometimes caught growing (its slots in two tables).
				for (let k = 0; k < 1 + Math.floor(rand() * 60); k++) { change(); }
				const steps = index.prepareGroupsInSteps();
				// Now and then a change while the layout is built: it must not be used.
				if (rand() < 0.3) { steps.next(); change(); }
				finish(steps);
				if (index.groupsLaidOut) { laidOut++; }
				const relevant = relevants[round % relevants.length];
				for (const [u, prints] of files) {
					const got = index.query(u, prints, relevant);
					assert.deepEqual(got, plainQuery(files, u, prints, relevant), `seed ${seed}, round ${round}: ${u}`);
					compared++;
					found += got.length;
				}
				const text = printsOf(rand, sources);
				const [u] = files.keys();
				assert.deepEqual(index.query(u, text, relevant), plainQuery(files, u, text, relevant), `seed ${seed}, round ${round}: ${u} edited`);
				// A change drops the layout (here a file new to the index): the next queries read the table again.
				const added = printsOf(rand, sources);
				index.set(`file:///g/new${round}.txt`, added);
				files.set(`file:///g/new${round}.txt`, added);
				assert.equal(index.groupsLaidOut, false);
				for (const [v, prints] of [...files].slice(0, 20)) { assert.deepEqual(index.query(v, prints, relevant), plainQuery(files, v, prints, relevant), `seed ${seed}, round ${round}: ${v} after a change`); }
			}
			assert.ok(compared > 300 && found > 1000 && laidOut >= 6, `${compared} queries compared, ${found} shared files found, ${laidOut} rounds laid out`);
		}
	});

	it('answers each of several queries run in steps side by side as it answers it alone', () => {
		const rand = random(5);
		const sources = Array.from({ length: 4 }, () => printsOf(rand, [Uint32Array.from({ length: 40 }, (_, i) => i * 7919)]).hashes);
		const index = new FingerprintIndex();
		const files = new Map<string, FilePrints>();
		for (let i = 0; i < 30; i++) { const p = printsOf(rand, sources); index.set(`file:///s/${i}.txt`, p); files.set(`file:///s/${i}.txt`, p); }
		const queries = [...files].map(([u, p]) => ({ steps: index.queryInSteps(u, p), alone: index.query(u, p) }));
		const answers = new Map<number, SharedFile[]>();
		// Round robin, one step of each at a time: each keeps its own scratch.
		while (answers.size < queries.length) {
			queries.forEach((q, i) => {
				if (answers.has(i)) { return; }
				const next = q.steps.next();
				if (next.done) { answers.set(i, next.value); }
			});
		}
		queries.forEach((q, i) => assert.deepEqual(answers.get(i), q.alone, `query ${i}`));
		assert.ok(queries.some((q) => q.alone.length > 0));
	});
});
