/**
 * Trains the page-chrome model on the whole dev set (../shared/corpus/web-pages, read in place)
 * and writes server/data/chrome-model.json: the weights only, rounded, no text of any page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { devPages } from './pages';
import { trainFor } from './train';

const args = process.argv.slice(2);
const i = args.indexOf('--set');
const root = process.env.ZH_CORPUS_ROOT ?? process.cwd();
const setDir = path.resolve(i >= 0 ? args[i + 1] : path.join(root, '..', 'shared', 'corpus', 'web-pages'));
const pages = devPages(setDir);
const model = trainFor(pages);
const round = (_key: string, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value);
const about = `Page-chrome model trained by tools/chrome-train.mjs on ${pages.length} labelled pages of ${new Set(pages.map((p) => p.site)).size} sites; see boilerplate/pageModel.ts.`;
const out = path.join(root, 'server', 'data', 'chrome-model.json');
fs.writeFileSync(out, `${JSON.stringify({ about, ...model }, round)}\n`);
console.log(`${out}: ${model.stageTwo.trees.length} trees of depth ${model.stageTwo.depth}, ${fs.statSync(out).size} bytes`);
