/**
 * Judges every non-blank line of a page: stage one (a line's shape and neighbours), the article
 * spans from it, stage two (shape plus position relative to the articles), giving each line's
 * probability of being page chrome. Linear in the number of lines.
 */
import { articleSpans, grown, Span } from './body';
import { addStageTwo, featureCount, RowInput, stageOneFeatures } from './features';
import { PageModel, stageOne, treeScore } from './pageModel';

export interface PageFeatures {
	/** Row-major features, `featureCount` per row. */
	readonly x: Float64Array;
	/** Stage one's log-odds of chrome per row. */
	readonly z: Float64Array;
	readonly spans: readonly Span[];
}

export function pageFeatures(rows: readonly RowInput[], model: Pick<PageModel, 'stageOne'>): PageFeatures {
	const x = stageOneFeatures(rows);
	const z = new Float64Array(rows.length);
	for (let i = 0; i < rows.length; i++) { z[i] = stageOne(model as PageModel, x, i * featureCount); }
	const growth = rows.map((r) => ({
		sentence: r.shape.endsClause && !r.patternLine,
		metadata: r.metadata || ((r.shape.hasDate || r.shape.hasTime) && r.shape.length <= 60),
		headline: r.shape.length >= 6 && r.shape.length <= 64 && r.shape.sentenceMarks === 0 && r.shape.separators < 2 && !r.patternLine,
	}));
	const spans = grown(articleSpans(z, model.stageOne.prior), growth);
	addStageTwo(x, z, spans, rows);
	return { x, z, spans };
}

/** Probability of chrome per row and stage one's log-odds, with the article spans. */
export function judgePage(rows: readonly RowInput[], model: PageModel): { chrome: Float64Array; z: Float64Array; spans: readonly Span[] } {
	const { x, z, spans } = pageFeatures(rows, model);
	const chrome = new Float64Array(rows.length);
	for (let i = 0; i < rows.length; i++) { chrome[i] = 1 / (1 + Math.exp(-treeScore(model.stageTwo, x, i * featureCount))); }
	return { chrome, z, spans };
}
