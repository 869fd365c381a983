// Dev-only (issue 17's neural experiment, see train.py beside this file): writes the recognizer's
// training text and dev splits as tools/train-ner.mjs reads them — folded to simplified by the
// server's own foldText, PER/ORG/LOC gold spans, MISC dropped — plus msra-dev in traditional
// script (opencc-js cn→tw, then folded, as the server would see it). The public benchmarks' test
// splits are not read.
//   node tools/ner-neural/export.mjs /tmp/ner-neural      (after `npm run build`)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { Converter } from 'opencc-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = join(root, '../shared/corpus/ner-train');
const outDir = process.argv[2] ?? '/tmp/ner-neural';
mkdirSync(outDir, { recursive: true });

const discovery = join(root, 'server/src/service/entities/discovery.ts');
await esbuild.build({
	stdin: { contents: `export { foldText } from ${JSON.stringify(discovery)};`, resolveDir: root, loader: 'ts' },
	bundle: true, platform: 'node', format: 'esm', outfile: join(outDir, 'fold.mjs'), logLevel: 'warning',
});
const { foldText } = await import(pathToFileURL(join(outDir, 'fold.mjs')).href);

const typeIndex = { PER: 0, ORG: 1, LOC: 2 };
const toTraditional = Converter({ from: 'cn', to: 'tw' });
const read = (name) => readFileSync(join(dataDir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** One line a sentence: {src, t: folded text, g: [[start, end, type], …]} (offsets unchanged: folding keeps lengths). */
function write(name, records, convert = (text) => text) {
	const lines = records.map((r) => {
		const text = foldText(convert(r.text));
		if (text.length !== r.text.length) { throw new Error(`${r.id}: conversion changed the length`); }
		const gold = r.entities.filter((e) => e.type in typeIndex).map((e) => [e.start, e.end, typeIndex[e.type]]);
		return JSON.stringify({ src: r.id.split(':')[0], t: text, g: gold });
	});
	writeFileSync(join(outDir, `${name}.jsonl`), `${lines.join('\n')}\n`);
	console.log(`${name}: ${records.length} sentences`);
}

write('train', ['msra-train.part1', 'msra-train.part2', 'msra-train.part3', 'cluener-train'].flatMap(read));
write('msra-dev', read('msra-dev'));
write('msra-dev-tw', read('msra-dev'), (text) => toTraditional(text));
write('cluener-dev', read('cluener-dev'));
