/**
 * Core outline → LSP: hierarchical DocumentSymbols and folding ranges.
 */
import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver';
import { toRange } from './convert';
import { CorpusDocument, foldingRanges, OutlineKind, OutlineNode } from '../service';

const kinds: Record<OutlineKind, SymbolKind> = {
	article: SymbolKind.Module,
	title: SymbolKind.Namespace,
	source: SymbolKind.Property,
	paragraph: SymbolKind.String,
	point: SymbolKind.EnumMember,
	turn: SymbolKind.Event,
	continuation: SymbolKind.Struct,
	chrome: SymbolKind.Null,
	rest: SymbolKind.Null,
};

export function toDocumentSymbols(doc: CorpusDocument, nodes: readonly OutlineNode[]): DocumentSymbol[] {
	return nodes.map((n) => ({
		name: n.name,
		detail: n.detail,
		kind: kinds[n.kind],
		range: toRange(doc, n.start, n.end),
		selectionRange: toRange(doc, n.selectionStart, n.selectionEnd),
		children: toDocumentSymbols(doc, n.children),
	}));
}

export function toFoldingRanges(doc: CorpusDocument, nodes: readonly OutlineNode[]): FoldingRange[] {
	return foldingRanges(doc, nodes).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: FoldingRangeKind.Region } : {}) }));
}
