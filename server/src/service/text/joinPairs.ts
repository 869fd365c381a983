/**
 * Which two UTF-16 units a dictionary word may hold side by side: a segmenter without its HMM
 * (jieba's `cut(text, false)`) makes a word across a point only if a word of its dictionary holds
 * the two units there, or both are ASCII letters or digits (jieba joins such runs), or they are a
 * CRLF (kept as one word). Asking this
 * first spares the segmenter the pairs it cannot join — about 98 % of the edges a paragraph join
 * looks at — with the same answers.
 *
 * The table is a data file built by `tools/build-join-pairs.mjs` from the dictionary that the
 * shipped jieba-wasm embeds: `"JPR1"`, the count (uint32, little-endian), the byte offset of the
 * dictionary's compressed stream in jieba-wasm's `.wasm` (uint32), the dictionary's SHA-256 (32
 * bytes), then the sorted pair keys (`first << 16 | second`) as unsigned LEB128 deltas.
 */

const magic = 'JPR1';
const headerBytes = 4 + 4 + 4 + 32;

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;
const isAsciiAlnum = (unit: number) => (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);

/** The key of two units side by side. */
export const pairKey = (first: number, second: number) => ((first << 16) | second) >>> 0;

/** Every pair of units side by side in the words (pairs with a surrogate are left out: `mayJoin` always allows them). */
export function pairsOfWords(words: Iterable<string>): Uint32Array {
	const keys = new Set<number>();
	for (const word of words) {
		for (let i = 0; i + 1 < word.length; i++) {
			const a = word.charCodeAt(i), b = word.charCodeAt(i + 1);
			if (!isSurrogate(a) && !isSurrogate(b)) { keys.add(pairKey(a, b)); }
		}
	}
	return Uint32Array.from(keys).sort();
}

export interface JoinPairsSource {
	/** Where jieba-wasm's `.wasm` holds its dictionary's compressed stream. */
	readonly wasmOffset: number;
	/** SHA-256 of the dictionary text (hex). */
	readonly sha256: string;
}

export class JoinPairs {
	private constructor(private readonly keys: Uint32Array, readonly source: JoinPairsSource) {}

	static fromKeys(keys: Uint32Array, source: JoinPairsSource): JoinPairs {
		for (let i = 1; i < keys.length; i++) {
			if (keys[i] <= keys[i - 1]) { throw new Error('join pairs: keys not sorted'); }
		}
		return new JoinPairs(keys, source);
	}

	static decode(bytes: Uint8Array): JoinPairs {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		if (bytes.length < headerBytes || String.fromCharCode(...bytes.subarray(0, 4)) !== magic) { throw new Error('join pairs: not a JPR1 table'); }
		const count = view.getUint32(4, true);
		const wasmOffset = view.getUint32(8, true);
		const sha256 = Array.from(bytes.subarray(12, headerBytes), (b) => b.toString(16).padStart(2, '0')).join('');
		const keys = new Uint32Array(count);
		let at = headerBytes, key = 0;
		for (let i = 0; i < count; i++) {
			let delta = 0, shift = 0, byte: number;
			do {
				if (at >= bytes.length) { throw new Error('join pairs: table cut short'); }
				byte = bytes[at++];
				delta += (byte & 0x7f) * 2 ** shift;
				shift += 7;
			} while (byte & 0x80);
			key += delta;
			keys[i] = key;
		}
		if (at !== bytes.length) { throw new Error('join pairs: bytes after the table'); }
		return JoinPairs.fromKeys(keys, { wasmOffset, sha256 });
	}

	encode(): Uint8Array {
		const out: number[] = [...magic].map((c) => c.charCodeAt(0));
		const u32 = (n: number) => out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
		u32(this.keys.length);
		u32(this.source.wasmOffset);
		for (let i = 0; i < 64; i += 2) { out.push(parseInt(this.source.sha256.slice(i, i + 2), 16)); }
		let previous = 0;
		for (const key of this.keys) {
			let delta = key - previous;
			previous = key;
			while (delta >= 0x80) { out.push((delta & 0x7f) | 0x80); delta = Math.floor(delta / 0x80); }
			out.push(delta);
		}
		return Uint8Array.from(out);
	}

	get size(): number { return this.keys.length; }

	/** Whether some dictionary word holds the two units side by side. */
	has(first: number, second: number): boolean {
		const key = pairKey(first, second);
		const keys = this.keys;
		let lo = 0, hi = keys.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (keys[mid] < key) { lo = mid + 1; } else { hi = mid; }
		}
		return lo < keys.length && keys[lo] === key;
	}

	/** False only when no word of the segmenter can hold the two units side by side (a surrogate: always true). */
	mayJoin(first: number, second: number): boolean {
		return isSurrogate(first) || isSurrogate(second) || (isAsciiAlnum(first) && isAsciiAlnum(second)) || (first === 0x0d && second === 0x0a) || this.has(first, second);
	}
}
