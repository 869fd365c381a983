#!/usr/bin/env node
// Trains the page-chrome model on every page of the dev set and writes server/data/chrome-model.json
// (tools/chrome/write.ts). Run after changing the features; measure with tools/chrome-eval.mjs.
//   node tools/chrome-train.mjs [--set ../shared/corpus/web-pages]
import { runEntry } from './chrome/bundle.mjs';

process.exit(await runEntry('write', process.argv.slice(2)));
