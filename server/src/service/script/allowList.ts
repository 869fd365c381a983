/**
 * Regional variants accepted in traditional text although OpenCC converts them (發布, 周年,
 * 伙伴 …): the built-in list in server/data/regional-variants.json plus the user's
 * `zhCorpus.script.allow`. The mixed-script rule reports them at most as Hints.
 */
import builtIn from '../../../data/regional-variants.json';

type Region = 'tw' | 'hk';

interface Entry { readonly text: string; readonly regions: readonly Region[] }

export class AllowList {
	/** First-character index: char → entries holding it. */
	readonly #byChar = new Map<string, Entry[]>();
	/** A stable string naming the list, for cache keys. */
	readonly key: string;

	constructor(userWords: readonly string[]) {
		const entries: Entry[] = [
			...builtIn.entries.map((e) => ({ text: e.text, regions: e.regions as Region[] })),
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

	/** True when an accepted word of the target's region overlaps `[start, end)` of `line`. */
	covers(line: string, start: number, end: number, target: 'traditional' | 'traditional-tw' | 'traditional-hk'): boolean {
		for (let k = start; k < end; k++) {
			for (const entry of this.#byChar.get(line[k]) ?? []) {
				if (target === 'traditional-tw' && !entry.regions.includes('tw')) { continue; }
				if (target === 'traditional-hk' && !entry.regions.includes('hk')) { continue; }
				for (let j = entry.text.indexOf(line[k]); j >= 0; j = entry.text.indexOf(line[k], j + 1)) {
					if (line.startsWith(entry.text, k - j)) { return true; }
				}
			}
		}
		return false;
	}
}
