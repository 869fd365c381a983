// Dev-only (issue 17's neural experiment, see train.py): tools/train-ner.mjs --dump-features DIR
// calls this after featurizing, so the neural tagger can embed the very features the linear model
// is trained on (jackknifed names list for the training text, the full list for the dev splits).
// Writes DIR/<split>.features.i32: per character, featureSlots Int32 hash buckets (−1 = none), in
// the order export.mjs writes the sentences.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';

/** @param sets {train, msraDev, cluenerDev}: featurized sentences; prepareTraditional(convert) parses and featurizes msra-dev converted. */
export function dumpFeatures(dir, { train, msraDev, cluenerDev }, prepareTraditional) {
	const toTraditional = Converter({ from: 'cn', to: 'tw' });
	const traditional = prepareTraditional((text) => toTraditional(text));
	for (const [name, set] of [['train', train], ['msra-dev', msraDev], ['msra-dev-tw', traditional], ['cluener-dev', cluenerDev]]) {
		const all = new Int32Array(set.reduce((a, s) => a + s.features.length, 0));
		let at = 0;
		for (const s of set) { all.set(s.features, at); at += s.features.length; }
		writeFileSync(join(dir, `${name}.features.i32`), Buffer.from(all.buffer));
		console.log(`${name}: ${set.length} sentences, ${all.length} features`);
	}
}
