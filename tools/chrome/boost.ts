/**
 * Training of the two model stages: L2-regularized logistic regression (full-batch gradient
 * descent on standardized features) and gradient-boosted trees of fixed depth with logistic
 * loss (histogram splits on quantile bins, Newton leaf values), as in XGBoost's exact-greedy
 * scheme reduced to what 10,000 labelled lines need. Rows carry weights.
 */
import type { PageModel, Trees } from '../../server/src/service/boilerplate/pageModel';

export interface Data {
	/** Row-major features, `width` per row. */
	readonly x: Float64Array;
	readonly width: number;
	readonly y: Uint8Array;
	readonly w: Float64Array;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** L2-regularized logistic regression on the first `count` features, standardized, fitted by Newton's method. */
export function logistic(d: Data, count: number, l2 = 1, iterations = 25): PageModel['stageOne'] {
	const n = d.y.length, k = count + 1;
	const mean = new Array<number>(count).fill(0), scale = new Array<number>(count).fill(0);
	let total = 0;
	for (let i = 0; i < n; i++) { total += d.w[i]; for (let j = 0; j < count; j++) { mean[j] += d.w[i] * d.x[i * d.width + j]; } }
	for (let j = 0; j < count; j++) { mean[j] /= total; }
	for (let i = 0; i < n; i++) { for (let j = 0; j < count; j++) { scale[j] += d.w[i] * (d.x[i * d.width + j] - mean[j]) ** 2; } }
	for (let j = 0; j < count; j++) { scale[j] = Math.sqrt(scale[j] / total) || 1; }
	// Standardized rows with a constant last column for the bias.
	const z = new Float64Array(n * k);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < count; j++) { z[i * k + j] = (d.x[i * d.width + j] - mean[j]) / scale[j]; }
		z[i * k + count] = 1;
	}
	const beta = new Float64Array(k);
	for (let it = 0; it < iterations; it++) {
		const grad = new Float64Array(k), hess = new Float64Array(k * k);
		for (let i = 0; i < n; i++) {
			let s = 0;
			for (let j = 0; j < k; j++) { s += beta[j] * z[i * k + j]; }
			const p = sigmoid(s);
			const g = d.w[i] * (p - d.y[i]), h = d.w[i] * Math.max(1e-9, p * (1 - p));
			for (let a = 0; a < k; a++) {
				const za = z[i * k + a];
				grad[a] += g * za;
				for (let b = 0; b <= a; b++) { hess[a * k + b] += h * za * z[i * k + b]; }
			}
		}
		for (let a = 0; a < count; a++) { grad[a] += l2 * beta[a]; hess[a * k + a] += l2; }
		for (let a = 0; a < k; a++) { for (let b = a + 1; b < k; b++) { hess[a * k + b] = hess[b * k + a]; } }
		const step = solve(hess, grad, k);
		let change = 0;
		for (let j = 0; j < k; j++) { beta[j] -= step[j]; change = Math.max(change, Math.abs(step[j])); }
		if (change < 1e-6) { break; }
	}
	let wy = 0;
	for (let i = 0; i < n; i++) { wy += d.w[i] * d.y[i]; }
	return { mean, scale, weights: Array.from(beta.subarray(0, count)), bias: beta[count], prior: Math.log(wy / (total - wy)) };
}

