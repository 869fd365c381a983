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
import { closeSync, createReadStream, fstatSync, lstatSync, openSync, promises as fs, readFileSync, Stats } from 'node:fs';
import * as path from 'node:path';

/** Why a file was not written (a clean names each with its message `clean.skip.<reason>`). */
export type WriteSkip = 'changed' | 'readOnly' | 'notOwner' | 'hardLink' | 'notFile' | 'failed';

export class WriteRefused extends Error {
	constructor(readonly reason: WriteSkip, readonly detail = '') {
		super(detail ? `${reason}: ${detail}` : reason);
		this.name = 'WriteRefused';
	}
}

/** What a write checks about a file read earlier: its path, its status then, the sha256 of the bytes read. */
export interface FileStamp {
	/** The path read and written (a real path: no link in it). */
	readonly file: string;
	readonly hash: string;
	readonly stat: Stats;
}

export interface FileSnapshot extends FileStamp {
	readonly bytes: Buffer;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A link, FIFO or device is refused before it is opened (opening a FIFO would block). */
function refuseIrregular(stat: Stats): void {
	if (!stat.isFile()) { throw new WriteRefused('notFile', stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'); }
}

/** Reads a regular file (a FIFO or device is refused, never opened) with what a later write checks. */
export async function readSnapshot(file: string): Promise<FileSnapshot> {
	refuseIrregular(await fs.lstat(file));
	const handle = await fs.open(file, 'r');
	try {
		const stat = await handle.stat();
		const bytes = await handle.readFile();
		return { file, bytes, hash: sha256(bytes), stat };
	} finally {
		await handle.close();
	}
}

/** What a later write checks (`FileStamp`) of a regular file, read in parts: a large file is never held. */
export async function readStamp(file: string): Promise<FileStamp> {
	refuseIrregular(await fs.lstat(file));
	const handle = await fs.open(file, 'r');
	try {
		const stat = await handle.stat();
		const hash = createHash('sha256');
		for await (const chunk of handle.createReadStream({ highWaterMark: 1 << 20, autoClose: false })) { hash.update(chunk as Buffer); }
		return { file, hash: hash.digest('hex'), stat };
	} finally {
		await handle.close();
	}
}

/**
 * `readSnapshot` in synchronous calls, for a reader of thousands of files with nothing to do
 * meanwhile (the command line): each asynchronous call is a round trip to the thread pool, and
 * five per file cost the command line's thread more than decoding the text.
 */
export function readSnapshotSync(file: string): FileSnapshot {
	refuseIrregular(lstatSync(file));
	const fd = openSync(file, 'r');
	try {
		const stat = fstatSync(fd);
		const bytes = readFileSync(fd);
		return { file, bytes, hash: sha256(bytes), stat };
	} finally {
		closeSync(fd);
	}
}

const isRoot = () => process.getuid?.() === 0;

/**
 * Why this user should not rewrite the file, or undefined: a file without write permission
 * (0444, even for root: read-only says "leave me"), owned by another user (a rename would
 * make it ours; root keeps the owner instead), or with several names (hard links: the rename
 * gives this name new content and leaves the others with the old, silently separating them;
 * writing in place instead would lose the atomic replace, so such a file is not written).
 */
export async function cannotWrite(snap: Omit<FileStamp, 'hash'>): Promise<WriteRefused | undefined> {
	const { stat } = snap;
	if ((stat.mode & 0o222) === 0) { return new WriteRefused('readOnly', 'the file is read-only'); }
	if (stat.nlink > 1) { return new WriteRefused('hardLink', `it has ${stat.nlink} names (hard links): replacing it would leave the others with the old text`); }
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
export async function unchanged(snap: FileStamp): Promise<boolean> {
	const now = await fs.lstat(snap.file).catch(() => undefined);
	if (!now || !now.isFile() || now.ino !== snap.stat.ino || now.dev !== snap.stat.dev || now.nlink !== snap.stat.nlink || now.size !== snap.stat.size || now.mtimeMs !== snap.stat.mtimeMs) { return false; }
	return (await hashFile(snap.file)) === snap.hash;
}

/** Data to write: bytes, or parts of them produced one after another (a large file in parts). */
export type WriteData = Buffer | Iterable<Buffer> | AsyncIterable<Buffer>;

/**
 * Replaces the snapshot's file with `data` when it still holds the snapshot's bytes, keeping its
 * mode (and owner, as root). Returns the sha256 of what was written; throws `WriteRefused`.
 */
export async function writeIfUnchanged(snap: FileStamp, data: WriteData): Promise<string> {
	const temp = await TempFile.beside(snap);
	try {
		for await (const part of Buffer.isBuffer(data) ? [data] : data) { await temp.write(part); }
	} catch (e) {
		await temp.discard();
		throw systemError(e);
	}
	return temp.replace(snap);
}

/**
 * The new content of a file, written into a temporary file beside it (same folder, so the
 * rename is atomic) that takes the file's place only when the file is unchanged.
 */
export class TempFile {
	readonly #hash = createHash('sha256');

	private constructor(readonly path: string, private handle: fs.FileHandle | undefined) { }

	/** Refused (`WriteRefused`) when this user should not rewrite the file. */
	static async beside(snap: Omit<FileStamp, 'hash'>): Promise<TempFile> {
		const refused = await cannotWrite(snap);
		if (refused) { throw refused; }
		const temp = path.join(path.dirname(snap.file), `.${path.basename(snap.file)}.${randomBytes(6).toString('hex')}.zh-corpus-tmp`);
		try {
			return new TempFile(temp, await fs.open(temp, 'wx', 0o600));
		} catch (e) {
			throw systemError(e);
		}
	}

	async write(part: Buffer): Promise<void> {
		this.#hash.update(part);
		await this.handle!.write(part);
	}

	/**
	 * Gives the temporary file the original's mode (and owner, as root) and renames it over the
	 * original when that still holds the bytes `snap` names (its hash may have been computed
	 * while this file was written). Returns the sha256 of what was written.
	 */
	async replace(snap: FileStamp): Promise<string> {
		const { file, stat } = snap;
		// The original stays open across the rename: what is appended to it in the few system calls
		// between the last check and the rename lands in the old file, and is found there afterwards.
		let original: fs.FileHandle | undefined;
		try {
			const handle = this.handle!;
			await handle.chmod(stat.mode & 0o7777);
			if (isRoot() && (stat.uid !== 0 || stat.gid !== 0)) { await handle.chown(stat.uid, stat.gid); }
			this.handle = undefined;
			await handle.close();
			original = await fs.open(file, 'r');
			const held = await original.stat();
			if (held.ino !== stat.ino || held.dev !== stat.dev || !(await unchanged(snap))) { throw new WriteRefused('changed', 'it changed since it was read'); }
			await fs.rename(this.path, file);
		} catch (e) {
			await original?.close();
			await this.discard();
			throw systemError(e);
		}
		try {
			await keepLateAppends(original, snap);
		} finally {
			await original.close();
		}
		return this.#hash.digest('hex');
	}

	/** Removes the temporary file (the original is untouched). */
	async discard(): Promise<void> {
		await this.handle?.close().catch(() => undefined);
		this.handle = undefined;
		await fs.rm(this.path, { force: true });
	}
}

/**
 * After the rename: bytes appended to the old file between the last check and the rename (a
 * scraper appending lines) are appended to the new one, so that none is lost (their order
 * against appends made since the rename may differ). Any other change in that moment cannot be
 * merged: the old file, with that change, is put back and the write is refused ('changed').
 */
export async function keepLateAppends(original: fs.FileHandle, snap: FileStamp): Promise<void> {
	const now = await original.stat();
	const { size } = snap.stat;
	if (now.size === size && now.mtimeMs === snap.stat.mtimeMs) { return; }
	if (now.size > size) {
		const hash = createHash('sha256');
		if (size > 0) {
			for await (const chunk of original.createReadStream({ start: 0, end: size - 1, highWaterMark: 1 << 20, autoClose: false })) { hash.update(chunk as Buffer); }
		}
		if (hash.digest('hex') === snap.hash) {
			const tail = Buffer.alloc(now.size - size);
			const { bytesRead } = await original.read(tail, 0, tail.length, size);
			await fs.appendFile(snap.file, tail.subarray(0, bytesRead));
			return;
		}
	}
	const back = `${snap.file}.${randomBytes(6).toString('hex')}.zh-corpus-tmp`;
	const copy = await fs.open(back, 'wx', snap.stat.mode & 0o7777);
	try {
		for await (const chunk of original.createReadStream({ start: 0, highWaterMark: 1 << 20, autoClose: false })) { await copy.write(chunk as Buffer); }
	} finally {
		await copy.close();
	}
	await fs.rename(back, snap.file);
	throw new WriteRefused('changed', 'it changed while it was replaced (left as it was)');
}

/** A system error as `WriteRefused`; any other error (WriteRefused, or one the data's producer threw) as it is. */
function systemError(e: unknown): unknown {
	const code = (e as NodeJS.ErrnoException).code;
	if (typeof code !== 'string') { return e; }
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') { return new WriteRefused('readOnly', code); }
	return new WriteRefused('failed', code);
}
