/**
 * Core data → LSP: problems to diagnostics, core edits to LSP text edits. The only place
 * that knows both the core's offsets and LSP ranges (rust-analyzer's to_proto).
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import type { CorpusDocument, Fix, Problem, TextEdit } from '../service';
import type { CheckResult } from '../worker/protocol';

export const diagnosticSource = 'zh-corpus';

/**
 * What a diagnostic's `data` holds on the server: the version of the text it was found on (its
 * rule is `code`) and its fixes when small. The editor gets it without the fixes (heldDiagnostics.ts).
 */
export interface DiagnosticData {
	readonly version: number;
	/** Inline fixes in offsets of `version`; absent when large (recomputed on request). */
	readonly fixes?: readonly Fix[];
}

const inlineLimit = 256;

const severities: Record<Problem['severity'], DiagnosticSeverity> = {
	hint: DiagnosticSeverity.Hint,
	info: DiagnosticSeverity.Information,
	warning: DiagnosticSeverity.Warning,
	error: DiagnosticSeverity.Error,
};

/** What converting offsets needs of a document (a worker passes line starts instead of a large document's lines). */
export type PositionedDocument = Pick<CorpusDocument, 'uri' | 'version' | 'positionAt'>;

export function toRange(doc: PositionedDocument, start: number, end: number): Range {
	return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** Diagnostics of files the editor does not hold open carry this version: their fixes are always recomputed, so none is inlined. */
export const closedVersion = -1;

export function toDiagnostic(doc: PositionedDocument, p: Problem): Diagnostic {
	const size = doc.version === closedVersion ? Infinity : p.fixes.reduce((n, f) => n + f.edits.reduce((m, e) => m + e.newText.length + 8, 0), 0);
	const data: DiagnosticData = { version: doc.version, fixes: size <= inlineLimit ? p.fixes : undefined };
	const d: Diagnostic = { range: toRange(doc, p.start, p.end), severity: severities[p.severity], source: diagnosticSource, code: p.ruleId, message: p.message, data };
	// Set, not spread in: a conditional spread takes V8's slow path (1,000 diagnostics per keystroke of a large document).
	if (p.related) { d.relatedInformation = relatedOf(doc, p.related); }
	return d;
}

function relatedOf(doc: PositionedDocument, related: NonNullable<Problem['related']>): DiagnosticRelatedInformation[] {
	return related.map((r) => ({ location: r.uri === undefined ? { uri: doc.uri, range: toRange(doc, r.start, r.end) } : { uri: r.uri, range: r.range }, message: r.message }));
}

/**
 * A closed file's problem as a worker sends it in a scan's batch: line, character, end line, end
 * character, severity, rule, message, related places (0: none). The structured clone of rows
 * costs both threads about a third of that of the diagnostics' objects; the server makes the
 * diagnostics (`closedDiagnostics`), the very ones `toDiagnostic` makes for a closed file.
 */
export type ClosedRow = readonly [number, number, number, number, DiagnosticSeverity, string, string, DiagnosticRelatedInformation[] | 0];

export function toClosedRow(doc: PositionedDocument, p: Problem): ClosedRow {
	const start = doc.positionAt(p.start);
	const end = doc.positionAt(p.end);
	return [start.line, start.character, end.line, end.character, severities[p.severity], p.ruleId, p.message, p.related ? relatedOf(doc, p.related) : 0];
}

/** A closed file's diagnostics from its check's result (rows or diagnostics). */
export function closedDiagnostics(result: CheckResult): Diagnostic[] {
	if (!result.closedRows) { return result.diagnostics ?? []; }
	const out: Diagnostic[] = result.notice ? [fileNotice('file.large', result.notice)] : [];
	for (const r of result.closedRows) {
		const data: DiagnosticData = { version: closedVersion, fixes: undefined };
		const d: Diagnostic = { range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } }, severity: r[4], source: diagnosticSource, code: r[5], message: r[6], data };
		if (r[7]) { d.relatedInformation = r[7]; }
		out.push(d);
	}
	return out;
}

export function toLspEdits(doc: CorpusDocument, edits: readonly TextEdit[]): LspTextEdit[] {
	return edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText }));
}

/** LSP position → UTF-16 offset in `doc` (clamped to the line). */
export function toOffset(doc: CorpusDocument, position: { line: number; character: number }): number {
	const lines = doc.lines;
	if (position.line >= lines.length) { return doc.text.length; }
	const line = lines[Math.max(0, position.line)];
	return Math.min(line.start + position.character, line.end);
}

/** A diagnostic about the file as a whole (not read, read in parts), on its first line, as Information. */
export function fileNotice(code: string, message: string): Diagnostic {
	return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: diagnosticSource, code, message };
}
