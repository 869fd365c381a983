/**
 * One pass over a document that every boilerplate rule shares (computed once per document
 * version): each line's pattern kind, the page model's verdict on every line and the chrome
 * blocks around the article (blocks.ts), "related reading" and reaction blocks, SEO spam spans.
 */
import { packedMap } from '../text/packed';
import type { CorpusDocument } from '../document';
import { Article, ChromeBlock, chromeBlocks } from './blocks';
import { featureCount, prose, RowInput } from './features';
import { lineRecords } from '../lruCache';
import { factsOf, lineFacts, LineFacts, LineMatch, sentenceEnd } from './lineFacts';
import { LineShape } from './lineShape';
import { judgePage, PageVerdict } from './page';
import { PageModel, pageModel } from './pageModel';
import { Scratch } from './scratch';

export interface Block { readonly first: number; readonly last: number }

export interface Analysis {
	readonly matches: readonly (LineMatch | undefined)[];
	readonly related: readonly Block[];
	readonly reactions: readonly Block[];
	/** Page chrome found from the page's structure by the page model. */
	readonly blocks: readonly ChromeBlock[];
	/** Per line: 0 outside blocks, 1 in a related block, 2 in a reaction widget, 3 in a certain page-chrome block. */
	readonly inBlock: Uint8Array;
	/** Spam spans, line-relative. */
	readonly spam: readonly { line: number; start: number; end: number }[];
	/** Per line: its shape (undefined for blank lines). */
	readonly shapes: readonly (LineShape | undefined)[];
	/** Per line: the key it is compared under as a possible running head (runningHeads.ts), if any. */
	readonly headKeys: readonly (string | undefined)[];
	/** Per line: the key it is counted under across the corpus (lineKey.ts), if any. */
	readonly keys: readonly (string | undefined)[];
	/** The page model's verdict: probability of chrome per line (0 for blank lines). */
	readonly chrome: Float64Array;
	/** Article spans found by the page model, in lines. */
	readonly articles: readonly Article[];
}

const memo = new WeakMap<CorpusDocument, Analysis>();

export function analyze(doc: CorpusDocument): Analysis {
	let a = memo.get(doc);
	if (!a) {
		a = compute(doc);
		memo.set(doc, a);
	}
	return a;
}

/**
 * The last analysis of an editor's document (version above 0): its lines' facts and the page
 * model's verdict, which the next version reuses for the lines and rows an edit left as they
 * were. What it reuses is only what a fresh analysis would compute again from the same input,
 * so the result is the same (test/unit/analysisIncremental.test.ts).
 */
interface Previous {
	readonly doc: CorpusDocument;
	readonly facts: readonly LineFacts[];
	readonly model: PageModel;
	readonly verdict: PageVerdict;
	/** The verdict's features before that one: no longer used, written over by the next version's. */
	readonly spare?: Float64Array;
}

const remembered = new Map<string, Previous>();
/** An editor's few large open documents. */
const maxRemembered = 4;
/** A verdict keeps ~400 bytes per row: pages beyond this many rows are judged whole each time. */
const maxRememberedRows = 50_000;

/** The editor closed the document: its last analysis is not needed any more. */
export function forgetAnalysis(uri: string): void {
	remembered.delete(uri);
}

function remember(p: Previous): void {
	remembered.delete(p.doc.uri);
	if (p.doc.version <= 0 || p.verdict.chrome.length > maxRememberedRows) { return; }
	remembered.set(p.doc.uri, p);
	if (remembered.size > maxRemembered) { remembered.delete(remembered.keys().next().value!); }
}

/** Each line's facts, taken from the last version where the line is one the edit did not touch. */
function factsOfLines(doc: CorpusDocument, prev: Previous | undefined): LineFacts[] {
	const now = doc.lines;
	if (!prev || prev.doc === doc) {
		const records = lineRecords(doc);
		return records ? packedMap(now, (l, i) => factsInRecord(records[i], l.text)) : packedMap(now, (l) => factsOf(l.text));
	}
	const old = prev.doc.lines, m = Math.min(old.length, now.length);
	let a = 0;
	while (a < m && old[a].text === now[a].text) { a++; }
	let s = 0;
	while (s < m - a && old[old.length - 1 - s].text === now[now.length - 1 - s].text) { s++; }
	const shift = old.length - now.length;
	return packedMap(now, (l, i) => (i < a ? prev.facts[i] : i >= now.length - s ? prev.facts[i + shift] : factsOf(l.text)));
}

/** A closed file's line's facts, kept in its line record (slot 0, lruCache.ts); a line too long to have one is looked up as usual. */
function factsInRecord(record: unknown[] | undefined, text: string): LineFacts {
	if (!record) { return factsOf(text); }
	return (record[0] ??= lineFacts(text)) as LineFacts;
}

/**
 * Whether a line is page chrome that a boilerplate rule removes whole (a pattern line, a block):
 * cleaning rules leave such lines to the boilerplate rules.
 */
export function isChromeLine(a: Analysis, line: number): boolean {
	const m = a.matches[line];
	return (m !== undefined && !m.span) || a.inBlock[line] !== 0;
}

