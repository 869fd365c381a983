/**
 * Code actions: a quick fix per fix of each of our diagnostics (from its inline `data` when
 * the version matches, recomputed otherwise: a fix for an older version is never applied),
 * "fix all X problems in this file" per rule, and `source.fixAll.zhCorpus`.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { diagnosticSource, DiagnosticData, toLspEdits, toOffset } from './convert';
import type { CorpusDocument, Fix, LanguageService, TextEdit } from './service';
import type { Settings } from './settings';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.zhCorpus`;

export interface CodeActionContext {
	readonly service: LanguageService;
	readonly doc: CorpusDocument;
	readonly settings: Settings;
	/** The client takes versioned `documentChanges` (else plain `changes`). */
	readonly documentChanges: boolean;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
	if (!only) { return kind === CodeActionKind.QuickFix; }
	return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function workspaceEdit(ctx: CodeActionContext, edits: readonly TextEdit[]): WorkspaceEdit {
	const lspEdits = toLspEdits(ctx.doc, edits);
	return ctx.documentChanges
		? { documentChanges: [TextDocumentEdit.create({ uri: ctx.doc.uri, version: ctx.doc.version }, lspEdits)] }
		: { changes: { [ctx.doc.uri]: lspEdits } };
}

export function codeActions(ctx: CodeActionContext, params: CodeActionParams): CodeAction[] {
	const { service, doc, settings } = ctx;
	const only = params.context.only;
	const actions: CodeAction[] = [];
	if (wants(only, CodeActionKind.QuickFix)) {
		const rules = new Set<string>();
		for (const diagnostic of params.context.diagnostics) {
			if (diagnostic.source !== diagnosticSource || typeof diagnostic.code !== 'string') { continue; }
			rules.add(diagnostic.code);
			for (const fix of fixesOf(ctx, diagnostic)) {
				actions.push({
					title: fix.title,
					kind: CodeActionKind.QuickFix,
					diagnostics: [diagnostic],
					isPreferred: fix.isPreferred,
					edit: workspaceEdit(ctx, fix.edits),
				});
			}
		}
		for (const ruleId of rules) {
			const edits = service.fixAll(doc, settings, ruleId);
			if (edits.length > 1) {
				actions.push({ title: service.t('fix.allOfRule', ruleId), kind: CodeActionKind.QuickFix, edit: workspaceEdit(ctx, edits) });
			}
		}
	}
	if (only && wants(only, fixAllKind)) {
		const edits = service.fixAll(doc, settings);
		actions.push({ title: service.t('fix.all'), kind: fixAllKind, edit: workspaceEdit(ctx, edits) });
	}
	return actions;
}

function fixesOf(ctx: CodeActionContext, diagnostic: Diagnostic): readonly Fix[] {
	const data = diagnostic.data as DiagnosticData | undefined;
	if (data?.version === ctx.doc.version && data.fixes) { return data.fixes; }
	// Stale or not inline: recompute on the current text for the problem now at that range.
	const start = toOffset(ctx.doc, diagnostic.range.start);
	const end = toOffset(ctx.doc, diagnostic.range.end);
	return ctx.service.fixesAt(ctx.doc, ctx.settings, String(diagnostic.code), start, end);
}
