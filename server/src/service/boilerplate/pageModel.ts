/**
 * The page-chrome model: weights trained by tools/chrome-train.mjs on labelled pages, kept in
 * server/data/chrome-model.json. Stage one is a logistic regression over a line's own shape and
 * its neighbours' (how much a line looks like prose); stage two, small gradient-boosted trees
 * over the same features plus where the line stands relative to the article found from stage
 * one. Both give the log-odds that a line is page chrome.
 */
import data from '../../../data/chrome-model.json';
import { featureNames, stageOneCount } from './features';

export interface Trees {
	readonly depth: number;
	readonly base: number;
	/** Per tree: split feature and threshold of each inner node (level order; -1: no split, go left), then leaf values. */
	readonly trees: readonly { readonly feature: readonly number[]; readonly threshold: readonly number[]; readonly leaf: readonly number[] }[];
}

export interface PageModel {
	readonly features: readonly string[];
	/** Stage one, and the log-odds of chrome in its training lines (`prior`): spans weigh what a line says beyond it. */
	readonly stageOne: { readonly mean: readonly number[]; readonly scale: readonly number[]; readonly weights: readonly number[]; readonly bias: number; readonly prior: number };
	readonly stageTwo: Trees;
	/** Probabilities of chrome from which a line is reported, and from which its block is certain enough for fix-all. */
	readonly report: number;
	readonly certain: number;
}

let current: PageModel | undefined;

/** The model in use: the built-in one, or one a tool set (leave-one-site-out evaluation). */
export function pageModel(): PageModel {
	return current ??= checked(data as unknown as PageModel);
}

/** Replaces the model (tools evaluating a freshly trained one); undefined restores the built-in one. */
export function setPageModel(model: PageModel | undefined): void {
	current = model && checked(model);
}

function checked(model: PageModel): PageModel {
	if (model.features.join(',') !== featureNames.join(',')) {
		throw new Error('chrome-model.json was trained on other features: run node tools/chrome-train.mjs');
	}
	return model;
}

/** Stage one's log-odds for the row of `x` starting at `offset` (its first `stageOneCount` features). */
export function stageOne(model: PageModel, x: Float64Array, offset: number): number {
	const s = model.stageOne;
	let z = s.bias;
	for (let j = 0; j < stageOneCount; j++) { z += s.weights[j] * (x[offset + j] - s.mean[j]) / s.scale[j]; }
	return z;
}

/**
 * The trees in flat typed arrays (built once per model): a row is scored without allocating and
 * without a branch that depends on the row. The trees ask 111 distinct questions (`feature >
 * threshold`) of a row, in 450 splits: each question is answered once per row, then every tree
 * reads its answers along its path, taking the answer as the step (left + 1 when true). A node
 * without a split (-1) always goes left: it reads question 0, whose answer is always false.
 * `cuts[f]`: the thresholds the trees compare feature `f` with, sorted.
 */
interface FlatTrees {
	/** The trees' log-odds for the row of `x` at `offset`. */
	readonly score: (x: Float64Array, offset: number) => number;
	readonly cuts: readonly Float64Array[];
	/** The features some tree splits on (those with cuts). */
	readonly split: Int32Array;
}
const flat = new WeakMap<Trees, FlatTrees>();

function flatten(trees: Trees): FlatTrees {
	let f = flat.get(trees);
	if (!f) {
		const feature = trees.trees.flatMap((t) => t.feature), threshold = trees.trees.flatMap((t) => t.threshold);
		const cuts = featureNames.map((_, k) => Float64Array.from(new Set(threshold.filter((_t, i) => feature[i] === k))).sort());
		const split = Int32Array.from(cuts.flatMap((c, k) => (c.length > 0 ? [k] : [])));
		f = { score: scorer(trees), cuts, split };
		flat.set(trees, f);
	}
	return f;
}