function compute(doc: CorpusDocument): Analysis {
	const lines = doc.lines;
	const prev = remembered.get(doc.uri);
	// The last version's state is changed in place by this one (page.ts): never used twice.
	remembered.delete(doc.uri);
	const facts = factsOfLines(doc, prev);
	const matches = packedMap(facts, (f) => f.match);
	const blank = (i: number) => facts[i].blank;
	const nextNonBlank = (i: number) => { let j = i + 1; while (j < lines.length && blank(j)) { j++; } return j; };
	const headlineLike = (i: number) => facts[i].headlineLike;

	const model = pageModel();
	const page = pageOf(facts, model, prev?.model === model ? prev.verdict : undefined, prev?.spare ?? (doc.version <= 0 ? closedScratch : undefined));
	const verdict = page.verdict;
	remember({ doc, facts, model, verdict, spare: prev?.verdict.x });
	const inBlock = new Uint8Array(lines.length);
	// A certain block speaks for its lines; inside a doubtful one the pattern table and the related
	// and reaction blocks still report what they recognize (and fix-all applies those).
	for (const b of page.blocks) { if (b.certain) { inBlock.fill(3, b.first, b.last + 1); } }
	const related: Block[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (!facts[i].relatedHeading || inBlock[i]) { continue; }
		let last = i;
		for (let j = i + 1; j < lines.length; j++) {
			const f = facts[j];
			if (f.blank) { continue; }
			if (inBlock[j]) { break; }
			const teaser = nextNonBlank(j) < lines.length && facts[nextNonBlank(j)].timestamp;
			if (f.timestamp || (f.dated && !f.prose) || f.bullet || f.relatedHeading || (f.match && !f.match.span) || teaser || (headlineLike(j) && !f.prose)) {
				last = j;
			} else {
				break;
			}
		}
		if (last > i) {
			related.push({ first: i, last });
			inBlock.fill(1, i, last + 1);
			i = last;
		}
	}

	const reactions: Block[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (matches[i]?.kind !== 'reactions' || inBlock[i]) { continue; }
		let last = i;
		for (let j = i + 1; j < lines.length; j++) {
			const f = facts[j];
			if (f.blank) { continue; }
			if (inBlock[j]) { break; }
			if (f.numberOnly || f.match?.kind === 'reactions' || f.normalized.trim().length <= 6 && !sentenceEnd.test(f.normalized)) { last = j; } else { break; }
		}
		reactions.push({ first: i, last });
		inBlock.fill(2, i, last + 1);
		i = last;
	}

	const spam: { line: number; start: number; end: number }[] = [];
	for (let i = 0; i < lines.length; i++) {
		const s = facts[i].spam;
		if (s) { spam.push({ line: i, ...s }); }
	}

	return { matches, related, reactions, inBlock, spam, keys: packedMap(facts, (f) => f.templateKey), headKeys: packedMap(facts, (f) => f.headKey), shapes: packedMap(facts, (f) => (f.blank ? undefined : f.shape)),
		chrome: page.chrome, articles: page.articles, blocks: page.blocks };
}

/** The page model's inputs: the non-blank lines and what the features need of each. */
export function pageInputs(doc: CorpusDocument): { lines: number[]; rows: RowInput[] } {
	return inputsOf(doc.lines.map((l) => factsOf(l.text)));
}

function inputsOf(facts: readonly LineFacts[]): { lines: number[]; rows: RowInput[] } {
	const lines: number[] = [];
	const rows: RowInput[] = [];
	facts.forEach((f, i) => {
		if (f.blank) { return; }
		lines.push(i);
		rows.push(f);
	});
	return { lines, rows };
}

/**
 * A closed file's features are not kept after its analysis (only an editor's document is
 * remembered): one array per thread, written over file after file, for pages up to this many rows.
 */
const scratchRows = 4096;
let scratch: Float64Array | undefined;
const closedScratch = (rows: number) => (rows > scratchRows ? undefined : (scratch ??= new Float64Array(scratchRows * featureCount)).subarray(0, rows * featureCount));

/** Per line, whether stage one leans to chrome (read by the blocks within `pageOf`). */
const looksScratch = new Scratch((n) => new Uint8Array(n));

function pageOf(facts: readonly LineFacts[], model: PageModel, previous: PageVerdict | undefined, spare: Float64Array | ((rows: number) => Float64Array | undefined) | undefined): Pick<Analysis, 'chrome' | 'articles' | 'blocks'> & { verdict: PageVerdict } {
	const { lines, rows } = inputsOf(facts);
	const verdict = judgePage(rows, model, previous, typeof spare === 'function' ? spare(rows.length) : spare);
	const chrome = new Float64Array(facts.length);
	lines.forEach((line, row) => { chrome[line] = verdict.chrome[row]; });
	// An article's headline, dateline and byline are the article's, whatever the model says of them.
	for (const s of verdict.spans) { for (let r = s.first; r < s.first + (s.head ?? 0); r++) { chrome[lines[r]] = 0; } }
	const articles = packedMap(verdict.spans, (s) => ({ first: lines[s.first], last: lines[s.last], headed: (s.head ?? 0) > 0 }));
	const labelOf = (i: number) => facts[i].label;
	const articleLabels = new Set<string>();
	for (const a of articles) { for (let i = a.first; i <= a.last; i++) { const l = labelOf(i); if (l) { articleLabels.add(l); } } }
	const looksChrome = looksScratch.atLeast(facts.length).fill(0, 0, facts.length);
	lines.forEach((line, row) => { looksChrome[line] = verdict.z[row] >= model.stageOne.prior ? 1 : 0; });
	const input = (i: number) => {
		const f = facts[i];
		return { shape: f.blank ? undefined : f.shape, chrome: chrome[i], notice: f.match?.kind === 'copyright', prose: !f.blank && prose(f.shape), looksChrome: looksChrome[i] === 1,
			articleLabel: !f.blank && articleLabels.size > 0 && articleLabels.has(labelOf(i) ?? '') };
	};
	return { chrome, articles, blocks: chromeBlocks({ chrome, blank: (i) => facts[i].blank, input }, articles, model), verdict };
}
