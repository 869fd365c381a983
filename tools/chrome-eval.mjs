#!/usr/bin/env node
// Leave-one-site-out evaluation of page-chrome detection (tools/chrome/evaluate.ts):
//   node tools/chrome-eval.mjs [--set DIR] [--in-sample] [--misses] [--dump PAGE [--passes]] [--lines FILE]
import { runEntry } from './chrome/bundle.mjs';

process.exit(await runEntry('evaluate', process.argv.slice(2)));
