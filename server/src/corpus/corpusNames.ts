/**
 * Names across the corpus, in the background: after the first scan, every closed file is tagged
 * for the names it introduces (tier 1, about 1 MB/s per core: minutes for a large corpus), at
 * the lowest priority so that checking and the editor's requests go first; each file's mentions
 * are matched right after, and once every file is tagged, every file is matched again for the
 * names found after it. Workers get the known names as rows (new ones and retyped ones), so
 * their matchers use the server's entity ids.
 */
import { Entity, entityTypes, grouped, LanguageService } from '../service';
import type { EntityTable, NameRow } from '../service/entities/entityTable';
import { forAll } from './forAll';
import { Priority, Superseded, WorkerPool } from './workerPool';
import { drive, nextTurn, sliceUsed } from './drive';

export interface NamesHost {
	readonly service: LanguageService;
	readonly pool: WorkerPool;
	isOpen(uri: string): boolean;
	log(message: string): void;
	/** The corpus's names changed: refresh views, re-check where entity.variant may change. */
	changed(): void;
	/** Tagging started or ended (the status says so). */
	statusChanged(): void;
}

/** Files tagged at once in the background. */
const inFlight = 8;
/**
 * After tagging this many characters the workers are renewed (WorkerPool.renewFree): tagging the
 * 10,000-file bench corpus (100 MB) left each holding 200–280 MB, a fresh one 60–90 MB.
 */
const renewAfterChars = 16 * 2 ** 20;

export class CorpusNames {
	/** The type and spreading each entity id was last sent to the workers with (see `signature`). */
	#sent = new Map<number, number>();
	#generation = 0;
	#propagation: NodeJS.Timeout | undefined;
	#newNames = 0;
	#tagging = false;

	constructor(private readonly host: NamesHost) { }

