/**
 * Code actions: a quick fix per fix of each of our diagnostics (the fixes the server holds for
 * it when it is of the current version — sent diagnostics do not carry them, heldDiagnostics.ts —
 * recomputed otherwise: a fix for an older version is never applied),
 * "fix all X problems in this file" per rule, and `source.fixAll.zhCorpus`.
 *
 * The light bulb lists fix-all actions without computing them: a client that resolves code
 * actions gets the edit from `codeAction/resolve` when the user picks one (a fix-all of a 1 MB
 * document takes seconds); a client that does not gets it in the list for a small document, and
 * for a large one a command that computes and applies it.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Command, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { diagnosticSource, toLspEdits, toOffset } from './convert';
import type { HeldDiagnostics } from './heldDiagnostics';
import type { CorpusDocument, Fix, LanguageService, LintOptions, TextEdit } from '../service';
import { serverCommands } from '../protocol';
import { largeDocument } from './openDocuments';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.zhCorpus`;
/** Computes a fix-all (of one rule, or every rule fix-all applies) and applies it: clients that do not resolve code actions. */
export const fixAllCommand = serverCommands.fixAll;
/**
 * Up to this many UTF-16 units a fix-all is computed into the list for a client that cannot
 * resolve code actions (the one size policy: past it a document's work is a worker's; a fix-all
 * of 50 k characters takes 100–230 ms).
 */
export const eagerFixAllLimit = largeDocument;

export interface CodeActionContext {
	readonly service: LanguageService;
	readonly doc: CorpusDocument;
	readonly settings: LintOptions;
	/** The client takes versioned `documentChanges` (else plain `changes`). */
	readonly documentChanges: boolean;
	/** The client resolves a code action's `edit` (`codeAction/resolve`). */
	readonly resolvesEdits: boolean;
	/** Problems per rule of the document's last check, when known: "fix all X" is offered where X has two or more. */
	readonly counts?: Readonly<Record<string, number>>;
	/** The diagnostics of the last check of this version, with their fixes, when it is done. */
	readonly held?: HeldDiagnostics;
}

/** What a fix-all action listed without its edit carries to `codeAction/resolve`. */
export interface FixAllData { readonly fixAll: { readonly uri: string; readonly rule?: string } }

export const isFixAllData = (data: unknown): data is FixAllData => {
	const f = (data as { fixAll?: { uri?: unknown; rule?: unknown } } | null | undefined)?.fixAll;
	return typeof f === 'object' && f !== null && typeof f.uri === 'string' && (f.rule === undefined || typeof f.rule === 'string');
};

function wants(only: readonly string[] | undefined, kind: string): boolean {
	if (!only) { return kind === CodeActionKind.QuickFix; }
	return only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function workspaceEdit(ctx: Pick<CodeActionContext, 'doc' | 'documentChanges'>, edits: readonly TextEdit[]): WorkspaceEdit {
	const lspEdits = toLspEdits(ctx.doc, edits);
	return ctx.documentChanges
		? { documentChanges: [TextDocumentEdit.create({ uri: ctx.doc.uri, version: ctx.doc.version }, lspEdits)] }
		: { changes: { [ctx.doc.uri]: lspEdits } };
}

export function codeActions(ctx: CodeActionContext, params: CodeActionParams): CodeAction[] {
	const { service } = ctx;
	const only = params.context.only;
	const actions: CodeAction[] = [];
	if (wants(only, CodeActionKind.QuickFix)) {
		/** Rule → whether one of its diagnostics here has a fix (a fix-all computed later is offered only then). */
		const rules = new Map<string, boolean>();
		for (const diagnostic of params.context.diagnostics) {
			if (diagnostic.source !== diagnosticSource || typeof diagnostic.code !== 'string') { continue; }
			const fixes = fixesOf(ctx, diagnostic);
			rules.set(diagnostic.code, (rules.get(diagnostic.code) ?? false) || fixes.length > 0);
			for (const fix of fixes) {
				actions.push({
					title: fix.title,
					kind: CodeActionKind.QuickFix,
					diagnostics: [diagnostic],
					isPreferred: fix.isPreferred,
					edit: workspaceEdit(ctx, fix.edits),
				});
			}
		}
		for (const [rule, fixable] of rules) {
			const action = fixAllAction(ctx, service.t('fix.allOfRule', rule), CodeActionKind.QuickFix, rule, false, fixable);
			if (action) { actions.push(action); }
		}
	}
	if (only && wants(only, fixAllKind)) {
		actions.push(fixAllAction(ctx, service.t('fix.all'), fixAllKind, undefined, true)!);
	}
	return actions;
}

/** A fix-all action: its edit when cheap or asked for, else what resolves or runs it later. */
function fixAllAction(ctx: CodeActionContext, title: string, kind: string, rule: string | undefined, always: boolean, fixable = true): CodeAction | undefined {
	const { doc } = ctx;
	if (!ctx.resolvesEdits && doc.text.length <= eagerFixAllLimit) {
		const edits = ctx.service.fixAll(doc, ctx.settings, rule);
		return always || edits.length > 1 ? { title, kind, edit: workspaceEdit(ctx, edits) } : undefined;
	}
	if (!always && (!fixable || (rule !== undefined && ctx.counts && (ctx.counts[rule] ?? 0) < 2))) { return undefined; }
	const data: FixAllData = { fixAll: { uri: doc.uri, rule } };
	if (ctx.resolvesEdits) { return { title, kind, data }; }
	return { title, kind, command: Command.create(title, fixAllCommand, doc.uri, ...(rule === undefined ? [] : [rule])) };
}

function fixesOf(ctx: CodeActionContext, diagnostic: Diagnostic): readonly Fix[] {
	const held = ctx.held?.version === ctx.doc.version ? ctx.held.fixesOf(diagnostic) : undefined;
	if (held) { return held; }
	// Stale, not held or not inline: recompute on the current text for the problem now at that range.
	const start = toOffset(ctx.doc, diagnostic.range.start);
	const end = toOffset(ctx.doc, diagnostic.range.end);
	return ctx.service.fixesAt(ctx.doc, ctx.settings, String(diagnostic.code), start, end);
}
