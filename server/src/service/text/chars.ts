/**
 * Character classes the cleaning rules share. Code points, not code units: a CJK Extension B
 * character is a surrogate pair, so callers use `codePointAt` and step by its length.
 */

/** Han ideographs (all extensions), plus 〇 and 々. */
export const hanPattern = /[\p{Script=Han}〇々]/u;

export function isHan(cp: number): boolean {
	return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f) || (cp >= 0xf900 && cp <= 0xfaff) || cp === 0x3007 || cp === 0x3005;
}

/** CJK punctuation and full-width forms of ASCII punctuation, and Chinese quotation marks. */
export function isCjkPunctuation(cp: number): boolean {
	return (cp >= 0x3000 && cp <= 0x303f && cp !== 0x3000) || (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20)
		|| (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65) || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019
		|| cp === 0x2014 || cp === 0x2026 || cp === 0x00b7;
}

export const isCjk = (cp: number) => isHan(cp) || isCjkPunctuation(cp);

/** A UTF-16 unit that a regular expression's `\s` matches (one table lookup; see the unit test that compares them). */
export function isSpaceUnit(c: number): boolean {
	return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/**
 * A table of the 65,536 UTF-16 units with `value` set (OR-ed in) at each unit of `chars` (BMP
 * characters), into `table` when given: a scan then reads a unit's class without a string or a
 * regular expression.
 */
export function unitTable(chars: string, value = 1, table: Uint8Array = new Uint8Array(0x10000)): Uint8Array {
	for (let i = 0; i < chars.length; i++) { table[chars.charCodeAt(i)] |= value; }
	return table;
}

export const isAsciiDigit = (cp: number) => cp >= 0x30 && cp <= 0x39;

export const isAsciiLetter = (cp: number) => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);

/** The code point that ends just before `offset` (handles a surrogate pair), or -1 at the start. */
export function codePointBefore(text: string, offset: number): number {
	if (offset <= 0) { return -1; }
	const low = text.charCodeAt(offset - 1);
	if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
		const high = text.charCodeAt(offset - 2);
		if (high >= 0xd800 && high <= 0xdbff) { return text.codePointAt(offset - 2)!; }
	}
	return low;
}

/** The code point at `offset`, or -1 past the end. */
export function codePointAtOffset(text: string, offset: number): number {
	return offset < text.length ? text.codePointAt(offset)! : -1;
}
