/**
 * The segmenter and tagger the server gives the core: jieba-wasm (jieba-rs compiled to
 * WebAssembly: the same output as the native @node-rs/jieba, one portable package for every OS,
 * nothing built at install). Loaded on first use (about 0.2 s, 4 MB of wasm that the build copies
 * beside the bundle), so sessions that never need words never pay for it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Segmenter, Tagger } from './service';
import { NameModel } from './service/entities/ner/model';
import { JoinPairs } from './service/text/joinPairs';

interface Jieba {
	cut(text: string, hmm?: boolean): string[];
	tag(text: string, hmm?: boolean): { word: string; tag: string }[];
}

export function jiebaSegmenter(onError: (message: string) => void = () => undefined): Segmenter & Tagger {
	let jieba: Jieba | undefined;
	let failed = false;
	const load = (): Jieba | undefined => {
		if (failed) { return undefined; }
		try {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			return jieba ??= require('jieba-wasm') as Jieba;
		} catch (e) {
			// Without words, features that need them do less (no joins suggested, fewer names); say so once.
			failed = true;
			onError(`zh-corpus: word segmentation is unavailable (${e instanceof Error ? e.message : String(e)}); paragraph joins are not suggested and fewer names are recognized.`);
			return undefined;
		}
	};
	let model: NameModel | undefined;
	let modelFailed = false;
	// Without the table every cut is asked of jieba: the same answers, only slower (so no message).
	let pairs: JoinPairs | null | undefined;
	const loadPairs = (): JoinPairs | null => {
		try {
			return JoinPairs.decode(fs.readFileSync(dataPath('join-pairs.bin')));
		} catch {
			return null;
		}
	};
	return {
		/** The name recognizer's weights, read on first use (about 6 MB; beside the bundle, or in server/data when run from source). */
		get nameModel() {
			if (model || modelFailed) { return model; }
			try {
				model = new NameModel(fs.readFileSync(dataPath('ner-model.bin')));
			} catch (e) {
				modelFailed = true;
				onError(`zh-corpus: the name recognizer could not be loaded (${e instanceof Error ? e.message : String(e)}); people, organizations and places are not recognized.`);
			}
			return model;
		},
		// Dictionary words only: jieba's HMM invents words for unknown runs (重从), which a join must not trust.
		cut: (text) => load()?.cut(text, false) ?? [text],
		cutMany: (texts) => {
			const j = load();
			return j ? cutJoined(j, texts) : texts.map((t) => [t]);
		},
		// The pairs inside the dictionary's words (tools/build-join-pairs.mjs, from the dictionary jieba-wasm embeds).
		mayJoin: (first, second) => (pairs === undefined ? (pairs = loadPairs()) : pairs)?.mayJoin(first, second) ?? true,
		// With the HMM: unknown names come back as one word more often, which is what the recognizer needs.
		tag: (text) => load()?.tag(text, true) ?? [{ word: text, tag: 'x' }],
	};
}

/**
 * `texts.map((t) => jieba.cut(t, false))` in one call: jieba never makes a word across a line
 * break and gives each break as a word of its own, so the texts are cut joined by breaks and the
 * words split at them (a call costs ≈ 17 µs for 16 characters, most of it the crossing into
 * WebAssembly). Texts holding a break or a carriage return (`\r\n` is one word) are cut one by one.
 */
export function cutJoined(jieba: Pick<Jieba, 'cut'>, texts: readonly string[]): string[][] {
	if (texts.length < 2 || texts.some((t) => t.includes('\n') || t.includes('\r'))) { return texts.map((t) => jieba.cut(t, false)); }
	const out: string[][] = [];
	let words: string[] = [];
	for (const w of jieba.cut(texts.join('\n'), false)) {
		if (w === '\n') { out.push(words); words = []; } else { words.push(w); }
	}
	out.push(words);
	// Never expected; if jieba ever joined across a break, the texts are cut alone.
	return out.length === texts.length ? out : texts.map((t) => jieba.cut(t, false));
}

/** A data file (the name model, the join pairs): copied beside the bundle by esbuild.mjs; server/data/ in a source checkout. */
function dataPath(name: string): string {
	const beside = path.join(__dirname, name);
	return fs.existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'server', 'data', name);
}
