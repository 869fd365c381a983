// Character clusters for the name recognizer (tools/train-ner.mjs), learned from unlabelled text:
// the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998), which maximizes the
// same class-bigram likelihood as Brown clustering, by moving one character at a time to the
// class that raises it most. Characters that behave alike beside their neighbours (surname
// characters, place endings, transliteration syllables, verbs of speech) end in one class, so
// a character seen rarely in labelled text borrows the weights of its class.
// Deterministic: characters are visited by falling count, ties by code.

const f = (x) => (x > 0 ? x * Math.log(x) : 0);

/**
 * `texts`: sequences of tokens (arrays of numbers or strings: a sentence's character codes or
 * words); `weightOf(i)`: how much sequence i counts. Returns a Map from token to class
 * (1 … classes); tokens seen fewer than `minCount` times get no class.
 */
export function exchangeClusters(texts, { classes = 256, iterations = 6, minCount = 3, weightOf = () => 1, log = () => {} } = {}) {
	const counts = new Map();
	texts.forEach((t, k) => { const w = weightOf(k); for (let i = 0; i < t.length; i++) { const c = t[i]; counts.set(c, (counts.get(c) ?? 0) + w); } });
	// Vocabulary by falling count; id 0 stands for every rare token and the sentence edges.
	const vocab = [...counts].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([c]) => c);
	const idOf = new Map(vocab.map((c, i) => [c, i + 1]));
	const V = vocab.length + 1;
	// Word bigram counts, sparse: successors and predecessors of each id.
	const pairs = new Map();
	texts.forEach((t, k) => {
		const w = weightOf(k);
		let prev = 0;
		for (let i = 0; i <= t.length; i++) {
			const cur = i < t.length ? idOf.get(t[i]) ?? 0 : 0;
			const key = prev * V + cur;
			pairs.set(key, (pairs.get(key) ?? 0) + w);
			prev = cur;
		}
	});
	const succ = Array.from({ length: V }, () => []), pred = Array.from({ length: V }, () => []);
	const left = new Float64Array(V), right = new Float64Array(V), self = new Float64Array(V);
	for (const [key, n] of pairs) {
		const a = Math.floor(key / V), b = key % V;
		succ[a].push(b, n); pred[b].push(a, n);
		left[a] += n; right[b] += n;
		if (a === b) { self[a] += n; }
	}
	// Initial classes: id 0 alone in class 0 (never moves); the rest round-robin by frequency.
	const C = classes + 1;
	const cls = new Int32Array(V);
	for (let v = 1; v < V; v++) { cls[v] = 1 + ((v - 1) % classes); }
	const N = new Float64Array(C * C), NL = new Float64Array(C), NR = new Float64Array(C);
	for (let a = 0; a < V; a++) {
		const s = succ[a];
		for (let k = 0; k < s.length; k += 2) { N[cls[a] * C + cls[s[k]]] += s[k + 1]; }
		NL[cls[a]] += left[a]; NR[cls[a]] += right[a];
	}
	const objective = () => { let o = 0; for (let i = 0; i < C * C; i++) { o += f(N[i]); } for (let c = 0; c < C; c++) { o -= f(NL[c]) + f(NR[c]); } return o; };
	const sc = new Float64Array(C), pc = new Float64Array(C);
	const touchedS = [], touchedP = [];
	for (let it = 1; it <= iterations; it++) {
		let moved = 0;
		for (let v = 1; v < V; v++) {
			// Class counts of v's successors and predecessors (v itself counted apart).
			touchedS.length = 0; touchedP.length = 0;
			const s = succ[v], p = pred[v];
			for (let k = 0; k < s.length; k += 2) { if (s[k] === v) { continue; } const c = cls[s[k]]; if (sc[c] === 0) { touchedS.push(c); } sc[c] += s[k + 1]; }
			for (let k = 0; k < p.length; k += 2) { if (p[k] === v) { continue; } const c = cls[p[k]]; if (pc[c] === 0) { touchedP.push(c); } pc[c] += p[k + 1]; }
			const a = cls[v], ww = self[v];
			// Take v out of class a.
			for (const c of touchedS) { N[a * C + c] -= sc[c]; }
			for (const c of touchedP) { N[c * C + a] -= pc[c]; }
			N[a * C + a] -= ww;
			NL[a] -= left[v]; NR[a] -= right[v];
			// The gain of putting it into each class b.
			let best = a, bestGain = -Infinity;
			for (let b = 1; b < C; b++) {
				let g = 0;
				for (const c of touchedS) { if (c !== b) { g += f(N[b * C + c] + sc[c]) - f(N[b * C + c]); } }
				for (const c of touchedP) { if (c !== b) { g += f(N[c * C + b] + pc[c]) - f(N[c * C + b]); } }
				g += f(N[b * C + b] + sc[b] + pc[b] + ww) - f(N[b * C + b]);
				g -= f(NL[b] + left[v]) - f(NL[b]) + f(NR[b] + right[v]) - f(NR[b]);
				if (g > bestGain + 1e-9) { bestGain = g; best = b; }
			}
			for (const c of touchedS) { N[best * C + c] += sc[c]; }
			for (const c of touchedP) { N[c * C + best] += pc[c]; }
			N[best * C + best] += ww;
			NL[best] += left[v]; NR[best] += right[v];
			if (best !== a) { moved++; cls[v] = best; }
			for (const c of touchedS) { sc[c] = 0; }
			for (const c of touchedP) { pc[c] = 0; }
		}
		log(`clusters: iteration ${it}, ${moved} of ${V - 1} tokens moved, objective ${objective().toFixed(0)}`);
		if (moved === 0) { break; }
	}
	return new Map(vocab.map((c, i) => [c, cls[i + 1]]));
}
