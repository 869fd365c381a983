/**
 * An open document's mentions while the user types, from the ones indexed for its last indexed
 * text. Names are indexed again only when the user pauses (tagging a large document per
 * keystroke is too slow); until then entity.variant's warnings must stay where they are.
 *
 * A line's mentions depend on its text and the known names alone: the recognizer tags line by
 * line, no name holds a line break, and the matcher's look-arounds (a Han character on either
 * side, the words before a name) stop at one. So a line whose text the indexed text also has
 * keeps that line's mentions, moved to where the line now is, and any other line is tagged and
 * matched again alone. The result is what a match of the whole edited text against the same
 * names gives (the property test holds it to that). What the edit would change in the corpus's
 * names (a name typed for the first time, counts, sound-alikes) waits for the next indexing.
 */
import type { Line } from '../document';
import type { EntityRef, Tagger } from '../types';
import { discover } from './discovery';
import { matchNames, NameLookup } from './matcher';

/** A text the index located mentions in: its text and lines (a CorpusDocument). */
export interface IndexedText { readonly text: string; readonly lines: readonly Line[] }

/** What finds the mentions of a line the indexed text does not have (the names as the index knows them). */
export interface Refinder { readonly names: NameLookup; readonly tagger: Tagger }

/** New text tagged per call at most (UTF-16 units): a pasted chapter's names wait for the indexing. */
export const maxRefound = 20_000;
/** Changed lines past which the indexed text's lines are looked up by text (two edits far apart). */
const lookUpPast = 8;

/** Kept per indexed text and its packed mentions: line texts and where each line's mentions start. */
interface Indexed {
	/** The indexed text's line texts; an equal line of an edited text takes its place (compared by identity next time). */
	readonly texts: string[];
	/** Index (in mentions, not units) of the first mention on each line, and the total at the end. */
	readonly firstOnLine: Int32Array;
	byText?: Map<string, number>;
}

const kept = new WeakMap<Int32Array, { text: IndexedText; indexed: Indexed | null }>();

function indexedOf(base: IndexedText, packed: Int32Array): Indexed | null {
	const hit = kept.get(packed);
	if (hit?.text === base) { return hit.indexed; }
	// A text with a lone \r (old Mac files) is left to the next indexing: the property test covers \n and \r\n.
	const indexed = loneCr(base.text, 0, base.text.length) ? null : build(base, packed);
	kept.set(packed, { text: base, indexed });
	return indexed;
}

function build(base: IndexedText, packed: Int32Array): Indexed {
	const lines = base.lines;
	const firstOnLine = new Int32Array(lines.length + 1);
	let k = 0;
	for (let line = 0; line <= lines.length; line++) {
		while (k * 4 < packed.length && packed[k * 4] < line) { k++; }
		firstOnLine[line] = k;
	}
	return { texts: lines.map((l) => l.text), firstOnLine };
}

const loneCr = (text: string, from: number, to: number): boolean => {
	for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) {
		if (text.charCodeAt(i + 1) !== 10) { return true; }
	}
	return false;
};

/**
 * The mentions of `doc` (packed: line, character, length, entity id, …, in the index's order)
 * from `packed`, located in `base`; undefined when they cannot be told (a lone \r). Without
 * `refind`, or past `maxRefound`, the mentions of lines new to the text are left out.
 */
