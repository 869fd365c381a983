/**
 * Judges every non-blank line of a page: stage one (a line's shape and neighbours), the article
 * spans from it, stage two (shape plus position relative to the articles), giving each line's
 * probability of being page chrome. Linear in the number of lines.
 */
import { articleSpans, grown, Span } from './body';
import { featureCount, RowInput, StageOne, stageOneFeatures } from './features';
import { addStageTwo, StageTwo, strengthFeature } from './stageTwo';
import { compiledTrees, PageModel, stageOne } from './pageModel';

export interface PageFeatures {
	/** Row-major features, `featureCount` per row. */
	readonly x: Float64Array;
	/** Stage one's log-odds of chrome per row. */
	readonly z: Float64Array;
	readonly spans: readonly Span[];
	/** What stage one read (for the page's next version). */
	readonly stageOne: StageOne;
	/** What stage two read (for the page's next version). */
	readonly stageTwo: StageTwo;
}

/** The features of every row; with the page's last version, a row whose stage-one features were copied keeps its log-odds too. */
export function pageFeatures(rows: readonly RowInput[], model: Pick<PageModel, 'stageOne'>, last?: PageFeatures, spare?: Float64Array): PageFeatures {
	const one = stageOneFeatures(rows, last?.stageOne, spare);
	const x = one.x;
	const z = new Float64Array(rows.length);
	for (let i = 0; i < rows.length; i++) { z[i] = one.kept?.[i] ? last!.z[i] : stageOne(model as PageModel, x, i * featureCount); }
	const growth = (i: number) => {
		const r = rows[i];
		return {
			sentence: r.shape.endsClause && !r.patternLine,
			metadata: r.metadata || ((r.shape.hasDate || r.shape.hasTime) && r.shape.length <= 60),
			headline: r.shape.length >= 6 && r.shape.length <= 64 && r.shape.sentenceMarks === 0 && r.shape.separators < 2 && !r.patternLine,
		};
	};
	const spans = grown(articleSpans(z, model.stageOne.prior), rows.length, growth);
	const two = addStageTwo(x, z, spans, rows, last?.stageTwo);
	return { x, z, spans, stageOne: one, stageTwo: two };
}

export interface PageVerdict extends PageFeatures {
	/** Probability of chrome per row. */
	readonly chrome: Float64Array;
}

/**
 * Probability of chrome per row and stage one's log-odds, with the article spans. With the
 * verdict of the page's last version (same model), a row that takes the same path through every
 * tree as the row at its index there, or as the row it was before rows were added or removed,
 * keeps its probability: the trees, most of a page's cost, score only the rows an edit changed.
 * `spare`: a features array no longer used (the verdict before `previous`), written over.
 */
export function judgePage(rows: readonly RowInput[], model: PageModel, previous?: PageVerdict, spare?: Float64Array): PageVerdict {
	const features = pageFeatures(rows, model, previous, spare);
	const { x } = features;
	const n = rows.length;
	const chrome = new Float64Array(n);
	const old = previous?.chrome.length ?? 0, shift = old - n;
	const trees = compiledTrees(model.stageTwo);
	// A row whose features were all copied from the last version's (both stages) but the main
	// article's strength, which is on the same side of every cut as there: its probability stands.
	const one = features.stageOne.kept, two = features.stageTwo.kept;
	const strengthKept = previous !== undefined && two !== undefined && trees.sameSide(strengthFeature, x[strengthFeature], previous.x[strengthFeature]);
	for (let i = 0; i < n; i++) {
		if (strengthKept && one![i] === 1 && two![i] === 1) { chrome[i] = previous!.chrome[i]; continue; }
		const o = i * featureCount;
		const kept = !previous ? -1
			: i < old && trees.samePaths(x, o, previous.x, i * featureCount) ? i
				: shift !== 0 && i + shift >= 0 && i + shift < old && trees.samePaths(x, o, previous.x, (i + shift) * featureCount) ? i + shift : -1;
		chrome[i] = kept >= 0 ? previous!.chrome[kept] : 1 / (1 + Math.exp(-trees.score(x, o)));
	}
	// Named, not spread: a spread copies by the object's properties at run time (≈ 1 % of a page's analysis).
	return { x, z: features.z, spans: features.spans, stageOne: features.stageOne, stageTwo: features.stageTwo, chrome };
}
