/**
 * The corpus behind the open documents: the worker pool, the first scan and per-file updates
 * (corpusIndexer.ts), names in the background (corpusNames.ts), and what the server tells the
 * editor about them (closed files' problems, status, the corpus summary).
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { CorpusIndexer } from './corpusIndexer';
import type { FileProblems } from './problemTally';
import { CorpusNames } from './corpusNames';
import { OpenDocumentJobs } from './openDocumentJobs';
import { SoundAlikeRechecks } from './soundAlikeRechecks';
import type { DiagnosticsPublisher } from '../lsp/diagnostics';
import type { LspWorkspace } from '../lsp/lspWorkspace';
import type { LanguageService } from '../service';
import { entityTypes, grouped } from '../service';
import type { SettingsCache } from '../settings';
import { jiebaSegmenter } from '../segmenter';
import { createJobRunner } from '../worker/jobs';
import { boundHeapGrowthWhile } from '../worker/heldMemory';
import { Priority, WorkerPool } from './workerPool';
import { typingPolicy } from './typingGate';
import { CorpusStatus, statusNotification } from '../protocol';
import { skippedDiagnostic } from '../files/fileNotes';
import { closedDiagnostics } from '../lsp/convert';
import { loadGazetteers } from '../files/gazetteerFiles';
import { maxGlobstars } from '../files/gitignoreRules';
import { defaultMaxBytes } from '../files/fileReader';

/** The corpus workers run this much nicer than the server's thread (workerPool.ts): requests first. */
const workerNiceness = 5;
/**
 * An idle worker holding more than this (MB) is replaced by a fresh one (workerPool.ts). A fresh
 * worker that has checked and tagged small files holds 60–90 MB; one that checked a 50 MB file
 * or tagged a large corpus holds 300 MB and more after collecting.
 */
const recycleAboveMb = 160;

export interface CorpusInit {
	readonly connection: Connection;
	readonly service: LanguageService;
	readonly workspace: LspWorkspace;
	readonly settings: SettingsCache;
	readonly publisher: DiagnosticsPublisher;
	readonly locale?: string;
	/** Worker threads; 0 runs files on the server's thread (default: one per core). */
	readonly workers?: number;
	isOpen(uri: string): boolean;
	recheckOpen(): void;
	entitiesChanged(): void;
	/** The folder is not trusted: workspace-supplied patterns and gazetteers are ignored. */
	readonly restricted?: boolean;
}

export class Corpus {
	readonly pool: WorkerPool;
	readonly indexer: CorpusIndexer;
	readonly names: CorpusNames;
	/** Checks, outlines and indexing of large open documents, in workers. */
	readonly open: OpenDocumentJobs;
	#statusTimer: NodeJS.Timeout | undefined;
	readonly #soundAlikes: SoundAlikeRechecks;

