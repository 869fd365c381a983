/**
 * The document's structure for the Outline and folding: articles (started by a headline block,
 * a dateline such as `本报讯` / `本报乌镇11月6日电`, or a jump marker `(上接第一版)`), their
 * source line, paragraphs named by their first words, enumerated points and interview turns, the
 * continuation fragments of cut paragraphs (`续:…`), and page chrome shown as such: each block
 * the page model finds is one node named by what it is (`A menu of 68 short lines`).
 */
import { analyze, isChromeLine } from './boilerplate/analysis';
import { normalizeLine } from './boilerplate/normalize';
import type { CorpusDocument } from './document';
import type { MessageId, Translate } from './messages';
import type { Problem } from './types';

export type OutlineKind = 'article' | 'title' | 'source' | 'paragraph' | 'point' | 'turn' | 'continuation' | 'chrome' | 'rest';

/**
 * Nodes in one outline. An editor asks for the outline whenever a document opens: a file of
 * five million short lines made five million symbols, a 200 MB response and a crash. Past this
 * the outline ends with one node spanning the rest of the document.
 */
export const maxOutlineNodes = 5000;

export interface OutlineNode {
	readonly name: string;
	readonly detail?: string;
	readonly kind: OutlineKind;
	/** Whole node (UTF-16 offsets) and the part to select (its first line). */
	start: number;
	end: number;
	readonly selectionStart: number;
	readonly selectionEnd: number;
	readonly children: OutlineNode[];
}

const sentenceEnd = /[。！？!?…”」』]\s*$/u;
/** Run on the folded line (simplified, ASCII punctuation): one form covers 本報訊 and 本报讯. */
const dateline = /^\s*(本报讯|本报[\p{Script=Han}\d]{0,12}电|新华社[\p{Script=Han}\d]{0,14}电|中新网[\p{Script=Han}\d]{0,12}电|中央社[\p{Script=Han}\d]{0,12}电)/u;
const jumpMarker = /^\s*\(\s*(上接|接上|转接)第?[一二三四五六七八九十\dA-Z]+版\s*\)/u;
const point = /^\s*(([一二三四五六七八九十]+是)|——|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、])/u;
const turn = /^\s*([\p{Script=Han}·]{1,6})\s*[:：]/u;

const firstWords = (text: string, n = 18) => {
	const t = text.trim();
	return t.length > n ? `${t.slice(0, n)}…` : t;
};

