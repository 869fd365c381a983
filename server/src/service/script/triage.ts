/**
 * One pass over a line's code units that says what the mixed-script rule's other passes could
 * find there: its script counts, and whether it holds any unit that could start a candidate for
 * a simplified target, for a traditional one, regional evidence, a respelled surname or a
 * spelling site. Each bit is a superset of what its pass looks at (the test in
 * test/unit/scriptTriage.test.ts compares every pass with its bit), so a line without the bit
 * is skipped with the same result; most lines of a document hold none of them.
 */
import { regionalCodes } from './consistency';
import type { ScriptCounts } from './detect';
import { overConvertedSurname } from './names';
import { severalForms } from './spelling';
import { CharClass, Risk, scriptTables } from './tables';

export const enum Holds {
	/** A unit of the other script or one a phrase may read otherwise: `needsCheck(line, 'simplified')` exactly. */
	ForSimplified = 1,
	/** A unit `mayFlag` can accept for some traditional target: `needsCheck` for a traditional target may be true. */
	ForTraditional = 2,
	/** A unit `regionEvidence` counts. */
	Region = 4,
	/** A surname a converter respells (`mayHoldMisspelledSurname` exactly). */
	Surname = 8,
	/** A unit `spellingSites` may report. */
	Spelling = 16,
}

export interface LineTriage {
	readonly script: ScriptCounts;
	/** `Holds` bits of the line's units, or-ed. */
	readonly holds: number;
}

/** Per code unit: the class count it adds (bits 6–7) and its `Holds` bits. */
let table: Uint8Array | undefined;
const simplifiedOnly = 64, traditionalOnly = 128;

function triageTable(): Uint8Array {
	if (table) { return table; }
	const t = scriptTables();
	const region = regionalCodes();
	const several = severalForms();
	const out = new Uint8Array(0x10000);
	for (let c = 0; c < 0x10000; c++) {
		const cls = t.cls[c];
		const risk = t.risky[c];
		let bits = cls === CharClass.SimplifiedOnly ? simplifiedOnly : cls === CharClass.TraditionalOnly ? traditionalOnly : 0;
		if (cls === CharClass.TraditionalOnly || (risk & Risk.Simplified) !== 0) { bits |= Holds.ForSimplified; }
		// mayFlag: a simplified-only unit, or one with a risk bit of some traditional target or `Over`.
		if (cls === CharClass.SimplifiedOnly || (risk & (Risk.Any | Risk.Tw | Risk.Hk | Risk.Over)) !== 0) { bits |= Holds.ForTraditional; }
		if (region[c]) { bits |= Holds.Region; }
		if (overConvertedSurname[c]) { bits |= Holds.Surname; }
		if (several[c]) { bits |= Holds.Spelling; }
		out[c] = bits;
	}
	return table = out;
}

export function triageLine(text: string): LineTriage {
	const tab = triageTable();
	let simplified = 0, traditional = 0, holds = 0;
	for (let i = 0; i < text.length; i++) {
		const b = tab[text.charCodeAt(i)];
		if (b === 0) { continue; }
		holds |= b;
		if (b & simplifiedOnly) { simplified++; } else if (b & traditionalOnly) { traditional++; }
	}
	return { script: { simplified, traditional }, holds: holds & 31 };
}
