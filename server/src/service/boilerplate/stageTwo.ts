/**
 * Stage two of a page's features (features.ts has stage one): stage one's log-odds around each
 * row, where the row stands relative to the article spans found from them (body.ts), and how it
 * compares with the main article's own lines (a blog that writes without punctuation, a page of
 * short paragraphs: a line like the article's is judged as the article). Only shapes, no words.
 */
import { Span, spanEdges } from './body';
import { featureCount, featureNames, log, logOfCount, RowInput, stageOneCount } from './features';
import type { LineShape } from './lineShape';
import { copied, median } from './median';
import { Scratch } from './scratch';

/** What stage two read of a page: what the page's next version compares itself with. */
export interface StageTwo {
	readonly x: Float64Array;
	readonly z: Float64Array;
	readonly spans: readonly Span[];
	readonly rows: readonly RowInput[];
	readonly main: MainArticle;
	/** Which span is the main article (the strongest). */
	readonly top: number;
	/**
	 * Rows whose stage-two features were copied from the last version's (undefined: none), all but
	 * the main article's strength (`strengthFeature`), which every edit of the article moves.
	 */
	readonly kept?: Uint8Array;
	/** The features `kept` compares with (the last version's), when it is defined. */
	readonly basedOn?: Float64Array;
}

/** The feature every row has of the main article's strength: the same value in every row of a page. */
export const strengthFeature = featureNames.indexOf('mainStrength');

/** What every row is compared with: the main article's middle values (log-odds, log length, function-word rate) and its shapes. */
interface MainArticle {
	readonly z: number;
	readonly length: number;
	readonly functionWords: number;
	/** The share of its rows that end a sentence, and their number. */
	readonly ends: number;
	readonly endCount: number;
	/** Rows of the main article per shape signature (`signature`). */
	readonly signatures: Int32Array;
	/** Rows of the main article per opening (RowInput.opening). */
	readonly openings: ReadonlyMap<string, number>;
}

/** A coarse shape: length class, sentence end, digits, a label opening it, list marker, brackets (below `signatureCount`). */
const signatureCount = 6 * 32;
function signature(s: LineShape): number {
	const lengthClass = s.length <= 4 ? 0 : s.length <= 8 ? 1 : s.length <= 16 ? 2 : s.length <= 32 ? 3 : s.length <= 64 ? 4 : 5;
	return lengthClass * 32 + (s.endsSentence ? 16 : 0) + (s.digits > 0 ? 8 : 0) + (s.labelled ? 4 : 0) + (s.listMarker ? 2 : 0) + (s.brackets > 0 ? 1 : 0);
}

// Each page's arrays that no result keeps (scratch.ts).
const spanOfScratch = new Scratch((n) => new Int32Array(n)), edgeScratch = new Scratch((n) => new Float64Array(n));
const lengthScratch = new Scratch((n) => new Float64Array(n)), rateScratch = new Scratch((n) => new Float64Array(n));
const zChangedScratch = new Scratch((n) => new Int32Array(n));

/**
 * The mean of `z[from, to)` within the page, summed in order: a row's value then depends on its
 * window alone, bit for bit (a difference of prefix sums carries the rounding of every row
 * before it, so a row an edit did not reach would change in its last bits).
 */
function meanOf(z: Float64Array, from: number, to: number): number {
	const a = Math.max(0, from), b = Math.min(z.length, to);
	let sum = 0;
	for (let j = a; j < b; j++) { sum += z[j]; }
	return sum / Math.max(1, b - a);
}

const functionRate = (s: LineShape) => s.functionWords / Math.max(1, s.han);

/** How a page's rows differ from its last version's, when it has as many rows. */
interface Edited {
	/** Rows that are not the last version's row at their index. */
	readonly rows: readonly number[];
	/** Rows whose stage-one log-odds changed, summed (a window is unchanged when its sum is). */
	readonly zChanged: Int32Array;
	/** Rows whose stage-one log-odds changed. */
	readonly zRows: readonly number[];
}

function editedSince(z: Float64Array, rows: readonly RowInput[], last: StageTwo | undefined): Edited | undefined {
	const n = rows.length;
	if (!last || last.rows.length !== n) { return undefined; }
	const edited: number[] = [], zRows: number[] = [];
	const zChanged = zChangedScratch.atLeast(n + 1);
	zChanged[0] = 0;
	for (let i = 0; i < n; i++) {
		const moved = !Object.is(z[i], last.z[i]);
		zChanged[i + 1] = zChanged[i] + (moved ? 1 : 0);
		if (moved) { zRows.push(i); }
		if (rows[i] !== last.rows[i]) { edited.push(i); }
	}
	return { rows: edited, zChanged, zRows };
}

