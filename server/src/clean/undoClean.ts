/**
 * "Undo last clean": restores the files of the most recent run not yet undone, in every folder
 * that took part in it, from its backups. Only what this installation wrote is undone: every
 * manifest line must carry this installation's signature, name a plain path inside the folder,
 * and have a backup that is a regular file in the run's folder holding the bytes the line names.
 * One line failing that refuses the whole undo before anything is written. A file is then
 * restored only when it still holds exactly what the run wrote (compare-and-swap).
 */
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pendingRuns } from './cleanFiles';
import { ManifestEntry, ManifestError, parseManifest } from '../files/manifest';
import { readStamp, WriteRefused, writeIfUnchanged } from '../files/safeWrite';
import { BoundaryError, relativeEntry, WorkspaceBoundary } from '../files/workspaceBoundary';

export interface UndoResult {
	/** The run folders restored (one per workspace folder of the last clean). */
	readonly runs: string[];
	readonly restored: number;
	/** Files not restored because they changed after the clean (or are gone). */
	readonly changed: string[];
	/** Files not restored for another reason (read-only, not writable, changed during the undo). */
	readonly failed: { readonly file: string; readonly reason: string }[];
}

/** Undo refused as a whole: `run` names the run folder, `reason` what is wrong with it. */
export class UndoRefused extends Error {
	constructor(readonly run: string, readonly reason: string) {
		super(`${run}: ${reason}`);
		this.name = 'UndoRefused';
	}
}

interface Verified { readonly folder: string; readonly dir: string; readonly entries: { entry: ManifestEntry; parts: string[] }[] }

async function hashFile(file: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) { hash.update(chunk as Buffer); }
	return hash.digest('hex');
}

/** Reads and checks one run's manifest and backups; throws `UndoRefused`. */
async function verifyRun(key: Buffer, run: { folder: string; stamp: string; dir: string }): Promise<Verified> {
	const manifestFile = path.join(run.dir, 'manifest.jsonl');
	const stat = await fs.lstat(manifestFile);
	if (!stat.isFile()) { throw new UndoRefused(run.dir, 'manifest.jsonl is not a regular file'); }
	let entries: ManifestEntry[];
	try {
		entries = parseManifest(await fs.readFile(manifestFile, 'utf8'), key, run.stamp);
	} catch (e) {
		if (e instanceof ManifestError) { throw new UndoRefused(run.dir, `manifest.jsonl ${e.message}`); }
		throw e;
	}
	const out: Verified['entries'] = [];
	for (const [i, entry] of entries.entries()) {
		const name = `manifest.jsonl line ${i + 1} (${entry.file.slice(0, 200)})`;
		try {
			const parts = relativeEntry(entry.file, name);
			const backup = await WorkspaceBoundary.fileBelow(run.dir, ['files', ...parts], name);
			if ((await hashFile(backup)) !== entry.before) { throw new BoundaryError(name, 'its backup does not hold what the clean saved'); }
			out.push({ entry, parts });
		} catch (e) {
			if (e instanceof BoundaryError) { throw new UndoRefused(run.dir, e.message); }
			throw e;
		}
	}
	return { folder: run.folder, dir: run.dir, entries: out };
}

/**
 * Undoes the latest run. Undefined when there is none; throws `UndoRefused` (nothing written)
 * when a run's manifest or backups cannot be trusted, or `BoundaryError` when a folder's
 * `.zh-corpus/` is a link out of it.
 */
export async function undoLastClean(boundary: WorkspaceBoundary, folders: readonly string[], key: Buffer): Promise<UndoResult | undefined> {
	const candidates: { folder: string; stamp: string; dir: string }[] = [];
	for (const folder of folders) { candidates.push(...await pendingRuns(boundary, folder)); }
	const latest = candidates.map((c) => c.stamp).sort().pop();
	if (latest === undefined) { return undefined; }
	const verified: Verified[] = [];
	for (const run of candidates.filter((c) => c.stamp === latest)) { verified.push(await verifyRun(key, run)); }
	const result: UndoResult = { runs: [], restored: 0, changed: [], failed: [] };
	let restored = 0;
	for (const run of verified) {
		result.runs.push(run.dir);
		const notRestored: string[] = [];
		for (const { entry, parts } of run.entries) {
			const outcome = await restore(boundary, run, entry, parts);
			if (outcome === 'restored') { restored++; continue; }
			notRestored.push(entry.file);
			if (outcome === 'changed') { result.changed.push(entry.file); } else { result.failed.push({ file: entry.file, reason: outcome }); }
		}
		// A new file (never through a link someone left there).
		await fs.writeFile(path.join(run.dir, 'undone.json'), `${JSON.stringify({ undone: new Date().toISOString(), notRestored }, null, '\t')}\n`, { flag: 'wx' });
	}
	return { ...result, restored };
}

class BackupChanged extends Error { }

/** A backup's bytes, a megabyte at a time; throws `BackupChanged` after the last when they are not the bytes the manifest names (before the write is committed). */
async function* verifiedBytes(file: string, expected: string): AsyncGenerator<Buffer> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
		hash.update(chunk as Buffer);
		yield chunk as Buffer;
	}
	if (hash.digest('hex') !== expected) { throw new BackupChanged(); }
}

/** Restores one file: 'restored', 'changed' (not what the run wrote, or gone), or why not. */
async function restore(boundary: WorkspaceBoundary, run: Verified, entry: ManifestEntry, parts: readonly string[]): Promise<string> {
	const target = await boundary.locate(path.join(run.folder, ...parts));
	if (!target) {
		const exists = await fs.lstat(path.join(run.folder, ...parts)).then(() => true, () => false);
		return exists ? 'it lies outside the workspace folders' : 'changed';
	}
	try {
		// Both files are read in parts: a large file is never held whole.
		const stamp = await readStamp(target.real);
		if (stamp.hash !== entry.after) { return 'changed'; }
		await writeIfUnchanged(stamp, verifiedBytes(await WorkspaceBoundary.fileBelow(run.dir, ['files', ...parts], entry.file), entry.before));
		return 'restored';
	} catch (e) {
		if (e instanceof BackupChanged) { return 'its backup changed during the undo'; }
		if (e instanceof WriteRefused) { return e.reason === 'changed' ? 'changed' : e.detail || e.reason; }
		if (e instanceof BoundaryError) { return e.reason; }
		return String(e);
	}
}
