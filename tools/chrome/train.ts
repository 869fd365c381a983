/**
 * Trains the page-chrome model on labelled pages: stage one (logistic regression on a line's
 * own features) on every labelled line, then stage two (boosted trees) on the features stage one
 * makes possible. Lines labelled unsure (titles, datelines, credits) are not trained on. Each
 * page's lines weigh 1/√(its labelled lines), so a page of 600 comment lines does not outvote
 * twenty short pages.
 */
import { CorpusDocument } from '../../server/src/service';
import { pageInputs } from '../../server/src/service/boilerplate/analysis';
import { featureCount, featureNames, stageOneCount, stageOneFeatures } from '../../server/src/service/boilerplate/features';
import { pageFeatures } from '../../server/src/service/boilerplate/page';
import { PageModel, setPageModel } from '../../server/src/service/boilerplate/pageModel';
import { boost, Data, logistic } from './boost';
import type { Page } from './pages';

export type Model = PageModel;

interface Labelled { readonly rows: ReturnType<typeof pageInputs>['rows']; readonly y: Int8Array; readonly weight: number }

function labelled(page: Page): Labelled {
	const { lines, rows } = pageInputs(new CorpusDocument(`file:///${page.name}.txt`, 1, page.text));
	const y = new Int8Array(rows.length).fill(-1);
	lines.forEach((line, row) => {
		const label = page.labels.get(line);
		if (label === 'chrome') { y[row] = 1; } else if (label === 'content') { y[row] = 0; }
	});
	const count = y.filter((v) => v >= 0).length;
	return { rows, y, weight: 1 / Math.sqrt(Math.max(1, count)) };
}

function data(pages: readonly Labelled[], features: (p: Labelled) => Float64Array): Data {
	const xs: number[] = [], ys: number[] = [], ws: number[] = [];
	for (const p of pages) {
		const x = features(p);
		for (let r = 0; r < p.rows.length; r++) {
			if (p.y[r] < 0) { continue; }
			for (let j = 0; j < featureCount; j++) { xs.push(x[r * featureCount + j]); }
			ys.push(p.y[r]);
			ws.push(p.weight);
		}
	}
	return { x: Float64Array.from(xs), width: featureCount, y: Uint8Array.from(ys), w: Float64Array.from(ws) };
}

/**
 * The page as fix-all leaves it once its chrome is deleted: what is left must read as content
 * (fix-all re-runs the rules until nothing changes, so the model must not eat into the article).
 */
function cleaned(page: Page): Page {
	const lines = page.text.split('\n');
	const kept: string[] = [];
	const labels = new Map<number, Page['labels'] extends ReadonlyMap<number, infer L> ? L : never>();
	lines.forEach((text, i) => {
		const label = page.labels.get(i);
		if (label === 'chrome') { return; }
		if (label) { labels.set(kept.length, label); }
		kept.push(text);
	});
	return { ...page, name: `${page.name}-cleaned`, text: kept.join('\n'), labels };
}

export function trainFor(pages: readonly Page[]): Model {
	const sets = [...pages, ...pages.map(cleaned)].map(labelled);
	const stageOne = logistic(data(sets, (p) => stageOneFeatures(p.rows).x), stageOneCount);
	const stageTwo = boost(data(sets, (p) => pageFeatures(p.rows, { stageOne }).x));
	return { features: [...featureNames], stageOne, stageTwo, report: 0.5, certain: 0.9 };
}

export function useModelOf(model: Model | undefined): void { setPageModel(model); }
