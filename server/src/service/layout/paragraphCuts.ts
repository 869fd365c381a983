/**
 * The paragraphs of a document that may be cut mid-sentence, and the continuations that join
 * them: the pairing behind layout.broken-paragraph (see the rule for what counts as a cut).
 * Segmentations are cached per edge on the rule's context, so an edit re-segments only what
 * changed; a cut whose two characters no dictionary word holds side by side is never segmented.
 */
import { analyze, isChromeLine } from '../boilerplate/analysis';
import { normalizeLine } from '../boilerplate/normalize';
import type { CorpusDocument } from '../document';
import { isSpaceUnit, unitTable } from '../text/chars';
import { packedMap } from '../text/packed';
import { segmented } from '../text/segmented';
import type { RuleContext, Segmenter } from '../types';

/** Characters that close a paragraph (it is trimmed, so the last one decides). */
const closingChars = new Set([...'。！？!?…”’」』)）]】：:；;—~～.'].map((c) => c.charCodeAt(0)));
/** 1 for the units of 。！？!?, which finish a sentence. */
const finishingUnits = unitTable('。！？!?');
const clausePunctuation = /[，,、；;。！？!?]/;
/** Characters on each side of the cut that the segmenter sees. */
const window = 8;
/** Pairs scored at most per document: beyond it, only nearby paragraphs are candidates. */
const maxPairs = 5_000;

export interface Paragraph {
	readonly line: number;
	readonly start: number;
	readonly end: number;
	readonly text: string;
	/** Ends without closing punctuation after a finished sentence: cut, reported even when its continuation is missing. */
	readonly cut: boolean;
	/** Ends without closing punctuation after clauses only (a lede may): cut only if a continuation is found. */
	readonly mayBeCut: boolean;
	/** Holds clause punctuation: body text that may continue a cut paragraph. */
	readonly canContinue: boolean;
	readonly shape: ParagraphLine;
}

/** What a line says of itself as a paragraph, cached per line text (an edit looks at the lines it changed). */
interface ParagraphLine {
	readonly lead: number;
	readonly text: string;
	readonly open: boolean;
	readonly clauses: boolean;
	readonly cut: boolean;
	/** Folded (simplified) edges the segmenter sees, when asked. */
	left?: string;
	right?: string;
	/** Whether the segmenter cuts one character off the right edge's start, when asked. */
	fragment?: boolean;
}

export function paragraphs(doc: CorpusDocument, ctx: RuleContext): Paragraph[] {
	const analysis = analyze(doc);
	const shapes = ctx.cache<ParagraphLine>('paragraph').perLine(doc, (line) => {
		const text = line.trim();
		const open = text.length >= 20 && !closingChars.has(text.charCodeAt(text.length - 1));
		// Every field from the start: fields added later give the objects other shapes, and the functions reading them are compiled again.
		return { lead: leadingSpaces(line), text, open, clauses: clausePunctuation.test(text), cut: open && finishesSentenceBefore(text, text.length - 1), left: undefined, right: undefined, fragment: undefined };
	});
	const out: Paragraph[] = [];
	const lines = doc.lines;
	for (let n = 0; n < lines.length; n++) {
		const l = lines[n];
		const shape = shapes[n];
		const { lead, text, open, clauses, cut } = shape;
		if (text.length === 0 || isChromeLine(analysis, n)) { continue; }
		out.push({ line: n, start: l.start + lead, end: l.start + lead + text.length, text, cut, mayBeCut: open && clauses && out.length > 0, canContinue: clauses, shape });
	}
	return out;
}

/** `line.length - line.trimStart().length` without the trimmed copy (`trim` and `\s` remove the same units). */
function leadingSpaces(line: string): number {
	let i = 0;
	while (i < line.length && isSpaceUnit(line.charCodeAt(i))) { i++; }
	return i;
}

/** `/[。！？!?]/.test(text.slice(0, end))` without the copy. */
function finishesSentenceBefore(text: string, end: number): boolean {
	for (let i = 0; i < end; i++) { if (finishingUnits[text.charCodeAt(i)] === 1) { return true; } }
	return false;
}

export const isHead = (p: Paragraph) => p.cut || p.mayBeCut;
/** Folded (simplified) edges the segmenter sees. */
const leftEdge = (p: Paragraph) => (p.shape.left ??= normalizeLine(p.text.slice(-window)));
const rightEdge = (p: Paragraph) => (p.shape.right ??= normalizeLine(p.text.slice(0, window)));

/** The candidate starts with a fragment: segmented by itself, its first word is one character. */
const startsWithFragment = (_right: string, words: readonly string[]) => (words[0] ?? '').length === 1;

