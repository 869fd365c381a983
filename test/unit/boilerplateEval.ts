/**
 * Line-level scoring of the boilerplate rules against hand labels: which lines the rules
 * delete (or strip a span of) versus the labelled boilerplate lines. Used by the tests and
 * printed per rule and per category.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { CorpusDocument, LanguageService, Problem, defaultLintOptions } from '../../server/src/service';

export interface Labels { lines: Record<string, string>; spans?: { line: number; text: string; category: string }[] }

export interface Score {
	tp: number; fp: number; fn: number;
	perRule: Map<string, { tp: number; fp: number }>;
	perCategory: Map<string, { found: number; total: number }>;
	falsePositives: string[]; misses: string[];
}

const svc = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jiebaSegmenter() });

export function boilerplateProblems(text: string): { doc: CorpusDocument; problems: Problem[] } {
	const doc = new CorpusDocument('file:///eval.txt', 1, text);
	const options = { ...defaultLintOptions, maxProblems: 100000, rules: { 'mixed-script': 'off' as const } };
	return { doc, problems: svc.lint(doc, options).filter((p) => p.ruleId.startsWith('boilerplate.')) };
}

export function emptyScore(): Score {
	return { tp: 0, fp: 0, fn: 0, perRule: new Map(), perCategory: new Map(), falsePositives: [], misses: [] };
}

/** Adds one labelled document to `score`. */
export function scoreDocument(name: string, text: string, labels: Labels, score: Score): void {
	const { doc, problems } = boilerplateProblems(text);
	const flagged = new Map<number, Set<string>>();
	for (const p of problems) {
		const first = doc.lineAt(p.start);
		const last = doc.lineAt(Math.max(p.start, p.end - 1));
		for (let i = first; i <= last; i++) {
			if (doc.lines[i].text.trim().length === 0) { continue; }
			const rules = flagged.get(i + 1) ?? new Set<string>();
			rules.add(p.ruleId);
			flagged.set(i + 1, rules);
		}
	}
	const gold = new Map<number, string>(Object.entries(labels.lines).map(([k, v]) => [Number(k), v]));
	for (const s of labels.spans ?? []) { gold.set(s.line, s.category); }
	for (const [line, rules] of flagged) {
		const ok = gold.has(line);
		if (ok) { score.tp++; } else { score.fp++; score.falsePositives.push(`${name}:${line} [${[...rules].join(',')}] ${doc.lines[line - 1].text.slice(0, 40)}`); }
		for (const r of rules) {
			const e = score.perRule.get(r) ?? { tp: 0, fp: 0 };
			if (ok) { e.tp++; } else { e.fp++; }
			score.perRule.set(r, e);
		}
	}
	for (const [line, category] of gold) {
		const c = score.perCategory.get(category) ?? { found: 0, total: 0 };
		c.total++;
		if (flagged.has(line)) { c.found++; } else { score.fn++; score.misses.push(`${name}:${line} (${category}) ${doc.lines[line - 1]?.text.slice(0, 40)}`); }
		score.perCategory.set(category, c);
	}
}

export function scoreFixtures(dir: string): Score {
	const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')).files as Record<string, Labels>;
	const score = emptyScore();
	for (const [name, l] of Object.entries(labels)) { scoreDocument(name, fs.readFileSync(path.join(dir, name), 'utf8'), l, score); }
	return score;
}

export function formatScore(score: Score): string {
	const p = score.tp / Math.max(1, score.tp + score.fp);
	const r = score.tp / Math.max(1, score.tp + score.fn);
	const rows = [`lines: precision ${p.toFixed(3)} (${score.tp}/${score.tp + score.fp}), recall ${r.toFixed(3)} (${score.tp}/${score.tp + score.fn})`];
	for (const [rule, e] of [...score.perRule].sort()) { rows.push(`  ${rule}: ${e.tp + e.fp} lines flagged, precision ${(e.tp / (e.tp + e.fp)).toFixed(2)}`); }
	for (const [cat, c] of [...score.perCategory].sort()) { rows.push(`  gold ${cat}: recall ${(c.found / c.total).toFixed(2)} (${c.found}/${c.total})`); }
	return rows.join('\n');
}
