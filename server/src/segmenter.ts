/**
 * The segmenter and tagger the server gives the core: jieba-wasm (jieba-rs compiled to
 * WebAssembly: the same output as the native @node-rs/jieba, one portable package for every OS,
 * nothing built at install). Loaded on first use (about 0.2 s, 4 MB of wasm that the build copies
 * beside the bundle), so sessions that never need words never pay for it.
 */
import type { Segmenter, Tagger } from './service';

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
	return {
		// Dictionary words only: jieba's HMM invents words for unknown runs (重从), which a join must not trust.
		cut: (text) => load()?.cut(text, false) ?? [text],
		// With the HMM: unknown names come back as one word more often, which is what the recognizer needs.
		tag: (text) => load()?.tag(text, true) ?? [{ word: text, tag: 'x' }],
	};
}
