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

/** The trees in flat typed arrays (built once per model): a row is scored without allocating. */
interface FlatTrees { readonly count: number; readonly inner: number; readonly feature: Int16Array; readonly threshold: Float64Array; readonly leaf: Float64Array }
const flat = new WeakMap<Trees, FlatTrees>();

function flatten(trees: Trees): FlatTrees {
	let f = flat.get(trees);
	if (!f) {
		const inner = (1 << trees.depth) - 1;
		f = {
			count: trees.trees.length, inner,
			feature: Int16Array.from(trees.trees.flatMap((t) => t.feature)), threshold: Float64Array.from(trees.trees.flatMap((t) => t.threshold)),
			leaf: Float64Array.from(trees.trees.flatMap((t) => t.leaf)),
		};
		flat.set(trees, f);
	}
	return f;
}

/** The trees' log-odds for the row of `x` starting at `offset`. */
export function treeScore(trees: Trees, x: Float64Array, offset: number): number {
	const { count, inner, feature, threshold, leaf } = flatten(trees);
	let z = trees.base;
	for (let t = 0; t < count; t++) {
		const base = t * inner;
		let node = 0;
		while (node < inner) {
			const f = feature[base + node];
			node = 2 * node + (f >= 0 && x[offset + f] > threshold[base + node] ? 2 : 1);
		}
		z += leaf[t * (inner + 1) + node - inner];
	}
	return z;
}