	get tagging(): boolean { return this.#tagging; }

	/** A new entity table (a new gazetteer): every worker gets the full list of names. */
	reset(): void {
		this.#sent = new Map();
		const rows = [...this.host.service.entities.index.table.rows()];
		for (const r of rows) { this.#sent.set(r.id, signature(r)); }
		this.host.pool.control({ kind: 'names', reset: true, rows });
	}

	/** Sends the names among `keys` added, retyped or newly spreading (or not) since they were last sent, in slices as `flushAll`. */
	async flush(keys: readonly string[]): Promise<void> {
		const index = this.host.service.entities.index;
		await this.#flushInSlices(index.table, (function* () {
			for (const key of keys) {
				const e = index.table.byKey(key);
				if (e) { yield e; }
			}
		})());
	}

	/**
	 * Sends every name added, retyped or newly spreading (or not) since it was last sent, in
	 * slices (drive.ts): 60,000 names after tagging held the thread 100–150 ms at once.
	 */
	async flushAll(): Promise<void> {
		const table = this.host.service.entities.index.table;
		await this.#flushInSlices(table, table.live());
	}

	/**
	 * Each slice's rows are sent before the next slice looks, so a row sent meanwhile by another
	 * flush is never followed by an older one; a new table (a new gazetteer) ends it (`reset` sent all).
	 */
	async #flushInSlices(table: EntityTable, entities: Iterable<Entity>): Promise<void> {
		let rows: NameRow[] = [];
		for (const e of entities) {
			if (sliceUsed()) {
				this.#send(rows);
				rows = [];
				await nextTurn();
				if (this.host.service.entities.index.table !== table) { return; }
			}
			this.#consider(e, rows);
		}
		this.#send(rows);
	}

	/** A row (its keys copied) only for a name the workers do not know as it is now (the signature first). */
	#consider(e: Entity, rows: NameRow[]): void {
		const table = this.host.service.entities.index.table;
		const now = signatureOf(entityTypes.indexOf(table.typeOf(e)), table.spreads(e));
		if (this.#sent.get(e.id) !== now) { rows.push(table.row(e)); this.#sent.set(e.id, now); }
	}

	#send(rows: NameRow[]): void {
		if (rows.length > 0) { this.host.pool.control({ kind: 'names', reset: false, rows }); }
	}

	/** Tags every closed file for names, matching each right after; then every file again for the names found later. */
	async tagAll(uris: readonly string[]): Promise<void> {
		const generation = ++this.#generation;
		this.#tagging = true;
		this.host.statusChanged();
		const started = Date.now();
		try {
			await forAll(uris, inFlight, { get isCancellationRequested() { return false; } }, async (uri) => {
				if (generation !== this.#generation || this.host.isOpen(uri)) { return; }
				await this.#tag(uri, () => generation === this.#generation);
			});
			if (generation === this.#generation && this.#newNames > 0) { await this.rematchAll(); }
			// The re-checks for the names found follow at once: on fresh workers, not ones grown by tagging.
			if (generation === this.#generation && this.#taggedLength(uris) > renewAfterChars) { this.host.pool.renewFree(); }
			this.host.log(`zh-corpus: names found in ${grouped(uris.length)} ${uris.length === 1 ? 'file' : 'files'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
		} finally {
			if (generation === this.#generation) { this.#tagging = false; }
			this.host.changed();
			this.host.statusChanged();
		}
	}

	/** One file changed: tag and match it; names new to the corpus are looked for in the other files after a pause. */
	async fileChanged(uri: string): Promise<void> {
		await this.#tag(uri);
		if (this.#newNames > 0) { this.schedulePropagation(); }
		this.host.changed();
	}

	/**
	 * A new gazetteer (the entity table was rebuilt, every file's mentions cleared): every closed
	 * file is matched again, then the names' users are told, as after tagging. Through `changed`,
	 * not the views alone: people who gained or lost a sound-alike are re-checked (entity.variant),
	 * open documents too. Before, a document opened while the matching ran was checked without its
	 * variants and never again (it showed when the corpus workers were slow: fresh ones).
	 */
	async gazetteerChanged(): Promise<void> {
		this.reset();
		await this.rematchAll();
		this.host.changed();
	}

	/** Names new to the corpus (typed in an editor, or found in a changed file) are looked for everywhere once the user pauses. */
	schedulePropagation(): void {
		clearTimeout(this.#propagation);
		this.#propagation = setTimeout(() => void this.rematchAll().then(() => this.host.changed()), 1500);
	}

	/** Matches every indexed closed file again (after new names or a new gazetteer). */
	async rematchAll(): Promise<void> {
		this.#newNames = 0;
		await this.flushAll();
		const { service } = this.host;
		const uris = service.index.uris().filter((u) => !this.host.isOpen(u));
		await forAll(uris, inFlight * 2, undefined, async (uri) => {
			const result = await this.host.pool.run({ kind: 'match', uri, found: service.entities.index.foundIn(uri) }, Priority.Background, { wanted: () => !this.host.isOpen(uri) }).catch(() => undefined);
			if (result?.matches && !this.host.isOpen(uri)) { await drive(service.entities.index.applyMatchesInSteps(uri, result.matches)); }
		});
	}

	#taggedLength(uris: readonly string[]): number {
		let n = 0;
		for (const uri of uris) { n += this.host.service.index.get(uri)?.length ?? 0; }
		return n;
	}

	/** Tags one closed file, unless it was opened, removed or (`current` false) a new tagging of every file began before its turn. */
	async #tag(uri: string, current: () => boolean = () => true): Promise<void> {
		const { service, pool } = this.host;
		const wanted = () => current() && !this.host.isOpen(uri) && service.index.get(uri) !== undefined;
		const found = await pool.run({ kind: 'discover', uri }, Priority.Background, { wanted }).catch((e: unknown) => {
			if (e instanceof Superseded) { return undefined; }
			this.host.log(`zh-corpus: ${uri}: ${e instanceof Error ? e.message : String(e)}`);
			return undefined;
		});
		if (!found?.found || this.host.isOpen(uri) || !service.index.get(uri)) { return; }
		service.entities.index.ensure(uri);
		// In steps (drive.ts): a 200 MB file's names (1.2 million mentions, 580,000 roles) held the thread 130 ms in one piece.
		const added = await drive(service.entities.index.applyTallyInSteps(uri, found.found));
		if (!added) { return; }
		this.#newNames += added.length;
		service.entities.markDiscovered(uri, found.stamp!);
		await this.flush(found.found.voteKeys);
		const matched = await pool.run({ kind: 'match', uri, found: service.entities.index.foundIn(uri) }, Priority.Background, { wanted }).catch(() => undefined);
		if (matched?.matches && !this.host.isOpen(uri)) { await drive(service.entities.index.applyMatchesInSteps(uri, matched.matches)); }
	}
}

/** What a worker's matcher must know of a name (its type and whether it spreads): a row is sent again when it changes. */
const signatureOf = (type: number, spreads: boolean): number => type * 2 + (spreads ? 1 : 0);
const signature = (r: NameRow): number => signatureOf(entityTypes.indexOf(r.type), r.spreads);
