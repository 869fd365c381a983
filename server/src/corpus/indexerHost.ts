/** What the corpus indexer (corpusIndexer.ts) needs from the server: its connection, service, pool, and the workspace's files, settings and open documents. */
import type { Connection } from 'vscode-languageserver';
import type { LanguageService } from '../service';
import type { CheckResult, Skipped } from '../worker/protocol';
import type { Settings } from '../settings';
import type { WorkerPool } from './workerPool';

export interface IndexerHost {
	readonly connection: Connection;
	readonly service: LanguageService;
	readonly pool: WorkerPool;
	/** Corpus files of the workspace folders (include/exclude applied). */
	listFiles(token?: { isCancellationRequested: boolean }): Promise<readonly string[]>;
	isCorpusUri(uri: string): Promise<boolean>;
	/** Settings for closed files (their folder's). */
	settingsFor(uri: string): Promise<Settings>;
	/** True when the editor holds the document open: the server's thread checks it, not a worker. */
	isOpen(uri: string): boolean;
	/** Publishes a closed file's problems, or clears them (undefined). */
	publishClosed(uri: string, result: CheckResult | undefined, settings: Settings): void;
	/** Publishes why a file was not read (binary, too large, not UTF-8). */
	publishSkipped(uri: string, skipped: Skipped | undefined): void;
	/** Open documents should be checked again: the corpus around them changed. */
	recheckOpen(): void;
	/** The status (indexing progress) changed. */
	statusChanged(): void;
	/** The first listing is done (to say what it left out). */
	listed?(): void;
}
