/**
 * Feature rows of a page's non-blank lines for the page-chrome model (pageModel.ts). Stage one:
 * a line's shape (lineShape.ts), pattern-table evidence, its neighbours and the runs it is part
 * of. Stage two adds stage one's verdicts around the line and where it stands relative to the
 * article spans found from them (body.ts). Nothing here names a site or a menu word: only shapes.
 */
import type { LineShape } from './lineShape';
import { Scratch } from './scratch';

/** What the features need of one non-blank line. */
export interface RowInput {
	readonly shape: LineShape;
	/** A pattern-table row deletes the whole line. */
	readonly patternLine: boolean;
	/** The line is a source, date or byline row of the pattern table (metadata of an article's head). */
	readonly metadata: boolean;
	readonly relatedHeading: boolean;
	/** The line's folded text, for repeats within the page. */
	readonly key: string;
	/** Its first two characters without spaces (lines opening as the article's do). */
	readonly opening: string;
}

export const featureNames = [
	'length', 'han', 'latin', 'digits', 'functionWords', 'sentenceMarks', 'clauseDensity', 'endsSentence', 'gaps', 'wordLength',
	'separators', 'brackets', 'quotes', 'listMarker', 'numeric', 'date', 'time', 'truncated', 'counted', 'url', 'label',
	'patternLine', 'relatedHeading', 'repeatsInPage', 'previousLength', 'previousProse', 'nextLength', 'nextProse',
	'shortRun', 'headlineRun', 'proseNearby', 'listRun', 'position',
	// stage two
	'stageOne', 'stageOneNear', 'stageOneAround', 'stageOneBestNeighbour', 'inArticle', 'inMainArticle', 'beforeMain', 'afterMain',
	'mainStrength', 'edgeDistance', 'articles', 'stageOneVersusMain', 'lengthVersusMain', 'functionWordsVersusMain', 'mainEndsSentences',
	'shapeInMain', 'openingInMain',
] as const;

export const stageOneCount = featureNames.indexOf('stageOne');
export const featureCount = featureNames.length;

export const log = (x: number) => Math.log1p(Math.max(0, x));

/**
 * `log` of the integers below 65,536, from a table filled as they are asked for: stage two takes
 * five logs of counts and distances per row (≈ 0.4 ms per edit of a 1 MB page). The same
 * function fills it, so a value from the table is the value `log` gives.
 */
const intLogs = new Float64Array(65536).fill(-1);
export function logOfCount(k: number): number {
	if (k < 0 || k >= 65536) { return log(k); }
	const v = intLogs[k];
	return v >= 0 ? v : (intLogs[k] = log(k));
}

/** Prose: a sentence a reader would keep (not the model: a fixed shape used for neighbours and runs). */
export function prose(s: LineShape): boolean {
	return s.length >= 10 && (s.endsSentence || s.sentenceMarks > 0 || s.clauseMarks >= 2);
}

const short = (s: LineShape) => s.length <= 8 && !s.endsSentence;
const headline = (s: LineShape) => s.length <= 40 && s.sentenceMarks === 0 && !s.endsSentence;
const listItem = (s: LineShape) => s.listMarker || s.numeric;

/** Lengths of the runs of rows satisfying `test` that each row is part of (0 when it is not). */
function runs(rows: readonly RowInput[], test: (s: LineShape) => boolean): Uint32Array {
	const out = new Uint32Array(rows.length);
	for (let i = 0; i < rows.length;) {
		if (!test(rows[i].shape)) { i++; continue; }
		let j = i;
		while (j < rows.length && test(rows[j].shape)) { j++; }
		out.fill(j - i, i, j);
		i = j;
	}
	return out;
}

/**
 * Writes the features of a line that depend on its text alone (the first `ownCount`) at `o`:
 * computed per row rather than kept per line, so a huge page holds no array per line.
 */
function ownFeatures(s: LineShape, x: Float64Array, o: number): void {
	const len = Math.max(1, s.length);
	x[o] = log(s.length); x[o + 1] = s.han / len; x[o + 2] = s.latin / len; x[o + 3] = s.digits / len;
	x[o + 4] = s.functionWords / Math.max(1, s.han); x[o + 5] = s.sentenceMarks > 0 ? 1 : 0;
	x[o + 6] = Math.min(5, (s.clauseMarks * 10) / len); x[o + 7] = s.endsSentence ? 1 : 0; x[o + 8] = log(s.gaps); x[o + 9] = log(len / (s.gaps + 1));
	x[o + 10] = log(s.separators); x[o + 11] = log(s.brackets); x[o + 12] = s.quotes > 0 ? 1 : 0; x[o + 13] = s.listMarker ? 1 : 0;
	x[o + 14] = s.numeric ? 1 : 0; x[o + 15] = s.hasDate ? 1 : 0; x[o + 16] = s.hasTime ? 1 : 0;
	x[o + 17] = s.truncated ? 1 : 0; x[o + 18] = s.counted ? 1 : 0; x[o + 19] = s.url ? 1 : 0; x[o + 20] = s.label ? 1 : 0;
}

const ownCount = featureNames.indexOf('patternLine');

// Each page's arrays that no result keeps (scratch.ts).
const proseScratch = new Scratch((n) => new Uint8Array(n)), proseSumScratch = new Scratch((n) => new Int32Array(n));

