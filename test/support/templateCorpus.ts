/**
 * A generated multi-site corpus for template detection: each site of the dev set in
 * ../shared/corpus/web-pages (read at test time, never copied) lends its first page's chrome —
 * the lines labelled boilerplate before the first article line (the head) and after the last
 * (the tail) — and every generated page of that site is that head, a unique article, that tail.
 * Articles are made of sentences of the dev set's content lines, drawn without repeating a
 * paragraph, so bodies differ page by page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { random } from './random';

export const webPagesDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'web-pages');

export interface GeneratedPage {
	readonly uri: string;
	readonly text: string;
	/** Per line: part of the site's template. */
	readonly template: readonly boolean[];
}

export function generatedSites(pagesPerSite: number, seed = 16): GeneratedPage[] {
	const names = fs.readdirSync(webPagesDir).filter((f) => /^\d\d_.*\.txt$/.test(f)).sort();
	const sites = new Map<string, string>();
	const siteOf = (name: string) => name.replace(/^\d+_/, '').replace(/\.txt$/, '').split('-')[0];
	for (const n of names) { const site = siteOf(n); if (!sites.has(site)) { sites.set(site, n); } }
	const sentences: string[] = [];
	const templates: { site: string; head: string[]; tail: string[] }[] = [];
	for (const name of names) {
		const lines = fs.readFileSync(path.join(webPagesDir, name), 'utf8').split('\n');
		const gold = JSON.parse(fs.readFileSync(path.join(webPagesDir, name.replace(/\.txt$/, '.gold.json')), 'utf8')) as { content: number[]; boilerplate: number[]; unsure: number[] };
		for (const l of gold.content) { for (const s of lines[l - 1].split(/(?<=[。！？])/u)) { if (s.trim().length >= 12 && /[。！？]$/u.test(s.trim())) { sentences.push(s.trim()); } } }
		const site = siteOf(name);
		if (sites.get(site) !== name) { continue; }
		const article = [...gold.content, ...gold.unsure];
		const first = Math.min(...article), last = Math.max(...article);
		const chrome = new Set(gold.boilerplate);
		templates.push({
			site,
			head: lines.slice(0, first - 1).filter((_, i) => chrome.has(i + 1)),
			tail: lines.slice(last).filter((_, i) => chrome.has(last + i + 1)),
		});
	}
	const next = random(seed);
	const pick = () => sentences[Math.floor(next() * sentences.length)];
	const out: GeneratedPage[] = [];
	for (const t of templates) {
		for (let p = 0; p < pagesPerSite; p++) {
			// Titles differ page by page (digits fold in template keys: a unique character does not).
			const title = `${pick().replace(/[，。！？、；：“”…]/gu, ' ').trim().slice(0, 14)}（${String.fromCharCode(0x4e00 + p * 13)}）`;
			const paragraphs = Array.from({ length: 4 + Math.floor(next() * 4) }, () => `　　${pick()}${pick()}${pick()}`);
			const lines = [...t.head, title, ...paragraphs, ...t.tail];
			const template = [...t.head.map(() => true), false, ...paragraphs.map(() => false), ...t.tail.map(() => true)];
			out.push({ uri: `file:///sites/${t.site}/${p}.txt`, text: `${lines.join('\n')}\n`, template: [...template, false] });
		}
	}
	return out;
}
