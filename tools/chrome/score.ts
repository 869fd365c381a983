/**
 * Runs the product on labelled pages the way score.mjs does: every page of the set in one
 * corpus (so cross-file rules see them together), a line counts as flagged when diagnostics of
 * boilerplate.*, layout.* or duplicate.* cover at least half of its non-space characters; and
 * fix-all's edits, a line counting as deleted when at least half of its non-space characters go.
 */
import { CorpusDocument, defaultLintOptions, LanguageService, Problem, TextEdit, Workspace } from '../../server/src/service';
import type { Label, Page } from './pages';

export interface PageResult {
	readonly page: Page;
	/** 0-based lines flagged by the rules, with the rules that flag them. */
	readonly flagged: ReadonlyMap<number, readonly string[]>;
	/** 0-based lines fix-all deletes. */
	readonly deleted: ReadonlySet<number>;
}

const counted = (rule: string) => rule.startsWith('boilerplate.') || rule.startsWith('layout.') || rule.startsWith('duplicate.');

class Memory implements Workspace {
	constructor(readonly files: ReadonlyMap<string, string>) { }
	async listFiles() { return [...this.files.keys()]; }
	async readFile(uri: string) { const text = this.files.get(uri); return text === undefined ? undefined : { text }; }
}

const nonSpace = (s: string) => s.replace(/\s/gu, '').length;

/** Lines whose non-space characters are at least half covered by the ranges. */
function coveredLines(doc: CorpusDocument, ranges: readonly { start: number; end: number; tag: string }[]): Map<number, string[]> {
	const masks = new Map<number, { mask: Uint8Array; tags: string[] }>();
	for (const r of ranges) {
		const first = doc.lineAt(r.start);
		const last = doc.lineAt(Math.max(r.start, r.end - 1));
		for (let l = first; l <= last; l++) {
			const line = doc.lines[l];
			let m = masks.get(l);
			if (!m) { m = { mask: new Uint8Array(line.text.length), tags: [] }; masks.set(l, m); }
			m.tags.push(r.tag);
			m.mask.fill(1, Math.max(0, r.start - line.start), Math.max(0, Math.min(line.text.length, r.end - line.start)));
		}
	}
	const out = new Map<number, string[]>();
	for (const [l, { mask, tags }] of masks) {
		const text = doc.lines[l].text;
		let all = 0, cov = 0;
		for (let i = 0; i < text.length; i++) { if (!/\s/u.test(text[i])) { all++; if (mask[i]) { cov++; } } }
		if (all > 0 && cov * 2 >= all) { out.set(l, [...new Set(tags)]); }
	}
	return out;
}

/** Checks every page of `corpus` together and returns the results of `pages` (a subset). */
export async function runPages(corpus: readonly Page[], pages: readonly Page[]): Promise<PageResult[]> {
	const files = new Map(corpus.map((p) => [`file:///set/${p.name}.txt`, p.text]));
	const svc = new LanguageService({ workspace: new Memory(files) });
	await svc.index.scan();
	const options = { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER };
	return pages.map((page) => {
		const doc = new CorpusDocument(`file:///set/${page.name}.txt`, 1, page.text);
		const problems: Problem[] = svc.lint(doc, options).filter((p) => counted(p.ruleId));
		const flagged = coveredLines(doc, problems.map((p) => ({ start: p.start, end: p.end, tag: p.ruleId })));
		const edits: TextEdit[] = svc.fixAll(doc, options);
		const deleted = new Set(coveredLines(doc, edits.filter((e) => e.end > e.start && e.newText.trim() === '').map((e) => ({ start: e.start, end: e.end, tag: 'fix' }))).keys());
		return { page, flagged, deleted };
	});
}

export interface Tally { tp: number; fp: number; fn: number; tn: number; deletedChrome: number; deletedContent: number; deletedUnsure: number }

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0, tn: 0, deletedChrome: 0, deletedContent: 0, deletedUnsure: 0 });

export function tally(r: PageResult, into: Tally = emptyTally()): Tally {
	for (const [line, label] of r.page.labels as Map<number, Label>) {
		if (nonSpace(r.page.text.split('\n')[line] ?? '') === 0) { continue; }
		const flagged = r.flagged.has(line);
		if (label === 'chrome') { if (flagged) { into.tp++; } else { into.fn++; } }
		if (label === 'content') { if (flagged) { into.fp++; } else { into.tn++; } }
		if (r.deleted.has(line)) {
			if (label === 'chrome') { into.deletedChrome++; } else if (label === 'content') { into.deletedContent++; } else { into.deletedUnsure++; }
		}
	}
	return into;
}

export function addTally(a: Tally, b: Tally): Tally {
	return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn, deletedChrome: a.deletedChrome + b.deletedChrome, deletedContent: a.deletedContent + b.deletedContent, deletedUnsure: a.deletedUnsure + b.deletedUnsure };
}

export function prf(t: Tally): { p: number; r: number; f: number; safety: number } {
	const p = t.tp / Math.max(1, t.tp + t.fp), r = t.tp / Math.max(1, t.tp + t.fn);
	return { p, r, f: (2 * p * r) / Math.max(1e-9, p + r), safety: t.deletedChrome / Math.max(1, t.deletedChrome + t.deletedContent) };
}
