/**
 * The outline of a large open document, in a worker. The outline stops at 5,000 parts, so only
 * the document's first `outlinePrefixChars` characters are analysed (the whole of a 50 MB file
 * took minutes and gigabytes for an outline that showed its first pages); the rest of the
 * document is one node, from where the analysed part ends to the document's last line.
 */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { toDocumentSymbols, toFoldingRanges } from './lsp/outlineProtocol';
import { CorpusDocument, grouped, LanguageService, LintOptions } from './service';
import type { OutlineResult } from './worker/protocol';

export const outlinePrefixChars = 2_000_000;

export function largeOutline(service: LanguageService, uri: string, version: number, text: string, options: LintOptions, prefixChars = outlinePrefixChars): OutlineResult {
	const cut = prefixEnd(text, prefixChars);
	const doc = new CorpusDocument(uri, version, cut < text.length ? text.slice(0, cut) : text);
	const nodes = service.outline(doc, options);
	const symbols = toDocumentSymbols(doc, nodes);
	const folding = toFoldingRanges(doc, nodes);
	if (cut === text.length) { return { symbols, folding }; }
	// The part's own last node (the outline's cap) gives way to one node for everything after it.
	const capped = nodes.at(-1)?.kind === 'rest';
	const startLine = capped ? symbols.pop()!.range.start.line : doc.lines.length - 1;
	const end = endOf(text, cut, doc.lines.length - 1);
	const range = { start: { line: startLine, character: 0 }, end };
	const rest: DocumentSymbol = { name: service.t('outline.restLarge', end.line - startLine + 1, grouped(prefixChars)), kind: SymbolKind.Null, range, selectionRange: { start: range.start, end: range.start }, children: [] };
	symbols.push(rest);
	return { symbols, folding };
}

/** Just after the last line break before `limit` (the whole text when it is shorter or has none). */
function prefixEnd(text: string, limit: number): number {
	if (text.length <= limit) { return text.length; }
	const at = Math.max(text.lastIndexOf('\n', limit), text.lastIndexOf('\r', limit));
	return at > 0 && !(text[at] === '\r' && text[at + 1] === '\n') ? at + 1 : at > 0 ? at + 2 : text.length;
}

/** The position of the text's end, counting lines (`\r\n`, `\n`, `\r`) from `from`, which starts line `line`. */
function endOf(text: string, from: number, line: number): { line: number; character: number } {
	let start = from;
	for (let i = from; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 13 || c === 10) {
			if (c === 13 && text.charCodeAt(i + 1) === 10) { i++; }
			line++;
			start = i + 1;
		}
	}
	return { line, character: text.length - start };
}
