/**
 * Segmentation through a cache, many texts per call: what a rule asks of jieba for the pieces of
 * one document (a paragraph's edges, pairs of edges) is cut in one call, not one per piece.
 */
import { cutEach, type LineCache, type Segmenter } from '../types';

/**
 * `decide(key, words)` of each key, through `cache`, the words being the segmenter's cut of
 * `textOf(key)`: the keys not cached are cut in one call (jieba is called once per document, not
 * once per edge or pair). The results are kept here too: the cache may drop them meanwhile.
 */
export function segmented<T>(segmenter: Segmenter, cache: LineCache<T>, keys: readonly string[], textOf: (key: string) => string, decide: (key: string, words: readonly string[]) => T): Map<string, T> {
	const results = new Map<string, T>();
	const missing: string[] = [];
	for (const key of keys) {
		if (results.has(key)) { continue; }
		const cached = cache.get(key);
		results.set(key, cached as T);
		if (cached === undefined) { missing.push(key); }
	}
	const cuts = cutEach(segmenter, missing.map(textOf));
	missing.forEach((key, i) => {
		const value = decide(key, cuts[i]);
		cache.set(key, value);
		results.set(key, value);
	});
	return results;
}

