/**
 * The file side of "Clean workspace…" and "Undo last clean": compare-and-swap atomic writes
 * (files/safeWrite.ts), a backup of every original in `.zh-corpus/backup/<timestamp>/files/`, a
 * signed manifest of what was written (files/manifest.ts: undo restores only what this
 * installation wrote, and only files nobody changed since), and a JSON Lines review report.
 * Every path goes through the workspace boundary (files/workspaceBoundary.ts).
 */
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { manifestLine, sha256 } from '../files/manifest';
import { FileSnapshot, TempFile, WriteData, writeIfUnchanged } from '../files/safeWrite';
import type { StreamedText } from '../files/streamedText';
import { BoundaryError, Located, WorkspaceBoundary } from '../files/workspaceBoundary';
import type { ReviewRow } from '../service';

export const backupSub = ['backup'];

/** One clean of one workspace folder: its backup folder, manifest and report. */
export class CleanRun {
	#manifest: fs.FileHandle | undefined;
	#report: fs.FileHandle | undefined;
	/** Files written and rows noted: a run that did neither leaves no folder. */
	#used = 0;

	private constructor(readonly folder: string, readonly dir: string, readonly stamp: string, private readonly key: Buffer) { }

	get reportFile(): string { return path.join(this.dir, 'report.jsonl'); }

	/**
	 * Creates the run's folder in the folder's real `.zh-corpus/backup/` (refused when that is a
	 * link out of the folder). The run's own folder must be new: nothing in it predates the run.
	 */
	static async open(boundary: WorkspaceBoundary, folder: string, stamp: string, key: Buffer): Promise<CleanRun> {
		const backup = (await boundary.ownDir(folder, backupSub, true))!;
		const dir = path.join(backup, stamp);
		await fs.mkdir(dir);
		await fs.mkdir(path.join(dir, 'files'));
		const run = new CleanRun(folder, dir, stamp, key);
		run.#manifest = await fs.open(path.join(dir, 'manifest.jsonl'), 'wx');
		run.#report = await fs.open(run.reportFile, 'wx');
		return run;
	}

	/**
	 * Backs up the snapshot's bytes, writes `data` in place of the file when it is unchanged since
	 * the snapshot (else throws `WriteRefused`) and records both. The manifest line is written
	 * only after the file is, so undo never restores a file this run did not change.
	 */
	async write(target: Located, snap: FileSnapshot, data: WriteData, rows: Iterable<ReviewRow>): Promise<void> {
		const rel = path.relative(target.realFolder, target.real).split(path.sep).join('/');
		const backup = path.join(this.dir, 'files', rel);
		// Folders below the run's own new folder: nothing there predates the run.
		await fs.mkdir(path.dirname(backup), { recursive: true });
		await fs.writeFile(backup, snap.bytes, { flag: 'wx' });
		let after: string;
		try {
			after = await writeIfUnchanged(snap, data);
		} catch (e) {
			await fs.rm(backup, { force: true });
			throw e;
		}
		this.#used++;
		await this.#manifest!.appendFile(manifestLine(this.key, this.stamp, { file: rel, before: snap.hash, after }));
		await appendRows(this.#report!, rel, rows);
	}

	/**
	 * `write` for a large file that is never held whole: `fix` gets the file's text part after
	 * part (each chunk of bytes read goes to the backup first) and gives the new bytes and the
	 * review rows of each part, which go to a temporary file beside the file and to a side file
	 * of the run. The temporary file replaces the file only when the file still holds exactly
	 * the bytes read (compare-and-swap, as `write`); the rows join the report only then.
	 * Returns false, writing nothing, when no part changed.
	 */
	async writeStreamed(target: Located, source: StreamedText, fix: (parts: AsyncIterable<string>) => AsyncIterable<{ bytes: Buffer; rows: Iterable<ReviewRow> }>): Promise<boolean> {
		const rel = path.relative(target.realFolder, target.real).split(path.sep).join('/');
		const backupFile = path.join(this.dir, 'files', rel);
		await fs.mkdir(path.dirname(backupFile), { recursive: true });
		const rowsFile = path.join(this.dir, 'report.pending.jsonl');
		const temp = await TempFile.beside(source);
		let backup: fs.FileHandle | undefined;
		let rows: fs.FileHandle | undefined;
		let after: string | undefined;
		try {
			backup = await fs.open(backupFile, 'wx');
			rows = await fs.open(rowsFile, 'wx');
			let changed = false;
			for await (const part of fix(source.parts((chunk) => backup!.write(chunk)))) {
				await temp.write(part.bytes);
				changed = await appendRows(rows, rel, part.rows) || changed;
			}
			await backup.close();
			backup = undefined;
			if (changed) { after = await temp.replace(source.stamp); }
		} finally {
			await backup?.close();
			await rows?.close();
			if (after === undefined) {
				await temp.discard();
				await fs.rm(backupFile, { force: true });
				await fs.rm(rowsFile, { force: true });
			}
		}
		if (after === undefined) { return false; }
		this.#used++;
		await this.#manifest!.appendFile(manifestLine(this.key, this.stamp, { file: rel, before: source.stamp.hash, after }));
		const report = this.#report!;
		for await (const chunk of createReadStream(rowsFile, { highWaterMark: 1 << 20 })) { await report.appendFile(chunk as Buffer); }
		await fs.rm(rowsFile, { force: true });
		return true;
	}

	/** A file the run did not write, and why, as a row of the review report. */
	async note(file: string, skipped: string): Promise<void> {
		const rel = path.relative(this.folder, file).split(path.sep).join('/');
		this.#used++;
		await this.#report!.appendFile(`${JSON.stringify({ file: rel, skipped })}\n`);
	}

	async close(): Promise<void> {
		await this.#manifest?.close();
		await this.#report?.close();
		if (this.#used === 0) { await fs.rm(this.dir, { recursive: true, force: true }); }
	}
}

/**
 * Appends review rows of `file` to a report, 128 K characters at a time; whether there were any.
 * Each write lets the server's other work run: a megabyte of rows (a part of a large file) made
 * and encoded in one piece held requests 90–130 ms.
 */
async function appendRows(report: fs.FileHandle, file: string, rows: Iterable<ReviewRow>): Promise<boolean> {
	let lines = '';
	let any = false;
	for (const r of rows) {
		any = true;
		lines += `${JSON.stringify({ file, ...r })}\n`;
		if (lines.length > 1 << 17) { await report.appendFile(lines); lines = ''; }
	}
	if (lines) { await report.appendFile(lines); }
	return any;
}

/** A filesystem-safe timestamp that sorts in time order: `2026-11-23T13-29-08-123Z`. */
export function runStamp(date = new Date()): string {
	return date.toISOString().replace(/[:.]/g, '-');
}

/** The runs of a folder not yet undone that have a manifest: real folders only, never links. */
export async function pendingRuns(boundary: WorkspaceBoundary, folder: string): Promise<{ folder: string; stamp: string; dir: string }[]> {
	const backup = await boundary.ownDir(folder, backupSub, false);
	if (!backup) { return []; }
	const out: { folder: string; stamp: string; dir: string }[] = [];
	for (const e of await fs.readdir(backup, { withFileTypes: true }).catch(() => [])) {
		if (!e.isDirectory()) { continue; }
		const dir = path.join(backup, e.name);
		const exists = (name: string) => fs.lstat(path.join(dir, name)).then(() => true, () => false);
		if (!(await exists('undone.json')) && await exists('manifest.jsonl')) { out.push({ folder, stamp: e.name, dir }); }
	}
	return out;
}

export { BoundaryError, sha256 };
