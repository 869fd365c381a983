// Generates server/data/join-pairs.bin: every pair of characters side by side in a word of the
// dictionary that the shipped jieba-wasm cuts with (layout.broken-paragraph asks it before
// segmenting a possible join: a pair in no word cannot be joined; see
// server/src/service/text/joinPairs.ts). The output is committed; run again after upgrading
// jieba-wasm (test/unit/joinPairs.test.ts fails until then):
//
//   node tools/build-join-pairs.mjs [--offset N]
//
// The dictionary is read from jieba-wasm's own .wasm, where jieba-rs embeds its dict.txt as a
// raw deflate stream (jieba's dictionary, MIT; see THIRD-PARTY-NOTICES.md), so the table is made
// from exactly the words the shipped segmenter knows. The stream's offset is taken from --offset,
// else from the table being replaced, else found by trying every offset (minutes).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'server', 'data', 'join-pairs.bin');
const wasmPath = join(dirname(createRequire(import.meta.url).resolve('jieba-wasm')), 'jieba_rs_wasm_bg.wasm');
const wasm = readFileSync(wasmPath);

const bundled = await esbuild.build({ entryPoints: [join(root, 'server', 'src', 'service', 'text', 'joinPairs.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'warning' });
const { JoinPairs, pairsOfWords } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

/** A dictionary line: word, frequency, optional part of speech. */
const entry = /^\S+ \d+( [a-z]+)?$/;

/** The dictionary's text if a raw deflate stream at `offset` inflates to one, else undefined. */
function dictionaryAt(offset) {
	try {
		const head = inflateRawSync(wasm.subarray(offset, offset + 1024), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
		if (!entry.test(head.split('\n', 1)[0])) { return undefined; }
		const text = inflateRawSync(wasm.subarray(offset)).toString('utf8');
		const lines = text.split('\n').filter((l) => l !== '');
		return lines.length > 100_000 && lines.every((l) => entry.test(l)) ? text : undefined;
	} catch {
		return undefined;
	}
}

function offsetArgument() {
	const at = process.argv.indexOf('--offset');
	if (at >= 0) { return Number(process.argv[at + 1]); }
	return existsSync(out) ? JoinPairs.decode(readFileSync(out)).source.wasmOffset : undefined;
}

let offset = offsetArgument();
let dictionary = offset === undefined ? undefined : dictionaryAt(offset);
if (dictionary === undefined) {
	console.log(`looking for the dictionary in ${wasmPath} (${wasm.length} bytes; a few minutes)…`);
	for (offset = 0; offset < wasm.length && dictionary === undefined; offset++) { dictionary = dictionaryAt(offset); }
	offset--;
	if (dictionary === undefined) { throw new Error('no dictionary found in jieba-wasm'); }
}
const words = dictionary.split('\n').filter((l) => l !== '').map((l) => l.slice(0, l.indexOf(' ')));
const sha256 = createHash('sha256').update(dictionary).digest('hex');
const table = JoinPairs.fromKeys(pairsOfWords(words), { wasmOffset: offset, sha256 });
writeFileSync(out, table.encode());
console.log(`${out}: ${table.size} pairs from ${words.length} words (dictionary at byte ${offset}, sha256 ${sha256.slice(0, 16)}…)`);
