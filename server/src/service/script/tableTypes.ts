/**
 * The shapes of the script tables (tables.ts): the character classes, the risk bits and what
 * every table holds. Apart from tables.ts so that the tools building the generated part
 * (derivedTables.ts, tools/build-script-tables.mjs) never load the data they generate.
 */
import type { PhraseTable } from './phraseTable';

/** Character classes, one byte per BMP code unit. */
export const enum CharClass { Other = 0, SimplifiedOnly = 1, TraditionalOnly = 2, Han = 3 }

/**
 * Bits of `risky`: which traditional targets would convert this character in some context;
 * `Over`: a traditional character that is one of several forms of its simplified character
 * (後 of 后, 幹 of 干), so that a phrase may want another (皇后, 干預): an over-conversion;
 * `Lone`: a character its default conversion changes (后 → 後), flagged unless a phrase keeps it.
 */
export const enum Risk { Any = 1, Tw = 2, Hk = 4, Simplified = 8, Over = 16, Lone = 32 }

export type StPhrase = readonly [tw: string, hk: string, ambiguous: boolean];

/** The tables read from OpenCC's dictionaries (script.json) as they are: openccTables.ts. */
export interface OpenccTables {
	readonly cls: Uint8Array;
	/** Default traditional → simplified code unit (0 when the character is not converted). */
	readonly t2s: Uint16Array;
	/** Simplified character → every traditional candidate, OpenCC's default first. */
	readonly stCandidates: ReadonlyMap<string, readonly string[]>;
	/** Traditional character → every simplified candidate, default first. */
	readonly tsCandidates: ReadonlyMap<string, readonly string[]>;
	readonly twVariant: ReadonlyMap<string, string>;
	readonly hkVariant: ReadonlyMap<string, string>;
	/** Simplified phrases → [Taiwan form, Hong Kong form, whether correct text may write it another way]. */
	readonly stPhrases: PhraseTable<StPhrase>;
	/** Traditional phrases → [simplified form]. */
	readonly tsPhrases: PhraseTable<readonly [string]>;
	/** Characters valid in both scripts that traditional text writes alone only as leftovers (广, 党; tools/build-script-data.mjs). */
	readonly strict: ReadonlySet<string>;
}

/** The tables derived from those, generated at build time (derivedTables.ts). */
export interface DerivedTables {
	readonly risky: Uint8Array;
	/** OpenCC's default single-character conversion to Taiwan and Hong Kong forms (0: unchanged). */
	readonly defaultTw: Uint16Array;
	readonly defaultHk: Uint16Array;
	/**
	 * Character → the simplified neighbours (before it; after it + 0x10000) beside which some
	 * phrase writes it otherwise: 胡 before 同 (胡同 → 衚衕), 皇 before 後 (皇后). A character that
	 * only a phrase changes (not `Lone`) needs phrase matching only beside one of these.
	 */
	readonly neighbours: ReadonlyMap<number, ReadonlySet<number>>;
}

export interface ScriptTables extends OpenccTables, DerivedTables {}

export function isHan(code: number): boolean {
	return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}
