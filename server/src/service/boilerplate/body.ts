/**
 * The article spans of a page: runs of lines that read as prose, found from stage one's
 * log-odds (chrome positive) the way body-text extraction finds the body of an HTML page — the
 * run whose evidence sums highest (Kadane), then, on either side of it, further runs at least a
 * third as strong (the other articles of an e-paper page). A short line between paragraphs (a
 * subheading) costs less than the paragraphs around it earn, so it stays inside. Linear in the
 * number of lines per span found; at most `maxSpans` spans.
 */

export interface Span {
	/** First and last row (non-blank line index) of the span. */
	readonly first: number;
	readonly last: number;
	/** Summed evidence. */
	readonly strength: number;
	/** Rows of the article's head (headline, dateline, byline) the span was grown over: from `first`, this many. */
	readonly head?: number;
}

const maxSpans = 24;
/** Evidence of one line is clipped, so one very long paragraph cannot carry a span of chrome. */
const clip = 3;

/** A span needs this much evidence at least (about two paragraphs). */
const minStrength = 3;



/** The best run of rows in `[from, to)`; a row's evidence is its log-odds of content beyond the prior's. */
function best(z: Float64Array, prior: number, from: number, to: number): Span | undefined {
	let bestSum = 0, bestFirst = -1, bestLast = -1;
	let sum = 0, first = from;
	for (let i = from; i < to; i++) {
		if (sum <= 0) { sum = 0; first = i; }
		sum += Math.max(-clip, Math.min(clip, prior - z[i]));
		if (sum > bestSum) { bestSum = sum; bestFirst = first; bestLast = i; }
	}
	return bestFirst < 0 ? undefined : { first: bestFirst, last: bestLast, strength: bestSum };
}

/** What growing a span needs to know of a row. */
export interface GrowthRow {
	/** Ends as a sentence or clause does and is no pattern-table line. */
	readonly sentence: boolean;
	/** A date, source or byline row (`2023-05-20 09:12 来源：…`, `本报记者 李明`). */
	readonly metadata: boolean;
	/** Shaped like a headline: 6–64 characters, no sentence mark, no separators. */
	readonly headline: boolean;
}

/**
 * Spans grown over what belongs to the article next to them: the sentences right beside it
 * (jusText's context step: a short block beside good text is good), an article's closing points
 * `二是…；`, and above it the head of the article — its dateline and byline rows and its
 * headline (with a subtitle or two), at most five rows. `row(i)` is asked only for the rows
 * around the spans' edges (a page's rows are not all made into objects per edit).
 */
export function grown(spans: readonly Span[], count: number, row: (i: number) => GrowthRow): Span[] {
	return spans.map((s, k) => {
		const floor = k > 0 ? spans[k - 1].last + 1 : 0, ceiling = k + 1 < spans.length ? spans[k + 1].first - 1 : count - 1;
		let first = s.first, last = s.last;
		while (first > floor && row(first - 1).sentence) { first--; }
		while (last < ceiling && row(last + 1).sentence) { last++; }
		let headlines = 0, head = 0;
		for (; head < 5 && first > floor && headlines < 3; head++) {
			const r = row(first - 1);
			if (r.headline) { headlines++; } else if (!r.metadata || headlines > 0) { break; }
			first--;
		}
		// A span that starts at its headline: the headline rows opening it are its head too.
		if (head === 0) { while (head < 3 && first + head < last && (row(first + head).headline || row(first + head).metadata)) { head++; } }
		return { first, last, strength: s.strength, head };
	});
}

export function articleSpans(z: Float64Array, prior: number): Span[] {
	const main = best(z, prior, 0, z.length);
	if (!main || main.strength < minStrength) { return []; }
	const spans = [main];
	const floor = Math.max(minStrength, main.strength / 3);
	const pending: [number, number][] = [[0, main.first], [main.last + 1, z.length]];
	while (pending.length > 0 && spans.length < maxSpans) {
		const [from, to] = pending.pop()!;
		const s = best(z, prior, from, to);
		if (!s || s.strength < floor) { continue; }
		spans.push(s);
		pending.push([from, s.first], [s.last + 1, to]);
	}
	return spans.sort((a, b) => a.first - b.first);
}

/**
 * The spans' first and last rows, ascending. Spans come in order, each after the last, so their
 * edges are mostly in order already: they are sorted only when two grown spans meet (sorting
 * each page's edges with a comparator cost ≈ 2 % of its analysis).
 */
export function spanEdges(spans: readonly Span[]): number[] {
	const edges: number[] = [];
	let sorted = true;
	for (const s of spans) {
		for (const edge of [s.first, s.last]) {
			if (edges.length > 0 && edge < edges[edges.length - 1]) { sorted = false; }
			edges.push(edge);
		}
	}
	return sorted ? edges : edges.sort((a, b) => a - b);
}
