// Writes the name recognizer's model file (layout: server/src/service/entities/ner/model.ts) for
// tools/train-ner.mjs: averaged weights in 8 bits, each feature in units of the scale × 2^shift
// (the scale: a median feature's largest weight / 127), so frequent features keep their large
// weights and rare ones their resolution. A feature whose weights are all below `pruneBelow`
// units is dropped, and at most `maxRows` rows are kept (the package's size): those with the
// largest weights.

/**
 * `w`: the weights (buckets × T), `scores`: transitions, start and end scores (f32 each, in
 * that order); `words`, `names`: keys and entries.
 */
export function modelFileBytes({ version, T, slots, hashBits, w, scores, words, names, pruneBelow, maxRows }) {
	const buckets = 2 ** hashBits;
	const largest = new Float32Array(buckets);
	for (let b = 0; b < buckets; b++) { let m = 0; for (let t = 0; t < T; t++) { m = Math.max(m, Math.abs(w[b * T + t])); } largest[b] = m; }
	const magnitudes = largest.filter((m) => m > 0).sort();
	const scale = magnitudes[Math.floor(magnitudes.length / 2)] / 127;
	let rows = [];
	for (let b = 0; b < buckets; b++) { if (largest[b] / scale >= pruneBelow) { rows.push(b); } }
	if (rows.length > maxRows) { rows = rows.sort((a, b) => largest[b] - largest[a] || a - b).slice(0, maxRows).sort((a, b) => a - b); }
	const header = 32 + 4 * (T * T + 2 * T);
	const bytes = new Uint8Array(header + rows.length * (5 + T) + words.keys.length * 5 + 4 + names.keys.length * 5);
	const view = new DataView(bytes.buffer);
	view.setUint32(0, 0x524e485a, true); view.setUint32(4, version, true); view.setUint32(8, T, true); view.setUint32(12, slots, true);
	view.setUint32(16, rows.length, true); view.setUint32(20, hashBits, true); view.setFloat32(24, scale, true); view.setUint32(28, words.keys.length, true);
	let at = 32;
	for (const x of scores) { view.setFloat32(at, x, true); at += 4; }
	rows.forEach((b, r) => view.setUint32(at + 4 * r, b, true));
	at += 4 * rows.length;
	const weights8 = new Int8Array(bytes.buffer, at, rows.length * T);
	const shifts = new Uint8Array(rows.length);
	rows.forEach((b, r) => {
		// At most 8: the reader sums weights as 16-bit halves (127 × 2^8 = 32512); a row whose
		// weights would need more (over 256 times the median row's; none in the shipped file) is clipped.
		const shift = Math.min(8, Math.max(0, Math.ceil(Math.log2(largest[b] / scale / 127))));
		shifts[r] = shift;
		for (let t = 0; t < T; t++) { weights8[r * T + t] = Math.max(-127, Math.min(127, Math.round(w[b * T + t] / scale / 2 ** shift))); }
	});
	at += rows.length * T;
	bytes.set(shifts, at);
	at += rows.length;
	words.keys.forEach((k, i) => view.setInt32(at + 4 * i, k, true));
	bytes.set(words.classes, at + 4 * words.keys.length);
	at += 5 * words.keys.length;
	view.setUint32(at, names.keys.length, true);
	at += 4;
	names.keys.forEach((k, i) => view.setInt32(at + 4 * i, k, true));
	bytes.set(names.entries, at + 4 * names.keys.length);
	return { bytes, rows: rows.length };
}
