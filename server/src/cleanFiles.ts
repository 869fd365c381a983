/**
 * The file side of "Clean workspace…" and "Undo last clean": atomic writes (temp file in the
 * same folder + rename, so a crash leaves either the old or the new file, never half of one),
 * a backup of every original in `.zh-corpus/backup/<timestamp>/files/`, a manifest of what was
 * written (so undo restores only files nobody changed since), and a JSON Lines review report.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ownDir } from './lspWorkspace';
import type { ReviewRow } from './service';

export const backupDir = path.join(ownDir, 'backup');

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Writes `data` to `file` atomically, keeping the file's permissions. */
export async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
	const mode = await fs.stat(file).then((s) => s.mode, () => undefined);
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.zh-corpus-tmp`);
	try {
		await fs.writeFile(temp, data, mode === undefined ? undefined : { mode });
		await fs.rename(temp, file);
	} catch (e) {
		await fs.rm(temp, { force: true });
		throw e;
	}
}

/** Decodes a file's bytes as UTF-8 when they are UTF-8 (a lossless round trip), else undefined. */
export function decodeUtf8(bytes: Buffer): string | undefined {
	const text = bytes.toString('utf8');
	return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}

interface ManifestEntry {
	/** Path relative to the workspace folder, with `/`. */
	readonly file: string;
	readonly before: string;
	readonly after: string;
}

/** One clean of one workspace folder: its backup folder, manifest and report. */
export class CleanRun {
	readonly dir: string;
	readonly reportFile: string;
	#manifest: fs.FileHandle | undefined;
	#report: fs.FileHandle | undefined;

	constructor(readonly folder: string, stamp: string) {
		this.dir = path.join(folder, backupDir, stamp);
		this.reportFile = path.join(this.dir, 'report.jsonl');
	}

	async open(): Promise<void> {
		await fs.mkdir(path.join(this.dir, 'files'), { recursive: true });
		this.#manifest = await fs.open(path.join(this.dir, 'manifest.jsonl'), 'a');
		this.#report = await fs.open(this.reportFile, 'a');
	}

	/**
	 * Backs up `original`, writes `cleaned` atomically and records both. The manifest line is
	 * written only after the file is, so undo never restores a file this run did not change.
	 */
	async write(file: string, original: Buffer, cleaned: string, rows: readonly ReviewRow[]): Promise<void> {
		const rel = path.relative(this.folder, file).split(path.sep).join('/');
		const backup = path.join(this.dir, 'files', rel);
		await fs.mkdir(path.dirname(backup), { recursive: true });
		await fs.writeFile(backup, original);
		const data = Buffer.from(cleaned, 'utf8');
		await writeAtomic(file, data);
		const entry: ManifestEntry = { file: rel, before: sha256(original), after: sha256(data) };
		await this.#manifest!.appendFile(`${JSON.stringify(entry)}\n`);
		await this.#report!.appendFile(rows.map((r) => `${JSON.stringify({ file: rel, ...r })}\n`).join(''));
	}

	async close(): Promise<void> {
		await this.#manifest?.close();
		await this.#report?.close();
	}
}

/** A filesystem-safe timestamp that sorts in time order: `2026-11-23T13-29-08-123Z`. */
export function runStamp(date = new Date()): string {
	return date.toISOString().replace(/[:.]/g, '-');
}

export interface UndoResult {
	/** The run folders restored (one per workspace folder of the last clean). */
	readonly runs: string[];
	readonly restored: number;
	/** Files not restored because they changed after the clean (or are gone). */
	readonly changed: string[];
}

/**
 * Restores the files of the most recent clean not yet undone, in every folder that took part
 * in it. A file is restored only when it still holds exactly what the clean wrote.
 */
export async function undoLastClean(folders: readonly string[]): Promise<UndoResult | undefined> {
	const candidates: { folder: string; stamp: string }[] = [];
	for (const folder of folders) {
		const entries = await fs.readdir(path.join(folder, backupDir), { withFileTypes: true }).catch(() => []);
		for (const e of entries) {
			if (!e.isDirectory()) { continue; }
			const dir = path.join(folder, backupDir, e.name);
			const undone = await fs.access(path.join(dir, 'undone.json')).then(() => true, () => false);
			const hasManifest = await fs.access(path.join(dir, 'manifest.jsonl')).then(() => true, () => false);
			if (!undone && hasManifest) { candidates.push({ folder, stamp: e.name }); }
		}
	}
	const latest = candidates.map((c) => c.stamp).sort().pop();
	if (!latest) { return undefined; }
	const result: UndoResult = { runs: [], restored: 0, changed: [] };
	let restored = 0;
	for (const { folder } of candidates.filter((c) => c.stamp === latest)) {
		const dir = path.join(folder, backupDir, latest);
		result.runs.push(dir);
		const manifest = (await fs.readFile(path.join(dir, 'manifest.jsonl'), 'utf8')).split('\n').filter(Boolean);
		const changedHere: string[] = [];
		for (const line of manifest) {
			const entry = JSON.parse(line) as ManifestEntry;
			const file = path.join(folder, ...entry.file.split('/'));
			const current = await fs.readFile(file).catch(() => undefined);
			if (!current || sha256(current) !== entry.after) { changedHere.push(entry.file); continue; }
			await writeAtomic(file, await fs.readFile(path.join(dir, 'files', ...entry.file.split('/'))));
			restored++;
		}
		result.changed.push(...changedHere);
		await fs.writeFile(path.join(dir, 'undone.json'), `${JSON.stringify({ undone: new Date().toISOString(), notRestored: changedHere }, null, '\t')}\n`);
	}
	return { ...result, restored };
}
