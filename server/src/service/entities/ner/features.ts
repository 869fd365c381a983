/**
 * The features of the name recognizer, shared by training (tools/train-ner.mjs bundles this
 * file) and tagging: for every character of a line folded to simplified, a fixed number of
 * hashed feature ids. Character n-grams around it, character classes, and what news text puts
 * beside names: place-list entries, surnames, titles before people, organization endings.
 * Integer hashing only (no strings per feature), so a line costs a few array writes a character.
 */
import { lexiconMarks, LexiconMarks } from './lexiconMarks';
import type { WordSet } from './wordSet';

/** Feature slots per character (a slot left 0 is no feature). */
export const featureSlots = 25;

/** Character classes: a name does not run across punctuation; numbers and Latin letters have shapes of their own. */
const enum Cls { Han = 1, Digit = 2, Latin = 3, ChineseNumber = 4, Punct = 5, Space = 6, Other = 7, Edge = 8 }

const chineseNumbers = new Set([...'〇零一二三四五六七八九十百千万亿两']);

function charClass(c: number): Cls {
	if (c >= 0x3400 && c <= 0x9fff || c >= 0xf900 && c <= 0xfaff) { return chineseNumbers.has(String.fromCharCode(c)) ? Cls.ChineseNumber : Cls.Han; }
	if (c >= 48 && c <= 57) { return Cls.Digit; }
	if (c >= 65 && c <= 90 || c >= 97 && c <= 122) { return Cls.Latin; }
	if (c === 32 || c === 9 || c === 0x3000) { return Cls.Space; }
	if (c < 128 || c >= 0x2000 && c <= 0x206f || c >= 0x3000 && c <= 0x303f || c >= 0xff00 && c <= 0xffef) { return Cls.Punct; }
	return Cls.Other;
}

let classTable: Uint8Array | undefined;
function classes(): Uint8Array {
	if (classTable) { return classTable; }
	classTable = new Uint8Array(65536);
	for (let c = 0; c < 65536; c++) { classTable[c] = charClass(c); }
	return classTable;
}

/**
 * A template id and up to three values mixed into 32 bits (multiply–xorshift, three products:
 * hashing is a good part of tagging's cost); never 0. Signed, so V8 keeps it a small integer.
 */
function hash(template: number, a: number, b = 0, c = 0): number {
	let h = Math.imul(template ^ 0x9e3779b9, 0x85ebca6b) ^ a;
	h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (b << 16) ^ c;
	h = Math.imul(h ^ (h >>> 13), 0x297a2d39);
	return (h ^ (h >>> 16)) | 0 || 1;
}

/** Padding code units beyond the line's ends. */
const begin = 0xfffe, end = 0xffff;

let starting = new Uint8Array(256), ending = new Uint8Array(256);

/**
 * The hashed features of every character of `folded` (the line folded to simplified):
 * `featureSlots` ids per character, row after row. `words`: the dictionary whose words
 * starting and ending at each character are features too.
 */
export function lineFeatures(folded: string, words: WordSet | undefined, out?: Int32Array): Int32Array {
	const n = folded.length;
	if (starting.length < n + 1) {
		starting = new Uint8Array(2 * n + 1); ending = new Uint8Array(2 * n + 1);
	}
	if (words) { words.mark(folded, starting, ending); } else { starting.fill(0); ending.fill(0); }
	const f = out && out.length >= n * featureSlots ? out : new Int32Array(n * featureSlots);
	const cls = classes();
	const code = (i: number) => i < 0 ? begin : i >= n ? end : folded.charCodeAt(i);
	const kind = (i: number) => i < 0 || i >= n ? Cls.Edge : cls[folded.charCodeAt(i)];
	const marks: LexiconMarks = lexiconMarks(folded);
	for (let i = 0; i < n; i++) {
		const cm2 = code(i - 2), cm1 = code(i - 1), c0 = code(i), cp1 = code(i + 1), cp2 = code(i + 2);
		const km1 = kind(i - 1), k0 = kind(i), kp1 = kind(i + 1);
		let s = i * featureSlots;
		f[s++] = hash(1, 0);
		f[s++] = hash(2, c0);
		f[s++] = hash(3, cm1);
		f[s++] = hash(4, cp1);
		f[s++] = hash(5, cm2);
		f[s++] = hash(6, cp2);
		f[s++] = hash(7, cm1, c0);
		f[s++] = hash(8, c0, cp1);
		f[s++] = hash(9, cm2, cm1);
		f[s++] = hash(10, cp1, cp2);
		f[s++] = hash(13, km1, k0, kp1);
		// Lexicon marks: what starts, ends or covers this character, with the character itself.
		const place = marks.place[i];
		f[s++] = place ? hash(15, place) : 0;
		f[s++] = place ? hash(16, place, c0) : 0;
		const surname = marks.surname[i];
		f[s++] = surname ? hash(17, surname, marks.titleBefore[i]) : 0;
		f[s++] = marks.titleAfter[i] ? hash(19, marks.titleAfter[i]) : 0;
		const org = marks.orgEnding[i];
		f[s++] = org ? hash(20, org) : 0;
		f[s++] = marks.dot[i] ? hash(23, marks.dot[i]) : 0;
		// Dictionary words: which start and end here, and whether a word boundary falls before or after.
		const ws = starting[i], we = ending[i], wePrevious = i > 0 ? ending[i - 1] : 255, wsNext = i + 1 < n ? starting[i + 1] : 255;
		f[s++] = hash(25, ws);
		f[s++] = hash(26, we);
		f[s++] = hash(27, wePrevious, ws);
		f[s++] = hash(28, we, wsNext);
		f[s++] = ws ? hash(29, ws, c0) : 0;
		f[s++] = we ? hash(30, we, c0) : 0;
		// How far ahead an organization's ending is (the start of 中国国家互联网信息办公室 sees 办公室).
		f[s++] = marks.orgAhead[i] ? hash(33, marks.orgAhead[i]) : 0;
		f[s++] = marks.orgAhead[i] ? hash(34, marks.orgAhead[i], c0) : 0;
	}
	return f;
}