/** True when the segmenter's first word of `right` is surely its first unit alone; undefined when only a cut tells. */
const aloneAtStart = (segmenter: Segmenter, right: string) =>
	(right.length >= 2 && segmenter.mayJoin?.(right.charCodeAt(0), right.charCodeAt(1)) === false ? true : undefined);

/** Whether a word of the segmenter may cross the cut between `left` and `right` (false: no join, no need to segment). */
const mayJoinAcross = (segmenter: Segmenter, left: string, right: string) =>
	left.length > 0 && right.length > 0 && (segmenter.mayJoin?.(left.charCodeAt(left.length - 1), right.charCodeAt(0)) ?? true);

/** The dictionary word the segmenter forms across the cut after `cut` units, if any; '' when none. */
function joinWord(cut: number, words: readonly string[]): string {
	let at = 0;
	for (const word of words) {
		if (at < cut && at + word.length > cut) { return word; }
		at += word.length;
		if (at > cut) { break; }
	}
	return '';
}

export interface Pair { readonly head: Paragraph; readonly next: Paragraph; readonly word: string; readonly score: number }

/**
 * The paragraphs that may continue a cut: a paragraph that starts a sentence begins with a whole
 * word, a continuation with a fragment. Kept on the line's shape: an edit does not look every
 * candidate's edge up again. A start is segmented only when it can matter: with few enough pairs
 * that every head meets every candidate, one that no head's edge may join is in no pair anyway.
 */
function continuations(all: readonly Paragraph[], heads: readonly Paragraph[], segmenter: Segmenter, ctx: RuleContext): Paragraph[] {
	const continuing = all.filter((p) => p.canContinue);
	const everyPair = heads.length * continuing.length <= maxPairs;
	const lefts = packedMap(heads, leftEdge);
	const matters = (p: Paragraph) => !everyPair || heads.some((h, i) => h !== p && mayJoinAcross(segmenter, lefts[i], rightEdge(p)));
	const unknown: Paragraph[] = [];
	for (const p of continuing) {
		if (p.shape.fragment !== undefined || !matters(p)) { continue; }
		// A first unit that no word holds with the second is a word alone: segmented only when one may.
		p.shape.fragment = aloneAtStart(segmenter, rightEdge(p));
		if (p.shape.fragment === undefined) { unknown.push(p); }
	}
	const fragments = segmented(segmenter, ctx.cache<boolean>('fragment'), packedMap(unknown, rightEdge), (right) => right, startsWithFragment);
	for (const p of unknown) { p.shape.fragment = fragments.get(rightEdge(p)); }
	return continuing.filter((p) => p.shape.fragment);
}

export function bestPairs(all: readonly Paragraph[], segmenter: Segmenter, ctx: RuleContext): Pair[] {
	const heads = all.filter(isHead);
	const candidates = continuations(all, heads, segmenter, ctx);
	const lefts = new Map(heads.map((h) => [h, leftEdge(h)]));
	const rights = new Map(candidates.map((c) => [c, rightEdge(c)]));
	const reach = heads.length * candidates.length > maxPairs ? Math.floor(maxPairs / Math.max(1, heads.length) / 2) : Infinity;
	const near: [Paragraph, Paragraph, string][] = [];
	/** Each pair's edges: the text cut and where the cut is. */
	const edges = new Map<string, [string, number]>();
	for (const head of heads) {
		for (const next of candidates) {
			if (next === head || Math.abs(next.line - head.line) > reach) { continue; }
			const left = lefts.get(head)!, right = rights.get(next)!;
			if (!mayJoinAcross(segmenter, left, right)) { continue; }
			const key = `${left}\u0000${right}`;
			if (!edges.has(key)) { edges.set(key, [left + right, left.length]); }
			near.push([head, next, key]);
		}
	}
	const words = segmented(segmenter, ctx.cache<string>('join'), packedMap(near, (n) => n[2]), (key) => edges.get(key)![0], (key, cut) => joinWord(edges.get(key)![1], cut));
	const pairs: Pair[] = [];
	for (const [head, next, key] of near) {
		const word = words.get(key);
		// Longer words across the cut are stronger evidence; continuations usually come later in the file.
		if (word) { pairs.push({ head, next, word, score: word.length + (next.line > head.line ? 0.5 : 0) - Math.abs(next.line - head.line) / 1e6 }); }
	}
	pairs.sort((a, b) => b.score - a.score);
	const usedHeads = new Set<Paragraph>();
	const usedNext = new Set<Paragraph>();
	const chosen: Pair[] = [];
	for (const p of pairs) {
		if (usedHeads.has(p.head) || usedNext.has(p.next) || usedHeads.has(p.next) || usedNext.has(p.head)) { continue; }
		usedHeads.add(p.head);
		usedNext.add(p.next);
		chosen.push(p);
	}
	return chosen;
}
