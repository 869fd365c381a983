/**
 * Scores entity mentions against labelled paragraphs: exact span and type. A prediction is
 * right when it equals any gold mention, nested or not (ner-dev.gold.json's rule); recall is
 * over every gold mention.
 */
export type GoldType = 'PER' | 'ORG' | 'LOC' | 'EVENT' | 'DOC';
export interface GoldMention { readonly start: number; readonly end: number; readonly text: string; readonly type: GoldType }
export interface Predicted { readonly start: number; readonly end: number; readonly type: string }

export const goldTypeOf: Readonly<Record<string, GoldType>> = { person: 'PER', organization: 'ORG', place: 'LOC', event: 'EVENT', work: 'DOC' };

export interface TypeScore { tp: number; predicted: number; gold: number }

export class NerScore {
	readonly byType = new Map<GoldType, TypeScore>();
	readonly misses: string[] = [];
	readonly extras: string[] = [];

	add(text: string, gold: readonly GoldMention[], predicted: readonly Predicted[]): void {
		const key = (s: number, e: number, t: string) => `${s}:${e}:${t}`;
		const goldKeys = new Set(gold.map((g) => key(g.start, g.end, g.type)));
		const predictedKeys = new Set(predicted.map((p) => key(p.start, p.end, goldTypeOf[p.type])));
		for (const g of gold) {
			const s = this.#score(g.type);
			s.gold++;
			if (predictedKeys.has(key(g.start, g.end, g.type))) { s.tp++; } else { this.misses.push(`${g.type}:${g.text}`); }
		}
		for (const p of predicted) {
			const type = goldTypeOf[p.type];
			this.#score(type).predicted++;
			if (!goldKeys.has(key(p.start, p.end, type))) { this.extras.push(`${type}:${text.slice(p.start, p.end)}`); }
		}
	}

	total(types: readonly GoldType[] = ['PER', 'ORG', 'LOC', 'EVENT', 'DOC']): { p: number; r: number; f1: number; tp: number; predicted: number; gold: number } {
		let tp = 0, predicted = 0, gold = 0;
		for (const t of types) {
			const s = this.byType.get(t);
			if (s) { tp += s.tp; predicted += s.predicted; gold += s.gold; }
		}
		// Correct predictions: each matching gold mention once (tp counts gold matched).
		const p = predicted === 0 ? 0 : Math.min(1, tp / predicted);
		const r = gold === 0 ? 0 : tp / gold;
		return { p, r, f1: p + r === 0 ? 0 : 2 * p * r / (p + r), tp, predicted, gold };
	}

	report(label: string): string {
		const row = (name: string, s: { p: number; r: number; f1: number; tp: number; predicted: number; gold: number }) =>
			`  ${name.padEnd(6)} P ${s.p.toFixed(2)} R ${s.r.toFixed(2)} F1 ${s.f1.toFixed(2)} (${s.tp} right, ${s.predicted} predicted, ${s.gold} gold)`;
		const lines = [`${label}:`, row('all', this.total())];
		for (const t of ['PER', 'ORG', 'LOC', 'EVENT', 'DOC'] as const) { if (this.byType.has(t)) { lines.push(row(t, this.total([t]))); } }
		return lines.join('\n');
	}

	#score(type: GoldType): TypeScore {
		let s = this.byType.get(type);
		if (!s) { s = { tp: 0, predicted: 0, gold: 0 }; this.byType.set(type, s); }
		return s;
	}
}

/** Resolves `TYPE:text` mentions listed in order of start (nested after their container) to offsets. */
export function resolveMentions(text: string, mentions: readonly string[]): GoldMention[] {
	const out: GoldMention[] = [];
	const used = new Set<string>();
	let cursor = 0;
	for (const m of mentions) {
		const colon = m.indexOf(':');
		const type = m.slice(0, colon) as GoldType;
		const name = m.slice(colon + 1);
		let at = text.indexOf(name, cursor);
		while (at >= 0 && used.has(`${at}:${name}`)) { at = text.indexOf(name, at + 1); }
		if (at < 0) { throw new Error(`fixture mention not found after ${cursor}: ${m} in ${text.slice(0, 20)}…`); }
		used.add(`${at}:${name}`);
		out.push({ start: at, end: at + name.length, text: name, type });
		cursor = at;
	}
	return out;
}
