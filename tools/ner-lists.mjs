// The lists the name recognizer's features read besides the line, built for tools/train-ner.mjs:
// jieba's dictionary words and the names labelled in the training text (per fold, for
// jackknifing). `core` is the bundle of the server's recognizer code the
// trainer imports, so the keys are computed exactly as the server computes them.
import { readFileSync } from 'node:fs';

/**
 * The dictionary: jieba's words of 2–6 Han characters with their word class, and the flag
 * `continues` on every entry (word or not) that longer words start with.
 */
export function dictionaryEntries(dictPath, core) {
	const { foldText, wordKeyOf, wordClassOf, maxWordLength, classMask, continues } = core;
	const entries = new Map();
	for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
		const [raw, , tag] = line.trim().split(' ');
		if (!raw || !tag || raw.length < 2 || raw.length > maxWordLength || !/^[\u3400-\u9fff]+$/.test(raw)) { continue; }
		const word = foldText(raw);
		const key = wordKeyOf(word);
		// The first entry of a word decides its class (jieba lists some words twice).
		if (((entries.get(key) ?? 0) & classMask) === 0) { entries.set(key, (entries.get(key) ?? 0) | wordClassOf(tag)); }
		for (let length = 2; length < word.length; length++) {
			const prefix = wordKeyOf(word.slice(0, length));
			entries.set(prefix, (entries.get(prefix) ?? 0) | continues);
		}
	}
	return { keys: [...entries.keys()], classes: [...entries.values()] };
}

/**
 * The names of the training text (`train`: parsed sentences with `text`, `gold` spans of type
 * 0–2 and `fold`): how often each string was tagged with each type, and how often it is
 * written at all, per fold. `list(leftOut)` is the names list without that fold (-1: all), as
 * the recognizer reads it; a name tagged fewer than `minimum` times there is left out.
 */
export function trainingNames(train, folds, minimum, core) {
	const { wordKeyOf, nameEntry, nameContinues, maxNameLength } = core;
	const counts = new Map();
	for (const s of train) {
		for (const g of s.gold) {
			const name = s.text.slice(g.start, g.end);
			if (name.length < 2 || name.length > maxNameLength) { continue; }
			let c = counts.get(name);
			if (!c) { counts.set(name, c = { tagged: new Int32Array(folds * 3), written: new Int32Array(folds) }); }
			c.tagged[s.fold * 3 + g.type]++;
		}
	}
	for (const s of train) {
		for (let i = 0; i < s.n; i++) {
			for (let j = i + 2; j <= Math.min(s.n, i + maxNameLength); j++) {
				const c = counts.get(s.text.slice(i, j));
				if (c) { c.written[s.fold]++; }
			}
		}
	}
	function list(leftOut) {
		const entries = new Map();
		for (const [name, c] of counts) {
			const byType = [0, 0, 0];
			let written = 0;
			for (let f = 0; f < folds; f++) {
				if (f === leftOut) { continue; }
				for (let t = 0; t < 3; t++) { byType[t] += c.tagged[f * 3 + t]; }
				written += c.written[f];
			}
			const tagged = byType[0] + byType[1] + byType[2];
			if (tagged < minimum) { continue; }
			const type = byType.indexOf(Math.max(...byType));
			const key = wordKeyOf(name);
			entries.set(key, (entries.get(key) ?? 0) | nameEntry(type, tagged, written));
			for (let length = 2; length < name.length; length++) {
				const prefix = wordKeyOf(name.slice(0, length));
				entries.set(prefix, (entries.get(prefix) ?? 0) | nameContinues);
			}
		}
		return { keys: [...entries.keys()], entries: [...entries.values()] };
	}
	return { size: counts.size, list };
}
