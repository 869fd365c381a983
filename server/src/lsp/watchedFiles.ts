/**
 * Watched-file events: the user's gazetteer, the project file and .gitignore files change what
 * the whole corpus is; a corpus file changes its own entries only (then what it affects).
 */
import { Connection, FileChangeType, FileEvent, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Corpus } from '../corpus/corpus';
import { isGazetteerUri } from '../files/gazetteerFiles';
import type { LspWorkspace } from './lspWorkspace';
import type { LanguageService } from '../service';

export interface WatchedFilesContext {
	readonly connection: Connection;
	readonly service: LanguageService;
	readonly documents: TextDocuments<TextDocument>;
	readonly workspace: LspWorkspace;
	readonly corpus: Corpus;
	/** Restricted Mode: workspace-supplied files (gazetteer, project file) are not read. */
	readonly restricted: boolean;
	/** The project file changed: settings are read again and open documents checked again. */
	reloadSettings(): void;
}

export async function watchedFileChanged(ctx: WatchedFilesContext, change: FileEvent): Promise<void> {
	const { service, corpus, workspace } = ctx;
	if (isGazetteerUri(change.uri)) {
		if (ctx.restricted) { return; }
		await corpus.loadGazetteers();
		await corpus.names.gazetteerChanged();
		return;
	}
	if (change.uri.endsWith('/.zh-corpus/config.json')) {
		if (ctx.restricted) { return; }
		ctx.reloadSettings();
		await corpus.configure();
		await corpus.rescan();
		corpus.indexer.recheckAll();
		return;
	}
	if (change.uri.endsWith('/.gitignore')) {
		workspace.forgetGitignores();
		await corpus.rescan();
		return;
	}
	if (ctx.documents.get(change.uri)) { return; }
	if (change.type === FileChangeType.Deleted || !(await workspace.isCorpusUri(change.uri))) {
		if (service.index.get(change.uri) || corpus.indexer.skipped.has(change.uri)) { await corpus.indexer.fileDeleted(change.uri); }
	} else {
		await corpus.indexer.fileChanged(change.uri);
		void corpus.names.fileChanged(change.uri);
	}
}
