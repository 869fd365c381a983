/**
 * The one-time tables a fresh worker builds in its first jobs, each timed on its first use in a
 * fresh process, in the order the first index and check jobs need them (a table another one
 * builds on is timed first, so each row is that table's own cost). Run by bench/workerStart.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scriptTables, traditionalToSimplified } from '../server/src/service/script/tables';
import { foldTable } from '../server/src/service/boilerplate/normalize';
import { lineShape } from '../server/src/service/boilerplate/lineShape';
import { pageModel } from '../server/src/service/boilerplate/pageModel';
import { severalForms } from '../server/src/service/script/spelling';
import { regionalCodes } from '../server/src/service/script/consistency';
import { triageLine } from '../server/src/service/script/triage';
import { RegionalStandards } from '../server/src/service/script/regional';
import { NameModel } from '../server/src/service/entities/ner/model';
import { JoinPairs } from '../server/src/service/text/joinPairs';
import { lexiconMarks } from '../server/src/service/entities/ner/lexiconMarks';
import { lineFeatures } from '../server/src/service/entities/ner/features';

const rows: { name: string; ms: number }[] = [];
/**
 * The first call of `build`; for a memoized table, minus a second call (what is left is the
 * table's one-time cost, not the work a call does each time).
 */
function time(name: string, build: () => unknown, memoized = true): void {
	let t = performance.now();
	build();
	const first = performance.now() - t;
	t = performance.now();
	if (memoized) { build(); }
	rows.push({ name, ms: first - (memoized ? performance.now() - t : 0) });
}

const data = (name: string) => fs.readFileSync(path.join(__dirname, name));
const sample = '责任编辑：張三 今天天气很好，我们去公园散步。';

time('script: traditional → simplified (t2s)', () => traditionalToSimplified());
time('script: tables read and decoded (scriptTables)', () => scriptTables());
time('script: traditional phrases (tsPhrases)', () => scriptTables().tsPhrases.longestAt('著名', 0, 2));
time('script: simplified phrases (stPhrases)', () => scriptTables().stPhrases.longestAt('中国', 0, 2));
time('line fold (normalize foldTable)', () => foldTable());
time('line shape classes', () => lineShape(sample));
time('chrome page model (checked)', () => pageModel());
time('spelling: several forms', () => severalForms());
time('regional codes', () => regionalCodes());
time('triage table', () => triageLine(sample));
time('regional standards (mixed-script)', () => new RegionalStandards([]), false);
time('name model (ner-model.bin)', () => new NameModel(data('ner-model.bin')), false);
time('join pairs (join-pairs.bin)', () => JoinPairs.decode(data('join-pairs.bin')), false);
let jieba: { cut(text: string, hmm: boolean): string[] } | undefined;
time('jieba: wasm compiled and instantiated', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	jieba ??= require('jieba-wasm') as typeof jieba;
});
time('jieba: dictionary built (first cut)', () => jieba!.cut(sample, false));
time('names: lexicon lists', () => lexiconMarks(sample));
time('names: feature classes', () => lineFeatures(sample, undefined, undefined));
for (const r of rows) { console.log(JSON.stringify({ name: `start-up table: ${r.name}`, value: `${r.ms.toFixed(1)} ms` })); }
