/**
 * Compare-and-swap writes of corpus files. A file is read into a snapshot (its bytes, hash,
 * size, time, inode, mode and owner); it is written back only through `writeIfUnchanged`,
 * which writes a temporary file beside it (same mode and owner), checks just before the
 * atomic rename that the file still holds exactly the snapshot's bytes, and else leaves it
 * alone and says why. A crash leaves the old file or the new one, never half of one. Links are
 * never replaced: the snapshot is of the link's target (the caller checks it is inside the
 * workspace), which is what gets written.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs, Stats } from 'node:fs';
import * as path from 'node:path';

/** Why a file was not written (each has a message `write.<reason>`). */
export type WriteSkip = 'changed' | 'readOnly' | 'notOwner' | 'notFile' | 'failed';

export class WriteRefused extends Error {
	constructor(readonly reason: WriteSkip, readonly detail = '') {
		super(detail ? `${reason}: ${detail}` : reason);
		this.name = 'WriteRefused';
	}
}

export interface FileSnapshot {
	/** The path read and written (a real path: no link in it). */
	readonly file: string;
	readonly bytes: Buffer;
	readonly hash: string;
	readonly stat: Stats;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Reads a regular file (a FIFO or device is refused, never opened) with what a later write checks. */
export async function readSnapshot(file: string): Promise<FileSnapshot> {
	const before = await fs.lstat(file);
	if (!before.isFile()) { throw new WriteRefused('notFile', before.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'); }
	const handle = await fs.open(file, 'r');
	try {
		const stat = await handle.stat();
		const bytes = await handle.readFile();
		return { file, bytes, hash: sha256(bytes), stat };
	} finally {
		await handle.close();
	}
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Why this user should not rewrite the file, or undefined: a file without write permission
 * (0444, even for root: read-only says "leave me"), or owned by another user (a rename would
 * make it ours; root keeps the owner instead).
 */
export async function cannotWrite(snap: FileSnapshot): Promise<WriteRefused | undefined> {
	const { stat } = snap;
	if ((stat.mode & 0o222) === 0) { return new WriteRefused('readOnly', 'the file is read-only'); }
	if (isRoot()) { return undefined; }
	const writable = await fs.access(snap.file, fs.constants.W_OK).then(() => true, () => false);
	if (!writable) { return new WriteRefused('readOnly', 'no permission to write it'); }
	if (process.getuid && stat.uid !== process.getuid()) { return new WriteRefused('notOwner', `it belongs to user ${stat.uid}`); }
	const dirWritable = await fs.access(path.dirname(snap.file), fs.constants.W_OK).then(() => true, () => false);
	if (!dirWritable) { return new WriteRefused('readOnly', 'no permission to write in its folder'); }
	return undefined;
}

/** The sha256 of a file's current bytes, read in parts (a large file is not held twice). */
async function hashFile(file: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) { hash.update(chunk as Buffer); }
	return hash.digest('hex');
}

/** Whether the file still holds the snapshot's bytes: the same inode, size and time, and the same hash. */
export async function unchanged(snap: FileSnapshot): Promise<boolean> {
	const now = await fs.lstat(snap.file).catch(() => undefined);
	if (!now || !now.isFile() || now.ino !== snap.stat.ino || now.dev !== snap.stat.dev || now.size !== snap.stat.size || now.mtimeMs !== snap.stat.mtimeMs) { return false; }
	return (await hashFile(snap.file)) === snap.hash;
}

/** Data to write: bytes, or parts of them produced one after another (a large file in parts). */
export type WriteData = Buffer | Iterable<Buffer>;

/**
 * Replaces the snapshot's file with `data` when it still holds the snapshot's bytes, keeping its
 * mode (and owner, as root). Returns the sha256 of what was written; throws `WriteRefused`.
 */
export async function writeIfUnchanged(snap: FileSnapshot, data: WriteData): Promise<string> {
	const refused = await cannotWrite(snap);
	if (refused) { throw refused; }
	const { file, stat } = snap;
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.zh-corpus-tmp`);
	const hash = createHash('sha256');
	let handle: fs.FileHandle | undefined;
	try {
		handle = await fs.open(temp, 'wx', 0o600);
		for (const part of Buffer.isBuffer(data) ? [data] : data) {
			hash.update(part);
			await handle.write(part);
		}
		await handle.chmod(stat.mode & 0o7777);
		if (isRoot() && (stat.uid !== 0 || stat.gid !== 0)) { await handle.chown(stat.uid, stat.gid); }
		await handle.close();
		handle = undefined;
		if (!(await unchanged(snap))) { throw new WriteRefused('changed', 'it changed since it was read'); }
		await fs.rename(temp, file);
	} catch (e) {
		await handle?.close().catch(() => undefined);
		await fs.rm(temp, { force: true });
		const code = (e as NodeJS.ErrnoException).code;
		// Not a system error (WriteRefused, or one the data's producer threw): as it is.
		if (typeof code !== 'string') { throw e; }
		if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') { throw new WriteRefused('readOnly', code); }
		throw new WriteRefused('failed', code);
	}
	return hash.digest('hex');
}
