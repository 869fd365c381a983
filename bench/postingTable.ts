/**
 * The corpus's print table under a large open document's indexing: a 1 MB document's 26,000
 * prints added to, looked up in and removed from a table holding the 10k bench corpus's 2.6 M
 * postings (random hashes, as the fingerprints' are). The server's thread does this in one piece
 * when it indexes a large open document again (FingerprintIndex.set). Prints the mean of 5
 * rounds of each, 3 times, in milliseconds. Then the first scan's adds as the server's thread
 * makes them, one file's 260 prints at a time (each file is merged in a slice of its own,
 * drive.ts): the longest files, and how many took over 2 ms (the table's growths, its fresh
 * memory faulted in page by page; run it with MALLOC_MMAP_THRESHOLD_=131072, as the server runs).
 * Last, the chains laid out for the first scan's queries (printGroups.ts), a step at a time: the
 * longest steps (each is one slice of the server's thread).
 *   node out/bench/postingTable.js
 */
import { PostingTable } from '../server/src/service/duplicates/postings';
import { printGroupsInSteps } from '../server/src/service/duplicates/printGroups';

/** A fixed pseudo-random sequence (xorshift32): the same table on every run. */
let state = 777;
const random = () => { state ^= state << 13; state ^= state >>> 17; state ^= state << 5; return state >>> 0; };

const corpusFiles = 10_000, printsPerFile = 260, documentPrints = 26_000, rounds = 5;
const document = Array.from({ length: documentPrints }, () => random());

for (let run = 0; run < 3; run++) {
	const table = new PostingTable();
	for (let f = 0; f < corpusFiles; f++) { for (let i = 0; i < printsPerFile; i++) { table.add(random(), f + 2, i); } }
	let add = 0, lookup = 0, remove = 0, held = 0;
	for (let round = 0; round < rounds; round++) {
		let t = performance.now();
		for (let i = 0; i < document.length; i++) { table.add(document[i], 1, i); }
		add += performance.now() - t;
		t = performance.now();
		for (let i = 0; i < document.length; i++) { held += table.count(document[i]); }
		lookup += performance.now() - t;
		t = performance.now();
		for (const h of document) { table.removeFile(h, 1, 1); }
		remove += performance.now() - t;
	}
	console.log(JSON.stringify({
		name: `posting table with ${(corpusFiles * printsPerFile / 1e6).toFixed(1)} M postings: a 1 MB document's ${documentPrints.toLocaleString('en')} prints`,
		value: `add ${(add / rounds).toFixed(1)} ms, look up ${(lookup / rounds).toFixed(1)} ms, remove ${(remove / rounds).toFixed(1)} ms (mean of ${rounds}; ${held} postings seen)`,
	}));
}

for (let run = 0; run < 3; run++) {
	const table = new PostingTable();
	const files: number[] = [];
	const start = performance.now();
	for (let f = 0; f < corpusFiles; f++) {
		const t = performance.now();
		for (let i = 0; i < printsPerFile; i++) { table.add(random(), f + 2, i); }
		files.push(performance.now() - t);
	}
	const total = performance.now() - start;
	const longest = [...files].sort((a, b) => b - a).slice(0, 3).map((ms) => ms.toFixed(1)).join(', ');
	console.log(JSON.stringify({
		name: `posting table: the first scan's ${corpusFiles.toLocaleString('en')} files added one at a time`,
		value: `${total.toFixed(0)} ms in all; longest files ${longest} ms; ${files.filter((ms) => ms > 2).length} files over 2 ms`,
	}));
}

// A tenth of the prints drawn from 150,000 shared ones: groups of a few files, as in the bench corpus.
const shared = Array.from({ length: 150_000 }, () => random());
for (let run = 0; run < 3; run++) {
	const table = new PostingTable();
	for (let f = 0; f < corpusFiles; f++) { for (let i = 0; i < printsPerFile; i++) { table.add(random() % 10 === 0 ? shared[random() % shared.length] : random(), f, i); } }
	const steps = printGroupsInSteps(table, new Int32Array(corpusFiles).fill(printsPerFile), corpusFiles, 60, () => false);
	const times: number[] = [];
	for (let done = false; !done;) { const t = performance.now(); done = steps.next().done === true; times.push(performance.now() - t); }
	const longest = [...times].sort((a, b) => b - a).slice(0, 3).map((ms) => ms.toFixed(1)).join(', ');
	console.log(JSON.stringify({
		name: 'print groups: the chains laid out for the first scan, in steps',
		value: `${times.reduce((a, b) => a + b, 0).toFixed(0)} ms in ${times.length} steps; longest steps ${longest} ms`,
	}));
}
