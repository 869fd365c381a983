/**
 * Leave-one-site-out evaluation of page-chrome detection (issue 16). For each site of the dev
 * set: train the chrome model on the other sites, check the held-out site's pages (with the
 * whole set in the corpus, as score.mjs does) and score its lines; sum over sites. Then our own
 * fixtures, scored with a model trained on the whole dev set (they are held out by
 * construction). Nothing here is an in-sample number unless --in-sample says so.
 *
 *   node tools/chrome-eval.mjs [--set ../shared/corpus/web-pages] [--in-sample] [--misses]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusDocument, defaultLintOptions, LanguageService } from '../../server/src/service';
import { analyze, pageInputs } from '../../server/src/service/boilerplate/analysis';
import { prose } from '../../server/src/service/boilerplate/features';
import { pageFeatures } from '../../server/src/service/boilerplate/page';
import { pageModel } from '../../server/src/service/boilerplate/pageModel';
import { bySite, devPages, fixturePages, Page } from './pages';
import { addTally, emptyTally, PageResult, prf, runPages, Tally, tally } from './score';
import { trainFor, useModelOf } from './train';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const root = process.env.ZH_CORPUS_ROOT ?? process.cwd();
const setDir = path.resolve(opt('set') ?? path.join(root, '..', 'shared', 'corpus', 'web-pages'));
const inSample = args.includes('--in-sample');
const showMisses = args.includes('--misses');
/** --dump NAME: the held-out model's verdict on every line of one page (label, probability, stage one, spans). */
const dump = opt('dump');
/** --lines FILE: every labelled line of the held-out pages with the model's verdict and its block (JSON lines), for studying decision rules. */
const linesOut = opt('lines');
const lineRows: string[] = [];

function recordLines(page: Page): void {
	const doc = new CorpusDocument(`file:///${page.name}.txt`, 1, page.text);
	const a = analyze(doc);
	const { lines, rows } = pageInputs(doc);
	const { z } = pageFeatures(rows, pageModel());
	lines.forEach((line, r) => {
		const b = a.blocks.find((x) => line >= x.first && line <= x.last);
		const blockP = b ? Array.from(a.chrome.subarray(b.first, b.last + 1)).filter((_, k) => doc.lines[b.first + k].text.trim()) : [];
		lineRows.push(JSON.stringify({ page: page.name, line, label: page.labels.get(line) ?? 'none', p: a.chrome[line], z: z[r], len: rows[r].shape.length, prose: rows[r].shape.length >= 20 && prose(rows[r].shape), place: b?.place, kind: b?.kind, size: b?.lines, minP: blockP.length ? Math.min(...blockP) : undefined, doubts: b?.doubts.join('+'), meanP: blockP.length ? blockP.reduce((x, y) => x + y, 0) / blockP.length : undefined, articles: a.articles.length, strength: 0 }));
	});
}

const r2 = (x: number) => x.toFixed(3);
const line = (t: Tally) => { const m = prf(t); return `P ${r2(m.p)} R ${r2(m.r)} F1 ${r2(m.f)}  (TP ${t.tp} FP ${t.fp} FN ${t.fn})  fix-all deletes ${t.deletedChrome + t.deletedContent} labelled lines, ${r2(m.safety)} chrome (${t.deletedContent} content, ${t.deletedUnsure} unsure)`; };

function report(title: string, results: readonly PageResult[]): Tally {
	console.log(`\n${title}`);
	console.log(`${'page'.padEnd(28)} ${'chrome'.padStart(6)} ${'cont'.padStart(5)}  ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  recall  del.content`);
	let total = emptyTally();
	const recalls: number[] = [];
	for (const r of results) {
		const t = tally(r);
		total = addTally(total, t);
		const rec = t.tp / Math.max(1, t.tp + t.fn);
		recalls.push(rec);
		console.log(`${r.page.name.padEnd(28)} ${String(t.tp + t.fn).padStart(6)} ${String(t.fp + t.tn).padStart(5)}  ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}  ${r2(rec)}  ${t.deletedContent}`);
	}
	const sorted = [...recalls].sort((a, b) => a - b);
	console.log(`per-document recall: mean ${r2(recalls.reduce((a, b) => a + b, 0) / recalls.length)}, median ${r2(sorted[Math.floor(sorted.length / 2)])}, min ${r2(sorted[0])}`);
	if (showMisses) { misses(results); }
	return total;
}

function misses(results: readonly PageResult[]): void {
	for (const r of results) {
		const lines = r.page.text.split('\n');
		for (const [n, label] of r.page.labels) {
			const flagged = r.flagged.has(n);
			if (label === 'content' && flagged) { console.log(`  FP ${r.page.name}:${n + 1} [${r.flagged.get(n)!.join(',')}] ${lines[n].trim().slice(0, 60)}`); }
			if (label === 'content' && r.deleted.has(n)) { console.log(`  DEL ${r.page.name}:${n + 1} ${lines[n].trim().slice(0, 60)}`); }
			if (label === 'chrome' && !flagged) { console.log(`  FN ${r.page.name}:${n + 1} ${lines[n].trim().slice(0, 60)}`); }
		}
	}
}