/** What stage one read of a page: with the features, what the next version of the page compares itself with. */
export interface StageOne {
	/** Row-major features, `featureCount` per row: stage one's filled, stage two's 0. */
	readonly x: Float64Array;
	readonly rows: readonly RowInput[];
	/** Per row, the lengths of its runs of short, headline-shaped and list lines. */
	readonly runs: readonly [Uint32Array, Uint32Array, Uint32Array];
	/** How many rows hold each text (the next version updates it in place: this state is then used no more). */
	readonly keyCount: Map<string, number>;
	/** Rows whose stage-one features were copied from the last version's (undefined: none). */
	readonly kept?: Uint8Array;
	/** The array `x` started as a copy of (the last version's features), when `kept` is defined. */
	readonly copiedFrom?: Float64Array;
}

/**
 * Stage-one features of every row, `featureCount` numbers per row (stage two's left 0). With the
 * page's last version (`last`), a row whose inputs are all as they were there — the same line
 * (the same facts object) for it and four rows on either side, the same runs, the same count of
 * its text in the page, the same number of rows — has its features copied: they would be equal.
 */
export function stageOneFeatures(rows: readonly RowInput[], last?: StageOne, spare?: Float64Array): StageOne {
	const n = rows.length;
	// Every number of a row is written below or by stage two (addStageTwo): a spare array of the
	// right size needs no clearing, and a page's next version allocates no megabyte per edit.
	const x = spare?.length === n * featureCount ? spare : new Float64Array(n * featureCount);
	const runLengths = [runs(rows, short), runs(rows, headline), runs(rows, listItem)] as const;
	const [shortRun, headlineRun, listRun] = runLengths;
	const isProse = proseScratch.atLeast(n);
	for (let i = 0; i < n; i++) { isProse[i] = prose(rows[i].shape) ? 1 : 0; }
	const proseSum = proseSumScratch.atLeast(n + 1);
	proseSum[0] = 0;
	for (let i = 0; i < n; i++) { proseSum[i + 1] = proseSum[i] + isProse[i]; }
	const same = last && last.rows.length === n ? last : undefined;
	// Rows that are not the last version's row at their index, summed (a window is unchanged when its sum is).
	const changed = same ? new Int32Array(n + 1) : undefined;
	const edited: number[] = [];
	if (same) {
		for (let i = 0; i < n; i++) {
			const differs = rows[i] !== same.rows[i];
			changed![i + 1] = changed![i] + (differs ? 1 : 0);
			if (differs) { edited.push(i); }
		}
	}
	// How many rows hold each text: the last version's counts with the edited rows' texts moved
	// (counting every row again hashes every line); `before` keeps the counts that moved.
	const keyCount = same ? same.keyCount : new Map<string, number>();
	const before = new Map<string, number>();
	if (same) {
		for (const i of edited) { for (const key of [same.rows[i].key, rows[i].key]) { if (!before.has(key)) { before.set(key, keyCount.get(key) ?? 0); } } }
		for (const i of edited) {
			const old = same.rows[i].key, count = keyCount.get(old)! - 1;
			if (count === 0) { keyCount.delete(old); } else { keyCount.set(old, count); }
			keyCount.set(rows[i].key, (keyCount.get(rows[i].key) ?? 0) + 1);
		}
	} else {
		for (const r of rows) { keyCount.set(r.key, (keyCount.get(r.key) ?? 0) + 1); }
	}
	const kept = same ? new Uint8Array(n) : undefined;
	if (same) { copyKept(x, same); }
	for (let i = 0; i < n; i++) {
		const o = i * featureCount;
		const lo = Math.max(0, i - 4), hi = Math.min(n, i + 5);
		if (same && changed![hi] === changed![lo] && shortRun[i] === same.runs[0][i] && headlineRun[i] === same.runs[1][i] && listRun[i] === same.runs[2][i]
			&& (before.size === 0 || !before.has(rows[i].key) || before.get(rows[i].key) === keyCount.get(rows[i].key))) {
			kept![i] = 1;
			continue;
		}
		ownFeatures(rows[i].shape, x, o);
		const prev = i > 0 ? rows[i - 1].shape : undefined, next = i + 1 < n ? rows[i + 1].shape : undefined;
		let k = o + ownCount;
		x[k++] = rows[i].patternLine ? 1 : 0;
		x[k++] = rows[i].relatedHeading ? 1 : 0;
		x[k++] = log(keyCount.get(rows[i].key)! - 1);
		x[k++] = log(prev?.length ?? 0);
		x[k++] = i > 0 ? isProse[i - 1] : 0;
		x[k++] = log(next?.length ?? 0);
		x[k++] = i + 1 < n ? isProse[i + 1] : 0;
		x[k++] = log(shortRun[i]);
		x[k++] = log(headlineRun[i]);
		x[k++] = (proseSum[hi] - proseSum[lo] - isProse[i]) / Math.max(1, hi - lo - 1);
		x[k++] = log(listRun[i]);
		x[k++] = n > 1 ? i / (n - 1) : 0;
	}
	return { x, rows, runs: runLengths, keyCount, kept, copiedFrom: same?.x };
}

/**
 * Makes `x` hold the last version's stage-one features (stage two's numbers are all rewritten by
 * addStageTwo). When `x` is the array the last version started from (the spare: the features of
 * the version before it), it differs from the last version's only in the rows that version
 * computed: those are copied, not the whole array (≈ 400 bytes a row, 4 MB per keystroke of a
 * 1 MB page).
 */
function copyKept(x: Float64Array, last: StageOne): void {
	if (!last.kept || last.copiedFrom !== x || x === last.x) { x.set(last.x); return; }
	for (let i = 0; i < last.kept.length; i++) {
		if (last.kept[i]) { continue; }
		const o = i * featureCount;
		x.set(last.x.subarray(o, o + stageOneCount), o);
	}
}
