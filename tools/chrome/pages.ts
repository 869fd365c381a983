/**
 * Labelled pages for training and evaluating the chrome model: the external dev set in
 * ../shared/corpus/web-pages (read in place, never copied) and our own fixtures in
 * test/fixtures/chrome (`C ` content, `B ` chrome, `U ` unsure, empty line blank).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { countScript, dominantScript } from '../../server/src/service/script/detect';

export type Label = 'content' | 'chrome' | 'unsure';

export interface Page {
	readonly name: string;
	/** Pages of one site share it: the dev set's domain part (`01_sohu-business` → `sohu`), a fixture's own name. */
	readonly site: string;
	readonly text: string;
	/** 0-based line → label; blank and unlabelled lines are absent. */
	readonly labels: ReadonlyMap<number, Label>;
	readonly traditional: boolean;
}

export function devPages(dir: string): Page[] {
	const names = fs.readdirSync(dir).filter((f) => /^\d\d_.*\.txt$/.test(f)).sort();
	return names.map((file) => {
		const name = file.replace(/\.txt$/, '');
		const gold = JSON.parse(fs.readFileSync(path.join(dir, `${name}.gold.json`), 'utf8')) as { content: number[]; boilerplate: number[]; unsure: number[]; script?: string };
		const labels = new Map<number, Label>();
		for (const l of gold.content) { labels.set(l - 1, 'content'); }
		for (const l of gold.boilerplate) { labels.set(l - 1, 'chrome'); }
		for (const l of gold.unsure) { labels.set(l - 1, 'unsure'); }
		const site = name.replace(/^\d+_/, '').split('-')[0];
		return { name, site, text: fs.readFileSync(path.join(dir, file), 'utf8'), labels, traditional: gold.script === 'traditional' };
	});
}

const prefixes: Record<string, Label> = { C: 'content', B: 'chrome', U: 'unsure' };

export function fixturePages(dir: string): Page[] {
	return fs.readdirSync(dir).filter((f) => f.endsWith('.page')).sort().map((file) => {
		const lines: string[] = [];
		const labels = new Map<number, Label>();
		for (const raw of fs.readFileSync(path.join(dir, file), 'utf8').replace(/\n$/, '').split('\n')) {
			const label = prefixes[raw[0]];
			if (label && raw[1] === ' ') { labels.set(lines.length, label); lines.push(raw.slice(2)); } else { lines.push(raw); }
		}
		const name = file.replace(/\.page$/, '');
		const text = `${lines.join('\n')}\n`;
		return { name, site: name, text, labels, traditional: dominantScript(countScript(text)) === 'traditional' };
	});
}

/** Pages grouped by site, in first-seen order. */
export function bySite(pages: readonly Page[]): Map<string, Page[]> {
	const out = new Map<string, Page[]>();
	for (const p of pages) { out.set(p.site, [...(out.get(p.site) ?? []), p]); }
	return out;
}