/** The certain blocks fix-all deletes pass by pass (--passes NAME). */
function passes(page: Page): void {
	const svc = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined } });
	const doc0 = new CorpusDocument(`file:///${page.name}.txt`, 1, page.text);
	for (const e of svc.fixAll(doc0, { ...defaultLintOptions })) {
		if (e.newText.trim() === '' && e.end > e.start) { console.log(`fix-all ${e.ruleId}: lines ${doc0.lineAt(e.start) + 1}-${doc0.lineAt(e.end) + 1}`); }
	}
	for (const b of analyze(doc0).blocks) {
		const ps = Array.from(analyze(doc0).chrome.subarray(b.first, b.last + 1)).filter((_, k) => doc0.lines[b.first + k].text.trim());
		console.log(`block ${b.first + 1}-${b.last + 1} ${b.kind}/${b.place} ${b.lines} lines certain ${b.certain} mean ${(ps.reduce((x, y) => x + y, 0) / ps.length).toFixed(2)} min ${Math.min(...ps).toFixed(2)}`);
	}
	let text = page.text;
	for (let pass = 1; pass <= 10; pass++) {
		const doc = new CorpusDocument(`file:///${page.name}.txt`, pass, text);
		const certain = analyze(doc).blocks.filter((b) => b.certain);
		if (certain.length === 0) { return; }
		console.log(`pass ${pass}: ${certain.map((b) => `${b.kind}/${b.place} ${b.lines} lines from '${doc.lines[b.first].text.trim().slice(0, 20)}'`).join('; ')}`);
		for (const b of [...certain].reverse()) { text = text.slice(0, doc.lines[b.first].start) + text.slice(b.last + 1 < doc.lines.length ? doc.lines[b.last + 1].start : text.length); }
	}
}

function dumpPage(page: Page): void {
	if (args.includes('--passes')) { passes(page); return; }
	const doc = new CorpusDocument(`file:///${page.name}.txt`, 1, page.text);
	const a = analyze(doc);
	const { lines, rows } = pageInputs(doc);
	const { z } = pageFeatures(rows, pageModel());
	const zOf = new Map(lines.map((l, r) => [l, z[r]]));
	const inSpan = (l: number) => a.articles.some((s) => l >= s.first && l <= s.last);
	doc.lines.forEach((l, i) => {
		if (l.text.trim().length === 0) { return; }
		const label = ({ content: 'C', chrome: 'B', unsure: 'U' } as Record<string, string>)[page.labels.get(i) ?? ''] ?? ' ';
		console.log(`${String(i + 1).padStart(4)} ${label} ${a.chrome[i].toFixed(2)} ${zOf.get(i)!.toFixed(1).padStart(5)} ${inSpan(i) ? '|' : ' '} ${l.text.trim().slice(0, 60)}`);
	});
}

function spanSummary(page: Page): void {
	const doc = new CorpusDocument(`file:///${page.name}.txt`, 1, page.text);
	const { lines, rows } = pageInputs(doc);
	const { spans, z } = pageFeatures(rows, pageModel());
	const prior = pageModel().stageOne.prior;
	let inside = 0, all = 0;
	rows.forEach((r, i) => { if (z[i] < prior) { all += r.shape.length; if (spans.some((s) => i >= s.first && i <= s.last)) { inside += r.shape.length; } } });
	const proseChars = (s: { first: number; last: number }) => rows.slice(s.first, s.last + 1).filter((r) => prose(r.shape)).reduce((n, r) => n + r.shape.length, 0);
	console.log(`${page.name.padEnd(28)} rows ${String(rows.length).padStart(4)} share ${(inside / Math.max(1, all)).toFixed(2)} ${spans.map((s) => `[${lines[s.first] + 1}-${lines[s.last] + 1} ${s.strength.toFixed(1)} prose ${proseChars(s)}]`).join(' ')}`);
}

async function main(): Promise<void> {
	const dev = devPages(setDir);
	const sites = bySite(dev);
	const fixtures: Page[] = fixturePages(path.join(root, 'test', 'fixtures', 'chrome'));
	const fixture = dump && fixtures.find((p) => p.name.startsWith(dump));
	if (fixture) { useModelOf(trainFor(dev)); dumpPage(fixture); return; }
	const results: PageResult[] = [];
	for (const [site, held] of sites) {
		if (dump && dump !== 'spans' && !held.some((p) => p.name.startsWith(dump))) { continue; }
		useModelOf(inSample ? trainFor(dev) : trainFor(dev.filter((p) => p.site !== site)));
		if (dump === 'spans') { for (const p of held) { spanSummary(p); } continue; }
		if (dump) { dumpPage(held.find((p) => p.name.startsWith(dump))!); return; }
		results.push(...await runPages(dev, held));
		if (linesOut) { for (const p of held) { recordLines(p); } }
	}
	if (dump) { return; }
	if (linesOut) { fs.writeFileSync(linesOut, `${lineRows.join('\n')}\n`); }
	const order = new Map(dev.map((p, i) => [p.name, i]));
	results.sort((a, b) => order.get(a.page.name)! - order.get(b.page.name)!);
	const total = report(`dev set (${dev.length} pages, ${sites.size} sites), ${inSample ? 'IN-SAMPLE (trained on every site)' : 'leave-one-site-out'}`, results);
	const traditional = results.filter((r) => r.page.traditional).reduce((t, r) => addTally(t, tally(r)), emptyTally());

	useModelOf(trainFor(dev));
	const fixtureResults = await runPages(fixtures, fixtures);
	const fixtureTotal = report(`own fixtures (${fixtures.length} pages, model trained on the whole dev set)`, fixtureResults);
	const fixtureTraditional = fixtureResults.filter((r) => r.page.traditional).reduce((t, r) => addTally(t, tally(r)), emptyTally());

	console.log('');
	console.log(`dev set ${inSample ? 'in-sample' : 'LOSO'}: ${line(total)}`);
	console.log(`dev set traditional pages: ${line(traditional)}`);
	console.log(`fixtures: ${line(fixtureTotal)}`);
	console.log(`fixtures traditional pages: ${line(fixtureTraditional)}`);
}

void main();
