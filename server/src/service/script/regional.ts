/**
 * Regional standards (server/data/regional-variants.json, sources named there): forms correct
 * traditional text writes although OpenCC writes another — character pairs (周 for 週, 着 in
 * Hong Kong), words (發布, 家具) and the user's `zhCorpus.script.allow` — and the characters
 * whose lone default conversion is not trusted (surnames 范/余/郁/于, 里). The mixed-script rule
 * reports these at most as Hints.
 */
import data from '../../../data/regional-variants.json';
import type { FixedTarget } from './detect';

type Region = 'tw' | 'hk';

interface Entry { readonly text: string; readonly regions: readonly Region[] }

function inRegion(regions: readonly Region[], target: FixedTarget): boolean {
	if (target === 'traditional-tw') { return regions.includes('tw'); }
	if (target === 'traditional-hk') { return regions.includes('hk'); }
	return target === 'traditional';
}

export class RegionalStandards {
	/** First-character index: char → word entries holding it. */
	readonly #byChar = new Map<string, Entry[]>();
	/** `found` + `standard` → regions where `found` is accepted. */
	readonly #pairs = new Map<string, readonly Region[]>();
	readonly #bare = new Set(data.bare.chars);
	/** A stable string naming the user's words, for cache keys. */
	readonly key: string;

	constructor(userWords: readonly string[]) {
		for (const p of data.pairs) { this.#pairs.set(p.found + p.standard, p.regions as Region[]); }
		const entries: Entry[] = [
			...data.entries.map((e) => ({ text: e.text, regions: e.regions as Region[] })),
			...userWords.filter((w) => w.length > 0).map((w) => ({ text: w, regions: ['tw', 'hk'] as Region[] })),
		];
		for (const entry of entries) {
			for (const ch of new Set(entry.text)) {
				const list = this.#byChar.get(ch) ?? [];
				list.push(entry);
				this.#byChar.set(ch, list);
			}
		}
		this.key = userWords.join('\u0001');
	}

	/** True when the target's region writes `found` where OpenCC writes `standard` (周 for 週), character by character. */
	acceptsPair(found: string, standard: string, target: FixedTarget): boolean {
		if (found.length !== standard.length || target === 'simplified') { return false; }
		for (let k = 0; k < found.length; k++) {
			if (found[k] === standard[k]) { continue; }
			const regions = this.#pairs.get(found[k] + standard[k]);
			if (!regions || !inRegion(regions, target)) { return false; }
		}
		return true;
	}

	/** True when an accepted word of the target's region overlaps `[start, end)` of `line`. */
	covers(line: string, start: number, end: number, target: FixedTarget): boolean {
		if (target === 'simplified') { return false; }
		for (let k = start; k < end; k++) {
			for (const entry of this.#byChar.get(line[k]) ?? []) {
				if (!inRegion(entry.regions, target)) { continue; }
				for (let j = entry.text.indexOf(line[k]); j >= 0; j = entry.text.indexOf(line[k], j + 1)) {
					if (line.startsWith(entry.text, k - j)) { return true; }
				}
			}
		}
		return false;
	}

	/** A character whose lone default conversion is not trusted (范, 里, 郁 …). */
	isBare(ch: string): boolean {
		return this.#bare.has(ch);
	}
}