	constructor(private readonly init: CorpusInit) {
		const { connection, service, workspace, settings, publisher } = init;
		const log = (m: string) => connection.console.log(m);
		const size = init.workers ?? Math.max(1, availableParallelism());
		this.pool = new WorkerPool(path.join(__dirname, 'worker.js'), size, log, () => createJobRunner(jiebaSegmenter(log), false), workerNiceness, undefined, { recycleAboveMb, backgroundOnFirst: true }, typingPolicy);
		this.pool.control({ kind: 'init', locale: init.locale, limits: { maxBytes: defaultMaxBytes } });
		const folderSettings = (uri: string) => settings.get(workspace.folderUriOf(uri));
		workspace.onRefusedRule = (file, rule) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: service.t('files.gitignoreRefused', file, rule.line, rule.text, maxGlobstars) });
		this.indexer = new CorpusIndexer({
			connection, service, pool: this.pool,
			listFiles: (token) => workspace.listFiles(token),
			isCorpusUri: (uri) => workspace.isCorpusUri(uri),
			settingsFor: folderSettings,
			isOpen: init.isOpen,
			publishClosed: (uri, result, s) => {
				if (!result || s?.problemsScope !== 'workspace') { publisher.clearClosed(uri); return; }
				publisher.publishClosed(uri, closedDiagnostics(result));
			},
			publishSkipped: (uri, skipped) => publisher.publishClosed(uri, skipped ? [skippedDiagnostic(service.t, skipped)] : []),
			recheckOpen: init.recheckOpen,
			statusChanged: () => this.statusChanged(),
			listed: () => {
				if (workspace.gitIgnored > 0) {
					void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: service.t('files.gitIgnored', grouped(workspace.gitIgnored)) });
				}
				if (workspace.linksOutside > 0) {
					void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: service.t('files.linksOutside', grouped(workspace.linksOutside)) });
				}
			},
		});
		this.#soundAlikes = new SoundAlikeRechecks(service, (closed) => {
			// In the background, on one worker (workerPool.ts): after a first tagging that is most of the corpus.
			this.indexer.recheck(closed, Priority.Background);
			init.recheckOpen();
		}, () => this.statusChanged());
		this.names = new CorpusNames({
			service, pool: this.pool, isOpen: init.isOpen, log, statusChanged: () => this.statusChanged(),
			changed: () => {
				init.entitiesChanged();
				void this.#soundAlikes.namesChanged();
			},
		});
		this.open = new OpenDocumentJobs({ service, pool: this.pool, names: this.names });
	}

	/**
	 * The user's gazetteers (`.zh-corpus/entities.json`), parsed in a worker so that a large one
	 * never holds the server's thread; a file that cannot be used is a message on it, and the
	 * scan goes on without it.
	 */
	async loadGazetteers(): Promise<void> {
		const { connection, service, workspace } = this.init;
		try {
			const gazetteer = await loadGazetteers(connection, workspace.folders, service.t, (uri, text) => this.pool.run({ kind: 'gazetteer', uri, text }, Priority.Interactive));
			service.entities.index.setGazetteer(gazetteer);
		} catch (e) {
			connection.console.error(`zh-corpus: the gazetteer could not be read: ${e instanceof Error ? e.message : String(e)}`);
		}
	}

	/** The first scan, then names in the background. */
	async start(): Promise<void> {
		await this.configure();
		this.names.reset();
		const uris = await this.indexer.scan();
		this.init.entitiesChanged();
		void this.names.tagAll(uris.filter((u) => !this.init.isOpen(u) && this.init.service.index.get(u)));
	}

	/**
	 * Lists the corpus files again (include/exclude settings or a .gitignore changed): files that
	 * left the corpus are forgotten, new ones indexed and checked; the rest are left alone.
	 */
	async rescan(): Promise<void> {
		if (!this.indexer.ready) { return; }
		const { service, workspace } = this.init;
		const now = new Set(await workspace.listFiles());
		const known = new Set([...service.index.uris(), ...this.indexer.skipped.keys()]);
		for (const uri of known) { if (!now.has(uri) && !this.init.isOpen(uri)) { await this.indexer.fileDeleted(uri); } }
		for (const uri of now) {
			if (!known.has(uri) && !this.init.isOpen(uri)) {
				await this.indexer.fileChanged(uri);
				void this.names.fileChanged(uri);
			}
		}
	}

	/** Tells the workers the limits from the settings (the first folder's: one pool serves all). */
	async configure(): Promise<void> {
		const first = this.init.workspace.folders[0];
		const settings = await this.init.settings.get(first ? pathToFileURL(first).href : undefined);
		this.pool.control({ kind: 'init', locale: this.init.locale, limits: { maxBytes: settings.maxFileSizeMB * 2 ** 20 } });
	}

	status(): CorpusStatus {
		const { problems, cappedFiles } = this.indexer.problemTotals;
		// Sound-alikes being compared: re-checks may follow.
		return { indexing: this.indexer.progress, tagging: this.names.tagging, rechecking: this.indexer.rechecking + (this.#soundAlikes.busy ? 1 : 0), files: this.init.service.index.size, problems, cappedFiles, restricted: this.init.restricted ?? false };
	}

	/** At most every 250 ms: a notification per file would flood the client. */
	statusChanged(): void {
		if (this.#statusTimer) { return; }
		this.#statusTimer = setTimeout(() => {
			this.#statusTimer = undefined;
			const status = this.status();
			boundHeapGrowthWhile(status.tagging || status.rechecking > 0);
			void this.init.connection.sendNotification(statusNotification, status);
		}, 250);
	}

	/** The corpus summary: files, problems per rule, files per script, files not read, top names. */
	summary(openProblems: ReadonlyMap<string, FileProblems>) {
		const { service } = this.init;
		const perRule: Record<string, number> = {};
		const add = (p: FileProblems) => { for (const [rule, n] of Object.entries(p.counts)) { perRule[rule] = (perRule[rule] ?? 0) + n; } };
		for (const [uri, p] of this.indexer.problems) { if (!openProblems.has(uri)) { add(p); } }
		for (const p of openProblems.values()) { add(p); }
		const skipped: Record<string, number> = {};
		for (const s of this.indexer.skipped.values()) { skipped[s.reason] = (skipped[s.reason] ?? 0) + 1; }
		const table = service.entities.index.table;
		const top: { name: string; type: string; mentions: number; files: number }[] = [];
		for (const e of table.live()) {
			if (e.mentionFiles.size === 0) { continue; }
			const mentions = e.mentionTotal;
			top.push({ name: e.name, type: table.typeOf(e), mentions, files: e.mentionFiles.size });
		}
		top.sort((a, b) => b.mentions - a.mentions);
		const topEntities = Object.fromEntries(entityTypes.map((t) => [t, top.filter((e) => e.type === t).slice(0, 10)]));
		return { ...service.index.summary(), ...this.status(), problemsPerRule: perRule, skipped, topEntities };
	}

	dispose(): Promise<void> { return this.pool.dispose(); }
}