/**
 * Whether the middle value `m` stands when each value `before(i)` of the rows `changed` becomes
 * `after(i)`: it is the k-th smallest while as many values lie below it and as many at or below
 * it, which holds when each changed value stays strictly on one side of it (a NaN, or a value
 * equal to it, and it is found again).
 */
function sameSide(changed: readonly number[], before: (i: number) => number, after: (i: number) => number, m: number): boolean {
	for (const i of changed) {
		const a = before(i), b = after(i);
		if (!((a < m && b < m) || (a > m && b > m))) { return false; }
	}
	return true;
}

/** The main article's values, and the openings whose count changed since the last version's (undefined: counted afresh). */
interface MainChange { readonly main: MainArticle; readonly openingsMoved?: ReadonlySet<string> }

/**
 * The main article's middle values and counts. When it spans the rows it spanned in the page's
 * last version, they are that version's with the edited rows' moved (its openings' counts are
 * changed in place: that state is used no more); a middle value is found again only when a row
 * it reads changed.
 */
function mainArticle(top: Span | undefined, z: Float64Array, rows: readonly RowInput[], last: StageTwo | undefined, edited: Edited | undefined): MainChange {
	const first = top ? top.first : 0, end = top ? top.last + 1 : 0, inMain = end - first;
	const was = last && edited && top && last.spans.length > 0 && last.spans[last.top].first === first && last.spans[last.top].last === top.last ? last.main : undefined;
	const middle = (of: (s: LineShape) => number) => {
		const values = (of === functionRate ? rateScratch : lengthScratch).exactly(inMain);
		for (let k = 0; k < inMain; k++) { values[k] = of(rows[first + k].shape); }
		return median(values);
	};
	const zMiddle = () => (top ? median(copied(z.subarray(first, end))) : 0);
	const logLength = (s: LineShape) => logOfCount(s.length);
	if (!was) {
		const signatures = new Int32Array(signatureCount), openings = new Map<string, number>();
		let endCount = 0;
		for (let k = first; k < end; k++) {
			const r = rows[k];
			if (r.shape.endsSentence) { endCount++; }
			signatures[signature(r.shape)]++;
			openings.set(r.opening, (openings.get(r.opening) ?? 0) + 1);
		}
		return { main: { z: zMiddle(), length: middle(logLength), functionWords: middle(functionRate), endCount, ends: inMain > 0 ? endCount / inMain : 0, signatures, openings } };
	}
	const inside = edited!.rows.filter((i) => i >= first && i < end);
	const signatures = was.signatures.slice(), openings = was.openings as Map<string, number>;
	const before = new Map<string, number>();
	let endCount = was.endCount;
	for (const i of inside) {
		const old = last!.rows[i], now = rows[i];
		for (const key of [old.opening, now.opening]) { if (!before.has(key)) { before.set(key, openings.get(key) ?? 0); } }
		const left = openings.get(old.opening)! - 1;
		if (left === 0) { openings.delete(old.opening); } else { openings.set(old.opening, left); }
		openings.set(now.opening, (openings.get(now.opening) ?? 0) + 1);
		signatures[signature(old.shape)]--;
		signatures[signature(now.shape)]++;
		endCount += (now.shape.endsSentence ? 1 : 0) - (old.shape.endsSentence ? 1 : 0);
	}
	const openingsMoved = new Set([...before].filter(([key, count]) => (openings.get(key) ?? 0) !== count).map(([key]) => key));
	const zInside = edited!.zRows.filter((i) => i >= first && i < end);
	const main: MainArticle = {
		z: sameSide(zInside, (i) => last!.z[i], (i) => z[i], was.z) ? was.z : zMiddle(),
		length: sameSide(inside, (i) => logLength(last!.rows[i].shape), (i) => logLength(rows[i].shape), was.length) ? was.length : middle(logLength),
		functionWords: sameSide(inside, (i) => functionRate(last!.rows[i].shape), (i) => functionRate(rows[i].shape), was.functionWords) ? was.functionWords : middle(functionRate),
		endCount, ends: endCount / inMain, signatures, openings,
	};
	return { main, openingsMoved };
}

/** The same spans but for their strengths (summed evidence, which an edit of a line in a span moves). */
const sameRows = (a: readonly Span[], b: readonly Span[]) => a.length === b.length
	&& a.every((s, k) => s.first === b[k].first && s.last === b[k].last && s.head === b[k].head);

/**
 * Which rows' stage-two features may differ from the last version's (1), when the spans' rows and
 * the main article's middle values are the last version's: a row's features read its own row, stage
 * one's log-odds up to six rows on either side, and the main article's counts of its signature
 * and its opening. Undefined when every row must be computed.
 */
