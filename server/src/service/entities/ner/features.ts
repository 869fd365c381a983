/**
 * The features of the name recognizer, shared by training (tools/train-ner.mjs bundles this
 * file) and tagging: for every character of a line folded to simplified, a fixed number of
 * hashed feature ids. Character n-grams around it, character classes, and what news text puts
 * beside names: place-list entries, surnames, titles before people, organization endings.
 * Integer hashing only (no strings per feature), so a line costs a few array writes a character.
 */
import { lexiconMarks, LexiconMarks } from './lexiconMarks';
import type { NameLexicon } from './nameLexicon';
import type { WordSet } from './wordSet';

/** Feature slots per character (a slot left 0 is no feature). */
export const featureSlots = 30;

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

/**
 * A group of four features sharing one key (a character or a bigram at four offsets): their
 * rows are the four 16-byte rows of one 64-byte block of the weights table (the low two bits
 * are the slot), so the key's weights are read from memory once and stay cached while the
 * tagger passes it, instead of four reads scattered over the table.
 */
function groupHash(template: number, a: number, b = 0): number {
	return hash(template, a, b) & ~3 || 4;
}

/** Padding code units beyond the line's ends. */
const begin = 0xfffe, end = 0xffff;

let starting = new Uint8Array(256), ending = new Uint8Array(256);
let unigrams = new Int32Array(260), bigrams = new Int32Array(260);
let nameStart = new Uint8Array(256), nameStartLength = new Uint8Array(256), nameEnd = new Uint8Array(256), nameEndLength = new Uint8Array(256);

/**
 * The hashed features of every character of `folded` (the line folded to simplified):
 * `featureSlots` ids per character, row after row. `words`: the dictionary whose words
 * starting and ending at each character are features too.
 */
export function lineFeatures(folded: string, words: WordSet | undefined, names: NameLexicon | undefined, out?: Int32Array): Int32Array {
	const n = folded.length;
	if (starting.length < n + 1) {
		starting = new Uint8Array(2 * n + 1); ending = new Uint8Array(2 * n + 1);
		unigrams = new Int32Array(2 * n + 5); bigrams = new Int32Array(2 * n + 5);
		nameStart = new Uint8Array(2 * n + 1); nameStartLength = new Uint8Array(2 * n + 1); nameEnd = new Uint8Array(2 * n + 1); nameEndLength = new Uint8Array(2 * n + 1);
	}
	if (words) { words.mark(folded, starting, ending); } else { starting.fill(0); ending.fill(0); }
	if (names) { names.mark(folded, nameStart, nameStartLength, nameEnd, nameEndLength); } else { nameStart.fill(0); nameStartLength.fill(0); nameEnd.fill(0); nameEndLength.fill(0); }
	// The longest known name covering each character strictly inside it.
	let inside = 0, insideEnd = 0;
	const f = out && out.length >= n * featureSlots ? out : new Int32Array(n * featureSlots);
	const cls = classes();
	const code = (i: number) => i < 0 ? begin : i >= n ? end : folded.charCodeAt(i);
	const kind = (i: number) => i < 0 || i >= n ? Cls.Edge : cls[folded.charCodeAt(i)];
	const marks: LexiconMarks = lexiconMarks(folded);
	// Group keys of the character and the bigram starting at each position, from 2 before the line to 2 after (index + 2).
	for (let j = -2; j < n + 2; j++) {
		unigrams[j + 2] = groupHash(2, code(j));
		bigrams[j + 2] = groupHash(7, code(j), code(j + 1));
	}
	for (let i = 0; i < n; i++) {
		const c0 = code(i), cp2 = code(i + 2);
		const km1 = kind(i - 1), k0 = kind(i), kp1 = kind(i + 1);
		let s = i * featureSlots;
		f[s++] = hash(1, 0);
		// The characters at -2 … +1 and the four bigrams around this one, each read from its group.
		f[s++] = unigrams[i + 2];
		f[s++] = unigrams[i + 1] | 1;
		f[s++] = unigrams[i + 3] | 2;
		f[s++] = unigrams[i] | 3;
		f[s++] = hash(6, cp2);
		f[s++] = bigrams[i + 1];
		f[s++] = bigrams[i + 2] | 1;
		f[s++] = bigrams[i] | 2;
		f[s++] = bigrams[i + 3] | 3;
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
		// Which ending it is (公司, 大学, 委员会…), and a known name opening the organization there.
		f[s++] = marks.orgAhead[i] ? hash(35, marks.orgAhead[i], marks.orgAheadKind[i]) : 0;
		// Names of the training text: the longest starting here, ending here, covering this character.
		const ns = nameStart[i], ne = nameEnd[i];
		f[s++] = ns ? hash(40, ns, Math.min(nameStartLength[i], 8)) : 0;
		f[s++] = ne ? hash(41, ne, Math.min(nameEndLength[i], 8)) : 0;
		f[s++] = inside && i < insideEnd - 1 ? hash(42, inside) : 0;
		f[s++] = ns && marks.orgAhead[i] ? hash(43, ns & 3, Math.min(nameStartLength[i], 8), marks.orgAhead[i]) : 0;
		if (ns && i + nameStartLength[i] > insideEnd) { inside = ns; insideEnd = i + nameStartLength[i]; }
	}
	return f;
}
