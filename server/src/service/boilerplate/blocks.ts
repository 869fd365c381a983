/**
 * Page-chrome blocks: runs of lines the page model judges chrome (blank lines between them
 * included), each with where it stands (before the article, after it, between two articles,
 * inside one) and what it looks like (a menu of short
 * lines, a list of headlines, a row of links, comments, the footer). A block is certain — its
 * fix is applied by fix-all — only outside the articles, when the model is sure of it as a whole
 * and of each of its lines (nearly sure of a line that reads as prose by itself) and most of its
 * lines look like chrome by themselves, and none opens with a label the article's lines open with;
 * otherwise it is reported as Information and left to the user.
 */
import type { LineShape } from './lineShape';
import type { PageModel } from './pageModel';

export type BlockKind = 'menu' | 'headlines' | 'links' | 'comments' | 'footer' | 'lines';
export type BlockPlace = 'head' | 'tail' | 'between' | 'inside';

export interface ChromeBlock {
	readonly first: number;
	readonly last: number;
	/** Non-blank lines in the block. */
	readonly lines: number;
	readonly kind: BlockKind;
	readonly place: BlockPlace;
	readonly certain: boolean;
	/** Why it is not certain (for tools): place, unsure, prose, looks, label. */
	readonly doubts: readonly string[];
}

/** An article span, in lines; `headed` when its headline or dateline was found above it. */
export interface Article { readonly first: number; readonly last: number; readonly headed: boolean }

export interface BlockInput {
	readonly shape: LineShape | undefined;
	/** Probability that the line is chrome (0 for blank lines). */
	readonly chrome: number;
	/** A copyright or licence row of the pattern table. */
	readonly notice: boolean;
	/** The line reads as prose by itself (a sentence, or a clause-punctuated line of 10 characters or more). */
	readonly prose: boolean;
	/** Stage one, from the line and its neighbours alone, leans to chrome. */
	readonly looksChrome: boolean;
	/** The line opens with a label (`地点:`, `记者:`) that also opens a line of an article: a programme, a spec sheet, an interview. */
	readonly articleLabel: boolean;
}

/** No line of a certain block is below this probability; no line of it that reads as prose below the second. */
const minimumCertain = 0.6;
const proseCertain = 0.97;
/** Share of a certain block's lines that stage one alone judges chrome. */
const lookingShare = 0.7;

/**
 * The page's lines as the blocks read them: each line's probability of chrome and whether it is
 * blank for every line, the rest (`input`) only for the lines of a block.
 */
export interface BlockLines {
	readonly chrome: Float64Array;
	blank(line: number): boolean;
	input(line: number): BlockInput;
}

export function chromeBlocks(lines: BlockLines, articles: readonly Article[], model: PageModel): ChromeBlock[] {
	const out: ChromeBlock[] = [];
	// Without an article the model has nothing to measure lines against (a programme, a poem, a
	// photo page): no guesses; the pattern table still speaks.
	if (articles.length === 0) { return out; }
	const { chrome } = lines, count = chrome.length;
	// Blocks do not straddle an article's edge: what lies inside it is judged apart.
	const edge = new Uint8Array(count + 1);
	for (const a of articles) { edge[a.first] = 1; edge[a.last + 1] = 1; }
	for (let i = 0; i < count; i++) {
		if (chrome[i] < model.report) { continue; }
		let last = i, j = i + 1;
		for (; j < count && !edge[j]; j++) {
			if (lines.blank(j)) { continue; }
			if (chrome[j] < model.report) { break; }
			last = j;
		}
		const inputs: BlockInput[] = [];
		for (let k = i; k <= last; k++) { inputs.push(lines.input(k)); }
		const b = block(inputs, i, last, articles, model);
		if (!likeTheArticle(inputs)) { out.push(b); }
		i = last;
	}
	return out;
}

/**
 * Lines that open with the labels the article's lines open with (a programme's 地点:, 主持人:, a
 * spec sheet's 最大功率:) are the article's own list, not chrome beside it: a block where they
 * are common is no block.
 */
function likeTheArticle(lines: readonly BlockInput[]): boolean {
	let labelled = 0, rows = 0;
	for (const l of lines) { if (l.shape) { rows++; if (l.articleLabel) { labelled++; } } }
	return labelled >= 2 && labelled * 4 >= rows;
}

/** The block of lines `first` to `last` (`lines`: theirs). */
function block(lines: readonly BlockInput[], first: number, last: number, articles: readonly Article[], model: PageModel): ChromeBlock {
	const rows = lines.filter((l) => l.shape);
	const place = placeOf(first, last, articles);
	const mean = rows.reduce((n, r) => n + r.chrome, 0) / rows.length;
	const next = articles.find((a) => a.first > last);
	const doubts = [
		// Inside an article, or before one whose start we do not know (no headline or dateline found above it).
		place === 'inside' || (place !== 'tail' && !next?.headed) ? 'place' : '',
		mean < model.certain || rows.some((r) => r.chrome < minimumCertain) ? 'unsure' : '',
		// Deleting text is the costly mistake: a line that reads as prose by itself must be near certain.
		rows.some((r) => r.prose && r.chrome < proseCertain) ? 'prose' : '',
		// Most lines must look like chrome by themselves, not only by where they stand.
		// Before an article, most lines must look like chrome by themselves, not only by where they
		// stand (what opens a page may be the article's own start: a programme, a lede).
		place !== 'tail' && countOf(rows, (r) => r.looksChrome) < rows.length * lookingShare ? 'looks' : '',
		rows.some((r) => r.articleLabel) ? 'label' : '',
	].filter((d) => d);
	return { first, last, lines: rows.length, kind: kindOf(rows, place), place, certain: doubts.length === 0, doubts };
}

/** How many of `rows` pass `test` (a filter's length without its array: the blocks are judged again at every keystroke). */
function countOf(rows: readonly BlockInput[], test: (r: BlockInput) => boolean): number {
	let n = 0;
	for (let i = 0; i < rows.length; i++) { if (test(rows[i])) { n++; } }
	return n;
}

/** Where a block stands; one that overlaps an article's edge counts by the side it reaches out to. */
function placeOf(first: number, last: number, articles: readonly Article[]): BlockPlace {
	if (articles.some((a) => first >= a.first && last <= a.last)) { return 'inside'; }
	if (first < articles[0].first) { return 'head'; }
	if (last > articles[articles.length - 1].last) { return 'tail'; }
	return 'between';
}

function kindOf(rows: readonly BlockInput[], place: BlockPlace): BlockKind {
	const n = rows.length;
	const count = (test: (s: LineShape) => boolean) => countOf(rows, (r) => test(r.shape!));
	if (place === 'tail' && rows.some((r) => r.notice) && n <= 12) { return 'footer'; }
	if (n === 1 && (rows[0].shape!.separators >= 2 || rows[0].shape!.gaps >= 3)) { return 'links'; }
	if (count((s) => s.length <= 8 && !s.endsSentence) >= n * 0.6) { return 'menu'; }
	if (place === 'tail' && count((s) => s.hasDate || s.hasTime) >= 2 && countOf(rows, (r) => r.prose) >= n * 0.3) { return 'comments'; }
	if (count((s) => s.length > 8 && s.length <= 48 && s.sentenceMarks === 0) >= n * 0.6) { return 'headlines'; }
	return 'lines';
}
