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
 * The trees in flat typed arrays (built once per model): a row is scored without allocating.
 * Only real splits are kept: a node without one (-1, most of them: many trees are shallower than
 * `depth`) always goes left, so its subtree's left path is taken at once. A split's children are
 * split indices (≥ 0) or leaves (`~` the leaf's index in `leaf`, as the full layout numbers them).
 * `cuts[f]`: the thresholds the trees compare feature `f` with, sorted.
 */
interface FlatTrees {
	readonly count: number;
	/** Per tree: its first split, or `~leaf` for a tree of one leaf. */
	readonly roots: Int32Array;
	/** Per split: feature, left child, right child. */
	readonly splits: Int32Array;
	readonly threshold: Float64Array;
	readonly leaf: Float64Array;
	readonly cuts: readonly Float64Array[];
	/** The features some tree splits on (those with cuts). */
	readonly split: Int32Array;
}
const flat = new WeakMap<Trees, FlatTrees>();

function flatten(trees: Trees): FlatTrees {
	let f = flat.get(trees);
	if (!f) {
		const inner = (1 << trees.depth) - 1;
		const splits: number[] = [], thresholds: number[] = [];
		const compile = (t: number, node: number): number => {
			const { feature, threshold } = trees.trees[t];
			if (node >= inner) { return ~(t * (inner + 1) + node - inner); }
			if (feature[node] < 0) { return compile(t, 2 * node + 1); }
			const at = thresholds.length;
			thresholds.push(threshold[node]);
			splits.push(feature[node], 0, 0);
			splits[3 * at + 1] = compile(t, 2 * node + 1);
			splits[3 * at + 2] = compile(t, 2 * node + 2);
			return at;
		};
		const roots = Int32Array.from(trees.trees, (_, t) => compile(t, 0));
		const feature = trees.trees.flatMap((t) => t.feature), threshold = trees.trees.flatMap((t) => t.threshold);
		const cuts = featureNames.map((_, k) => Float64Array.from(new Set(threshold.filter((_t, i) => feature[i] === k))).sort());
		const split = Int32Array.from(cuts.flatMap((c, k) => (c.length > 0 ? [k] : [])));
		f = { count: trees.trees.length, roots, splits: Int32Array.from(splits), threshold: Float64Array.from(thresholds), leaf: Float64Array.from(trees.trees.flatMap((t) => t.leaf)), cuts, split };
		flat.set(trees, f);
	}
	return f;
}

/** The trees' log-odds for the row of `x` starting at `offset` (the leaves summed in tree order). */
export function treeScore(trees: Trees, x: Float64Array, offset: number): number {
	return scoreOf(trees.base, flatten(trees), x, offset);
}

function scoreOf(base: number, f: FlatTrees, x: Float64Array, offset: number): number {
	const { count, roots, splits, threshold, leaf } = f;
	let z = base;
	for (let t = 0; t < count; t++) {
		let node = roots[t];
		while (node >= 0) { node = x[offset + splits[3 * node]] > threshold[node] ? splits[3 * node + 2] : splits[3 * node + 1]; }
		z += leaf[~node];
	}
	return z;
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
export function compiledTrees(trees: Trees): { score(x: Float64Array, offset: number): number; samePaths(x: Float64Array, offset: number, y: Float64Array, other: number): boolean } {
	const f = flatten(trees), base = trees.base;
	return { score: (x, offset) => scoreOf(base, f, x, offset), samePaths: (x, offset, y, other) => samePathsOf(f, x, offset, y, other) };
}