function rowsToCompute(spans: readonly Span[], top: number, rows: readonly RowInput[], change: MainChange, last: StageTwo | undefined, edited: Edited | undefined): Uint8Array | undefined {
	const n = rows.length;
	if (!last || !edited || !change.openingsMoved || top !== last.top || !sameRows(spans, last.spans)) { return undefined; }
	const { main } = change, was = last.main;
	if (!Object.is(main.z, was.z) || !Object.is(main.length, was.length) || !Object.is(main.functionWords, was.functionWords) || !Object.is(main.ends, was.ends)) { return undefined; }
	const signatures = new Uint8Array(signatureCount);
	for (let k = 0; k < signatureCount; k++) { if (main.signatures[k] !== was.signatures[k]) { signatures[k] = 1; } }
	const openings = change.openingsMoved, zChanged = edited.zChanged;
	const compute = new Uint8Array(n);
	for (const i of edited.rows) { compute[i] = 1; }
	for (let i = 0; i < n; i++) {
		if (compute[i] === 1) { continue; }
		const r = rows[i];
		compute[i] = zChanged[Math.min(n, i + 7)] !== zChanged[Math.max(0, i - 6)]
			|| signatures[signature(r.shape)] === 1 || (openings.size > 0 && openings.has(r.opening)) ? 1 : 0;
	}
	return compute;
}

/**
 * Fills in stage two's features from stage one's log-odds (`z`, chrome positive) and the article
 * spans. With the page's last version (`last`), a row whose inputs are all as they were there has
 * its features copied from it (rowsToCompute): an edit of a long page computes a few rows.
 */
export function addStageTwo(x: Float64Array, z: Float64Array, spans: readonly Span[], rows: readonly RowInput[], last?: StageTwo): StageTwo {
	const n = z.length;
	const topIndex = spans.reduce((best, s, k) => (s.strength > spans[best].strength ? k : best), 0);
	const top = spans.length > 0 ? spans[topIndex] : undefined;
	const edited = editedSince(z, rows, last);
	const change = mainArticle(top, z, rows, last, edited), main = change.main;
	const compute = rowsToCompute(spans, topIndex, rows, change, last, edited);
	const spanOf = spanOfScratch.atLeast(n).fill(-1, 0, n);
	spans.forEach((s, k) => spanOf.fill(k, s.first, s.last + 1));
	// Distance to the nearest span edge, positive inside a span and negative outside.
	const edge = edgeScratch.atLeast(n);
	const edges = spanEdges(spans);
	let e = 0;
	for (let i = 0; i < n; i++) {
		while (e + 1 < edges.length && Math.abs(edges[e + 1] - i) <= Math.abs(edges[e] - i)) { e++; }
		const d = edges.length > 0 ? Math.abs(edges[e] - i) : n;
		edge[i] = spanOf[i] >= 0 ? logOfCount(d) : -logOfCount(d);
	}
	const inMain = top ? top.last - top.first + 1 : 0;
	const strength = log(top?.strength ?? 0);
	const first = top ? top.first : 0, lastRow = top ? top.last : -1;
	// `x` may hold the features of the version before the last (analysis.ts gives the array the
	// last version was compared with): those differ from the last version's only in the rows it
	// computed (and the strength), so only those are copied.
	const lastKept = compute && x !== last!.x && last!.kept && last!.basedOn === x ? last!.kept : undefined;
	for (let i = 0; i < n; i++) {
		const o = i * featureCount + stageOneCount;
		if (compute && compute[i] === 0) {
			if (x !== last!.x && (!lastKept || lastKept[i] === 0)) { for (let k = o; k < o + featureCount - stageOneCount; k++) { x[k] = last!.x[k]; } }
			x[i * featureCount + strengthFeature] = strength;
			continue;
		}
		const s = rows[i].shape;
		let best = Infinity;
		for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) { if (j !== i) { best = Math.min(best, z[j]); } }
		const near = meanOf(z, i - 2, i + 3), around = meanOf(z, i - 6, i + 7);
		let k = o;
		x[k++] = z[i];
		x[k++] = near;
		x[k++] = around;
		x[k++] = Number.isFinite(best) ? best : z[i];
		x[k++] = spanOf[i] >= 0 ? 1 : 0;
		x[k++] = top && i >= first && i <= lastRow ? 1 : 0;
		x[k++] = top && i < first ? logOfCount(first - i) : 0;
		x[k++] = top && i > lastRow ? logOfCount(i - lastRow) : 0;
		x[k++] = strength;
		x[k++] = edge[i];
		x[k++] = spans.length;
		x[k++] = top ? z[i] - main.z : 0;
		x[k++] = top ? logOfCount(s.length) - main.length : 0;
		x[k++] = top ? functionRate(s) - main.functionWords : 0;
		x[k++] = main.ends;
		x[k++] = top ? main.signatures[signature(s)] / inMain : 0;
		x[k++] = logOfCount(main.openings.get(rows[i].opening) ?? 0);
	}
	return { x, z, spans, rows, main, top: topIndex, kept: compute && compute.map((c) => 1 - c), basedOn: compute && last!.x };
}