/** The outline of `doc`; `problems` supplies the continuations of cut paragraphs (layout.broken-paragraph). */
export function outline(doc: CorpusDocument, problems: readonly Problem[], t: Translate): OutlineNode[] {
	const analysis = analyze(doc);
	const lines = doc.lines;
	const continuationLines = new Set<number>();
	for (const p of problems) {
		const related = p.ruleId === 'layout.broken-paragraph' ? p.related?.[0] : undefined;
		if (related && related.uri === undefined) { continuationLines.add(doc.lineAt(related.start)); }
	}
	const spamOf = new Map(analysis.spam.map((s) => [s.line, s]));
	const top: OutlineNode[] = [];
	let article: OutlineNode | undefined;
	let articleHasBody = false;
	let chrome: OutlineNode | undefined;
	let nodes = 0;
	const node = (kind: OutlineKind, n: number, name: string, detail?: string): OutlineNode => {
		nodes++;
		const l = lines[n];
		return { kind, name, detail, start: l.start, end: l.end, selectionStart: l.start, selectionEnd: l.end, children: [] };
	};
	const extend = (target: OutlineNode | undefined, n: number) => { if (target) { target.end = Math.max(target.end, lines[n].end); } };
	let nextBlock = 0;

	for (let n = 0; n < lines.length; n++) {
		const text = lines[n].text;
		if (text.trim().length === 0) { continue; }
		if (nodes >= maxOutlineNodes) {
			const rest = node('rest', n, t('outline.rest', lines.length - n, maxOutlineNodes));
			rest.end = lines[lines.length - 1].end;
			top.push(rest);
			break;
		}
		while (nextBlock < analysis.blocks.length && analysis.blocks[nextBlock].last < n) { nextBlock++; }
		if (nextBlock < analysis.blocks.length && analysis.blocks[nextBlock].first <= n) {
			// A page-chrome block is one node named by what it is (a menu of 68 short lines).
			const b = analysis.blocks[nextBlock];
			const what = t(`boilerplate.block.${b.lines === 1 && b.kind !== 'links' ? 'line' : b.kind}` as MessageId, b.lines);
			const blockNode = { ...node('chrome', n, what, firstWords(text)), end: lines[b.last].end };
			if (article && articleHasBody && b.place === 'inside') { article.children.push(blockNode); extend(article, b.last); } else { top.push(blockNode); }
			chrome = undefined;
			n = b.last;
			continue;
		}
		if (isChromeLine(analysis, n)) {
			const kind = analysis.matches[n]?.kind ?? (analysis.inBlock[n] === 1 ? 'related' : 'reactions');
			const inBlockOrTail = analysis.inBlock[n] !== 0;
			// `(上接第一版)` starts the continued article's run on this page.
			if (analysis.matches[n]?.kind === 'jump-marker' && jumpMarker.test(normalizeLine(text))) {
				article = node('article', n, text.trim(), t('outline.articleStart'));
				top.push(article);
				articleHasBody = true;
				chrome = undefined;
				continue;
			}
			if (analysis.matches[n]?.kind === 'source' && article && !inBlockOrTail) {
				article.children.push(node('source', n, firstWords(text, 30), t('outline.source')));
				extend(article, n);
				chrome = undefined;
				continue;
			}
			// Consecutive chrome lines (blank lines between them allowed) are one node.
			if (chrome) {
				extend(chrome, n);
			} else {
				chrome = node('chrome', n, firstWords(text), t('outline.chrome', `boilerplate.${kind}`));
				// A caption or credit inside an article is part of it; blocks and the tail close the page.
				if (article && articleHasBody && !inBlockOrTail) { article.children.push(chrome); } else { top.push(chrome); }
			}
			if (article && articleHasBody && !inBlockOrTail) { extend(article, n); }
			continue;
		}
		const normalized = normalizeLine(text).trim();
		// A bare timestamp or number inside a chrome run (a related list's dates) belongs to it.
		if (chrome && /^[\d\s:\-/.年月日]+$/u.test(normalized)) { extend(chrome, n); continue; }
		chrome = undefined;
		const headline = normalized.length <= 40 && !sentenceEnd.test(normalized) && !/[,;。]/.test(normalized);
		if (continuationLines.has(n)) {
			top.push(node('continuation', n, `${t('outline.continued')}${firstWords(text)}`, t('outline.continuation')));
			continue;
		}
		// A dateline right under a headline block opens that article's body, not another article.
		const startsArticle = jumpMarker.test(normalized) || ((dateline.test(normalized) || headline) && (articleHasBody || !article));
		if (startsArticle) {
			const spam = spamOf.get(n);
			const title = spam ? (text.slice(0, spam.start) + text.slice(spam.end)).trim() : text.trim();
			article = node('article', n, headline ? firstWords(title, 40) : firstWords(title), headline ? undefined : t('outline.articleStart'));
			top.push(article);
			articleHasBody = !headline;
			if (!headline) { article.children.push(node('paragraph', n, firstWords(text))); }
			continue;
		}
		if (headline && !articleHasBody && article) {
			article.children.push(node('title', n, firstWords(text, 40)));
			extend(article, n);
			continue;
		}
		const kind: OutlineKind = point.test(normalized) ? 'point' : turn.test(normalized) ? 'turn' : 'paragraph';
		const child = node(kind, n, firstWords(text));
		if (article) { article.children.push(child); extend(article, n); articleHasBody = true; } else { top.push(child); }
	}
	return top;
}

/** Folding ranges matching the outline: every node spanning more than one line. */
export function foldingRanges(doc: CorpusDocument, nodes: readonly OutlineNode[]): { startLine: number; endLine: number; kind?: 'region' }[] {
	const out: { startLine: number; endLine: number; kind?: 'region' }[] = [];
	const walk = (list: readonly OutlineNode[]) => {
		for (const n of list) {
			const startLine = doc.lineAt(n.start);
			const endLine = doc.lineAt(n.end);
			if (endLine > startLine) { out.push({ startLine, endLine, ...(n.kind === 'chrome' ? { kind: 'region' as const } : {}) }); }
			walk(n.children);
		}
	};
	walk(nodes);
	return out;
}