export function editedMentions(base: IndexedText, packed: Int32Array, doc: IndexedText, refind?: Refinder): Int32Array | undefined {
	const indexed = indexedOf(base, packed);
	if (!indexed) { return undefined; }
	const was = indexed.texts;
	const now = doc.lines;
	const n = Math.min(was.length, now.length);
	let from = 0;
	while (from < n && same(was, from, now[from].text)) { from++; }
	let tail = 0;
	while (tail < n - from && same(was, was.length - 1 - tail, now[now.length - 1 - tail].text)) { tail++; }
	const oldTo = was.length - tail, newTo = now.length - tail;
	if (from === oldTo && from === newTo) { return packed; }
	// The changed lines and the breaks around them (the rest equals the indexed text's).
	const start = now[Math.max(0, from - 1)].start, end = now[Math.min(now.length - 1, newTo)].end;
	if (loneCr(doc.text, start, Math.min(doc.text.length, end + 1))) { return undefined; }
	const out = new PackedOut(packed.length);
	out.copy(packed, 0, indexed.firstOnLine[from], 0);
	let budget = maxRefound;
	for (let line = from; line < newTo; line++) {
		const text = now[line].text;
		const same = newTo - from > lookUpPast ? lineOf(indexed, text) : undefined;
		if (same !== undefined) {
			out.copy(packed, indexed.firstOnLine[same], indexed.firstOnLine[same + 1], line - same);
		} else if (refind && text.length <= budget) {
			budget -= text.length;
			out.copy(lineMentions(text, refind), 0, Infinity, line);
		}
	}
	out.copy(packed, indexed.firstOnLine[oldTo], indexed.firstOnLine[was.length], newTo - oldTo);
	return out.result();
}

/** Equal line texts; the indexed one is replaced by the edited one's string, so the next comparison is by identity. */
function same(was: string[], i: number, text: string): boolean {
	if (was[i] !== text) { return false; }
	was[i] = text;
	return true;
}

function lineOf(indexed: Indexed, text: string): number | undefined {
	if (!indexed.byText) {
		indexed.byText = new Map();
		indexed.texts.forEach((t, i) => { if (!indexed.byText!.has(t)) { indexed.byText!.set(t, i); } });
	}
	return indexed.byText.get(text);
}

/** The mentions of one line alone, tagged and matched as the index does (line 0). */
function lineMentions(text: string, refind: Refinder): Int32Array {
	const found = discover(text, refind.tagger);
	const spans = new Int32Array(found.length * 2);
	found.forEach((f, i) => { spans[2 * i] = f.start; spans[2 * i + 1] = f.end; });
	return matchNames(text, spans, refind.names, refind.tagger.nameModel?.words).mentions;
}

/** The first mention of entity `id` in packed mentions. */
export function firstMentionOf(packed: Int32Array, id: number): { line: number; character: number; length: number } | undefined {
	for (let i = 3; i < packed.length; i += 4) {
		if (packed[i] === id) { return { line: packed[i - 3], character: packed[i - 2], length: packed[i - 1] }; }
	}
	return undefined;
}

class PackedOut {
	#a: Int32Array;
	#n = 0;
	constructor(size: number) { this.#a = new Int32Array(Math.max(16, size + 64)); }

	/** Mentions `[from, to)` of `packed` (in mentions), their lines moved by `shift`. */
	copy(packed: Int32Array, from: number, to: number, shift: number): void {
		const end = Math.min(to * 4, packed.length);
		const count = end - from * 4;
		if (count <= 0) { return; }
		if (this.#n + count > this.#a.length) {
			const grown = new Int32Array(Math.max(this.#a.length * 2, this.#n + count));
			grown.set(this.#a.subarray(0, this.#n));
			this.#a = grown;
		}
		this.#a.set(packed.subarray(from * 4, end), this.#n);
		if (shift !== 0) { for (let i = this.#n; i < this.#n + count; i += 4) { this.#a[i] += shift; } }
		this.#n += count;
	}

	result(): Int32Array { return this.#a.slice(0, this.#n); }
}

/**
 * `ref` with its first mention read in the edited text when that is in this document: the
 * related place of a warning moves with the text. When the document no longer mentions it, the
 * first file is another one, which the next indexing tells.
 */
export function withFirstIn(ref: EntityRef, uri: string, packed: Int32Array): EntityRef {
	const first = ref.first;
	if (first?.uri !== uri) { return ref; }
	const at = firstMentionOf(packed, ref.id);
	return at ? { id: ref.id, name: ref.name, type: ref.type, mentions: ref.mentions, files: ref.files, first: { uri, ...at } } : ref;
}