/** The scoring function of `trees`, its tables held as constants of the closure (V8 reads them faster than an object's). */
function scorer(trees: Trees): (x: Float64Array, offset: number) => number {
	const { depth, base } = trees, count = trees.trees.length, inner = (1 << depth) - 1;
	const index = new Map<string, number>();
	const features = [-1], thresholds = [0];
	/** Per tree, per inner node in level order: its question. */
	const questions = new Int32Array(count * inner);
	trees.trees.forEach((t, k) => {
		for (let node = 0; node < inner; node++) {
			if (t.feature[node] < 0) { continue; }
			const key = `${t.feature[node]} ${t.threshold[node]}`;
			let q = index.get(key);
			if (q === undefined) { index.set(key, q = features.length); features.push(t.feature[node]); thresholds.push(t.threshold[node]); }
			questions[k * inner + node] = q;
		}
	});
	const feature = Int32Array.from(features), threshold = Float64Array.from(thresholds), asked = feature.length;
	const leaf = Float64Array.from(trees.trees.flatMap((t) => t.leaf));
	/** The row's answers (0 or 1); answer 0 stays 0. */
	const answers = new Uint8Array(asked);
	const answer = (x: Float64Array, offset: number) => { for (let q = 1; q < asked; q++) { answers[q] = x[offset + feature[q]] > threshold[q] ? 1 : 0; } };
	if (depth === 3) {
		// The shipped model's depth, unrolled.
		return (x, offset) => {
			answer(x, offset);
			let z = base;
			for (let t = 0, n = 0, l = 0; t < count; t++, n += 7, l += 8) {
				const a = answers[questions[n]];
				const b = answers[questions[n + 1 + a]];
				z += leaf[l + 4 * a + 2 * b + answers[questions[n + 3 + 2 * a + b]]];
			}
			return z;
		};
	}
	return (x, offset) => {
		answer(x, offset);
		let z = base;
		for (let t = 0; t < count; t++) {
			let node = 0;
			for (let d = 0; d < depth; d++) { node = 2 * node + 1 + answers[questions[t * inner + node]]; }
			z += leaf[t * (inner + 1) + node - inner];
		}
		return z;
	};
}

/** The trees' log-odds for the row of `x` starting at `offset` (the leaves summed in tree order). */
export function treeScore(trees: Trees, x: Float64Array, offset: number): number {
	return flatten(trees).score(x, offset);
}

/** How many of `cuts` lie below `v`: two values with the same count take the same branch at every split on the feature. */
function side(cuts: Float64Array, v: number): number {
	let lo = 0, hi = cuts.length;
	while (lo < hi) { const mid = (lo + hi) >> 1; if (v > cuts[mid]) { lo = mid + 1; } else { hi = mid; } }
	return lo;
}

/**
 * Whether the rows of `x` at `offset` and of `y` at `other` take the same path through every
 * tree, so score the same: each feature is equal, or on the same side of every threshold the
 * trees compare it with. (A global feature such as the main article's strength moves a little
 * with every edit; a row's paths rarely change for it.)
 */
function samePathsOf(f: FlatTrees, x: Float64Array, offset: number, y: Float64Array, other: number): boolean {
	const { cuts, split } = f;
	for (let k = 0; k < split.length; k++) {
		const g = split[k], a = x[offset + g], b = y[other + g];
		if (a !== b && side(cuts[g], a) !== side(cuts[g], b)) { return false; }
	}
	return true;
}

/** `treeScore` and `samePaths` of one model's trees, looked up once for a page's rows (not once per row: a weak map's lookup each). */
export function compiledTrees(trees: Trees): {
	score(x: Float64Array, offset: number): number;
	samePaths(x: Float64Array, offset: number, y: Float64Array, other: number): boolean;
	/** Whether `a` and `b`, values of feature `feature`, take the same branch at every split on it. */
	sameSide(feature: number, a: number, b: number): boolean;
} {
	const f = flatten(trees);
	return {
		score: f.score,
		samePaths: (x, offset, y, other) => samePathsOf(f, x, offset, y, other),
		sameSide: (feature, a, b) => a === b || side(f.cuts[feature], a) === side(f.cuts[feature], b),
	};
}