/** Solves the symmetric positive definite system `a·x = b` (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array, b: Float64Array, k: number): Float64Array {
	const m = Float64Array.from(a), v = Float64Array.from(b);
	for (let c = 0; c < k; c++) {
		let p = c;
		for (let r = c + 1; r < k; r++) { if (Math.abs(m[r * k + c]) > Math.abs(m[p * k + c])) { p = r; } }
		if (p !== c) {
			for (let j = 0; j < k; j++) { [m[c * k + j], m[p * k + j]] = [m[p * k + j], m[c * k + j]]; }
			[v[c], v[p]] = [v[p], v[c]];
		}
		for (let r = c + 1; r < k; r++) {
			const f = m[r * k + c] / m[c * k + c];
			if (f === 0) { continue; }
			for (let j = c; j < k; j++) { m[r * k + j] -= f * m[c * k + j]; }
			v[r] -= f * v[c];
		}
	}
	const x = new Float64Array(k);
	for (let r = k - 1; r >= 0; r--) {
		let s = v[r];
		for (let j = r + 1; j < k; j++) { s -= m[r * k + j] * x[j]; }
		x[r] = s / m[r * k + r];
	}
	return x;
}

export interface BoostOptions { trees: number; depth: number; rate: number; lambda: number; minWeight: number; bins: number }

export const boostDefaults: BoostOptions = { trees: 150, depth: 3, rate: 0.1, lambda: 1, minWeight: 3, bins: 32 };

/** Gradient-boosted trees on all `d.width` features. */
export function boost(d: Data, o: BoostOptions = boostDefaults): Trees {
	const n = d.y.length, m = d.width;
	// Quantile bin edges per feature, and each value's bin.
	const edges: number[][] = [];
	const bin = new Uint8Array(n * m);
	for (let j = 0; j < m; j++) {
		const values = Array.from({ length: n }, (_, i) => d.x[i * m + j]).sort((a, b) => a - b);
		const cuts = [...new Set(Array.from({ length: o.bins - 1 }, (_, k) => values[Math.floor(((k + 1) * n) / o.bins)]))].filter((v, k, a) => k === 0 || v !== a[k - 1]);
		edges.push(cuts);
		for (let i = 0; i < n; i++) {
			const v = d.x[i * m + j];
			let b = 0;
			while (b < cuts.length && v > cuts[b]) { b++; }
			bin[i * m + j] = b;
		}
	}
	let wy = 0, wt = 0;
	for (let i = 0; i < n; i++) { wy += d.w[i] * d.y[i]; wt += d.w[i]; }
	const base = Math.log(wy / (wt - wy));
	const score = new Float64Array(n).fill(base);
	const inner = (1 << o.depth) - 1;
	const trees: Trees['trees'][number][] = [];
	const g = new Float64Array(n), h = new Float64Array(n);
	const node = new Int32Array(n);
	for (let t = 0; t < o.trees; t++) {
		for (let i = 0; i < n; i++) { const p = sigmoid(score[i]); g[i] = d.w[i] * (p - d.y[i]); h[i] = d.w[i] * Math.max(1e-6, p * (1 - p)); }
		node.fill(0);
		const feature = new Array<number>(inner).fill(-1), threshold = new Array<number>(inner).fill(0);
		for (let level = 0; level < o.depth; level++) {
			const first = (1 << level) - 1, count = 1 << level;
			// Histograms of gradient and hessian per node of this level, feature and bin.
			const hg = new Float64Array(count * m * o.bins), hh = new Float64Array(count * m * o.bins);
			for (let i = 0; i < n; i++) {
				const k = node[i] - first;
				for (let j = 0; j < m; j++) { const at = (k * m + j) * o.bins + bin[i * m + j]; hg[at] += g[i]; hh[at] += h[i]; }
			}
			for (let k = 0; k < count; k++) {
				let G = 0, H = 0;
				for (let b = 0; b < o.bins; b++) { G += hg[k * m * o.bins + b]; H += hh[k * m * o.bins + b]; }
				let bestGain = 0;
				for (let j = 0; j < m; j++) {
					let gl = 0, hl = 0;
					for (let b = 0; b < edges[j].length; b++) {
						const at = (k * m + j) * o.bins + b;
						gl += hg[at]; hl += hh[at];
						const gr = G - gl, hr = H - hl;
						if (hl < o.minWeight || hr < o.minWeight) { continue; }
						const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - (G * G) / (H + o.lambda);
						if (gain > bestGain) { bestGain = gain; feature[first + k] = j; threshold[first + k] = edges[j][b]; }
					}
				}
			}
			for (let i = 0; i < n; i++) {
				const f = feature[node[i]];
				node[i] = 2 * node[i] + (f >= 0 && d.x[i * m + f] > threshold[node[i]] ? 2 : 1);
			}
		}
		const lg = new Float64Array(inner + 1), lh = new Float64Array(inner + 1);
		for (let i = 0; i < n; i++) { lg[node[i] - inner] += g[i]; lh[node[i] - inner] += h[i]; }
		const leaf = Array.from(lg, (G, k) => (-o.rate * G) / (lh[k] + o.lambda));
		for (let i = 0; i < n; i++) { score[i] += leaf[node[i] - inner]; }
		trees.push({ feature, threshold, leaf });
	}
	return { depth: o.depth, base, trees };
}
