/**
 * Scoring of the cleaning rules (spacing, punctuation, unicode, terms, layout, duplicates)
 * against hand labels: a finding is (rule, line) — and column for spacing.cjk — and is counted
 * as often as it occurs on its line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { CorpusDocument, defaultLintOptions, LanguageService, Problem } from '../../server/src/service';

export const cleaningFamilies = ['spacing', 'punctuation', 'unicode', 'term', 'layout', 'duplicate'];
export interface Label { rule: string; line: number; col?: number }
export interface Score { perRule: Map<string, { tp: number; fp: number; fn: number }>; falsePositives: string[]; misses: string[] }

const svc = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined }, segmenter: jiebaSegmenter() });

export function cleaningProblems(text: string): { doc: CorpusDocument; problems: Problem[] } {
	const doc = new CorpusDocument('file:///eval.txt', 1, text);
	const problems = svc.lint(doc, { ...defaultLintOptions, maxProblems: 100000 }).filter((p) => cleaningFamilies.includes(p.ruleId.split('.')[0]));
	return { doc, problems };
}

const keyOf = (rule: string, line: number, col?: number) => (rule === 'spacing.cjk' ? `${rule}@${line}:${col}` : `${rule}@${line}`);

export function scoreFixtures(dir: string): Score {
	const files = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')).files as Record<string, { findings: Label[] }>;
	const score: Score = { perRule: new Map(), falsePositives: [], misses: [] };
	const entry = (rule: string) => score.perRule.get(rule) ?? score.perRule.set(rule, { tp: 0, fp: 0, fn: 0 }).get(rule)!;
	for (const [name, { findings }] of Object.entries(files)) {
		const { doc, problems } = cleaningProblems(fs.readFileSync(path.join(dir, name), 'utf8'));
		const gold = new Map<string, number>();
		for (const l of findings) { const k = keyOf(l.rule, l.line, l.col); gold.set(k, (gold.get(k) ?? 0) + 1); }
		for (const p of problems) {
			const at = doc.positionAt(p.start);
			const k = keyOf(p.ruleId, at.line + 1, at.character + 1);
			if ((gold.get(k) ?? 0) > 0) { gold.set(k, gold.get(k)! - 1); entry(p.ruleId).tp++; } else { entry(p.ruleId).fp++; score.falsePositives.push(`${name} ${k} ${p.message}`); }
		}
		for (const [k, n] of gold) {
			for (let i = 0; i < n; i++) { entry(k.split('@')[0]).fn++; score.misses.push(`${name} ${k}`); }
		}
	}
	return score;
}

export function totals(score: Score): { tp: number; fp: number; fn: number } {
	const t = { tp: 0, fp: 0, fn: 0 };
	for (const e of score.perRule.values()) { t.tp += e.tp; t.fp += e.fp; t.fn += e.fn; }
	return t;
}

export function formatScore(score: Score): string {
	const t = totals(score);
	const rows = [`findings: precision ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} (${t.tp}/${t.tp + t.fp}), recall ${(t.tp / Math.max(1, t.tp + t.fn)).toFixed(3)} (${t.tp}/${t.tp + t.fn})`];
	for (const [rule, e] of [...score.perRule].sort()) {
		rows.push(`  ${rule}: precision ${(e.tp / Math.max(1, e.tp + e.fp)).toFixed(2)} (${e.tp}/${e.tp + e.fp}), recall ${(e.tp / Math.max(1, e.tp + e.fn)).toFixed(2)} (${e.tp}/${e.tp + e.fn})`);
	}
	return rows.join('\n');
}
