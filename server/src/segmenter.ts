/**
 * The segmenter the server gives the core: jieba-wasm (jieba-rs compiled to WebAssembly: the
 * same output as the native @node-rs/jieba, one portable package for every OS, nothing built at
 * install). Loaded on first use (about 0.2 s, 4 MB of wasm that the build copies beside the
 * bundle), so documents that never need words never pay for it.
 */
import type { Segmenter } from './service';

type Cut = (text: string, hmm?: boolean) => string[];

export function jiebaSegmenter(onError: (message: string) => void = () => undefined): Segmenter {
	let cut: Cut | undefined;
	let failed = false;
	return {
		cut(text: string): string[] {
			if (failed) { return [text]; }
			try {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				cut ??= (require('jieba-wasm') as { cut: Cut }).cut;
				// Dictionary words only: jieba's HMM invents words for unknown runs (重从), which a join must not trust.
				return cut(text, false);
			} catch (e) {
				// Without words, rules that need them fall back to reporting less; say so once.
				failed = true;
				onError(`zh-corpus: word segmentation is unavailable (${e instanceof Error ? e.message : String(e)}); paragraph joins are not suggested.`);
				return [text];
			}
		},
	};
}
