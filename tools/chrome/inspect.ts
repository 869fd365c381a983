/**
 * Looking inside the page model for one page (tools/chrome-eval.mjs --dump PAGE [--passes],
 * --dump spans, --lines FILE): every line's label, probability, stage one and article span; the
 * blocks and what fix-all deletes pass by pass; the article spans of every page; every labelled
 * line with its block (JSON lines) for studying decision rules. What is looked at here must be
 * said in the closing note when code changes because of it.
 */
import { CorpusDocument, defaultLintOptions, LanguageService } from '../../server/src/service';
import { analyze, pageInputs } from '../../server/src/service/boilerplate/analysis';
import { prose } from '../../server/src/service/boilerplate/features';
import { pageFeatures } from '../../server/src/service/boilerplate/page';
import { pageModel } from '../../server/src/service/boilerplate/pageModel';
import type { Page } from './pages';

const docOf = (page: Page, version = 1, text = page.text) => new CorpusDocument(`file:///${page.name}.txt`, version, text);

export function dumpPage(page: Page): void {
	const doc = docOf(page);
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

/** The blocks, what fix-all deletes, and the certain blocks removed pass by pass. */
export function passes(page: Page): void {
	const svc = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined } });
	const first = docOf(page);
	for (const e of svc.fixAll(first, { ...defaultLintOptions })) {
		if (e.newText.trim() === '' && e.end > e.start) { console.log(`fix-all ${e.ruleId}: lines ${first.lineAt(e.start) + 1}-${first.lineAt(e.end) + 1}`); }
	}
	for (const b of analyze(first).blocks) { console.log(`block ${b.first + 1}-${b.last + 1} ${b.kind}/${b.place} ${b.lines} lines, ${b.certain ? 'certain' : `doubts: ${b.doubts.join(', ')}`}`); }
	let text = page.text;
	for (let pass = 1; pass <= 10; pass++) {
		const doc = docOf(page, pass, text);
		const certain = analyze(doc).blocks.filter((b) => b.certain);
		if (certain.length === 0) { return; }
		console.log(`pass ${pass}: ${certain.map((b) => `${b.kind}/${b.place} ${b.lines} lines from '${doc.lines[b.first].text.trim().slice(0, 20)}'`).join('; ')}`);
		for (const b of [...certain].reverse()) { text = text.slice(0, doc.lines[b.first].start) + text.slice(b.last + 1 < doc.lines.length ? doc.lines[b.last + 1].start : text.length); }
	}
}

export function spanSummary(page: Page): void {
	const { lines, rows } = pageInputs(docOf(page));
	const { spans } = pageFeatures(rows, pageModel());
	const proseChars = (s: { first: number; last: number }) => rows.slice(s.first, s.last + 1).filter((r) => prose(r.shape)).reduce((n, r) => n + r.shape.length, 0);
	console.log(`${page.name.padEnd(28)} rows ${String(rows.length).padStart(4)}  ${spans.map((s) => `[${lines[s.first] + 1}-${lines[s.last] + 1} strength ${s.strength.toFixed(1)}, prose ${proseChars(s)}]`).join(' ')}`);
}

/** Every labelled line of the page with the model's verdict and its block, as JSON lines. */
export function lineRecords(page: Page): string[] {
	const doc = docOf(page);
	const a = analyze(doc);
	const { lines, rows } = pageInputs(doc);
	const { z } = pageFeatures(rows, pageModel());
	return lines.map((line, r) => {
		const b = a.blocks.find((x) => line >= x.first && line <= x.last);
		const p = b ? Array.from(a.chrome.subarray(b.first, b.last + 1)).filter((_, k) => doc.lines[b.first + k].text.trim()) : [];
		return JSON.stringify({
			page: page.name, line, label: page.labels.get(line) ?? 'none', p: a.chrome[line], z: z[r], length: rows[r].shape.length, prose: prose(rows[r].shape),
			place: b?.place, kind: b?.kind, size: b?.lines, doubts: b?.doubts.join('+'), minP: p.length ? Math.min(...p) : undefined, meanP: p.length ? p.reduce((x, y) => x + y, 0) / p.length : undefined,
		});
	});
}
