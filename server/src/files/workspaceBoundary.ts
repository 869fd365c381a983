/**
 * The workspace boundary, in one place. Whatever the server or the command line reads or writes
 * because of workspace content (a manifest line, a clean or conversion target, a rename, a backup,
 * a report) is resolved with `realpath` and must lie inside a workspace folder's real path; for
 * backups, inside the real `.zh-corpus/backup/` of that folder. A symbolic link is followed only
 * when its target lies inside too. Anything else is a `BoundaryError` naming the entry.
 *
 * A workspace is content: it may hold links to anywhere and crafted files in `.zh-corpus/`, but
 * it cannot make the tool touch a path outside its folders.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** zh-corpus's own folder in a workspace folder (backups, reports, project files). */
export const ownDirName = '.zh-corpus';

/** A path the boundary refused: `entry` names what asked for it (a file, a manifest line), `reason` says why. */
export class BoundaryError extends Error {
	constructor(readonly entry: string, readonly reason: string) {
		super(`${entry}: ${reason}`);
		this.name = 'BoundaryError';
	}
}

/** True when `child` lies strictly inside `parent` (both absolute, normalized). */
export function isInside(parent: string, child: string): boolean {
	const rel = path.relative(parent, child);
	return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

const sameOrInside = (parent: string, child: string) => parent === child || isInside(parent, child);

/** The real path of an existing file or folder, or undefined when it cannot be resolved. */
export async function realPath(file: string): Promise<string | undefined> {
	return fs.realpath(file).catch(() => undefined);
}

/**
 * A path relative to a folder as a manifest or a report gives it (`news/a.txt`): refused when it
 * is absolute, empty, or climbs with `..` (before any link is looked at).
 */
export function relativeEntry(rel: unknown, entry: string): string[] {
	if (typeof rel !== 'string' || rel === '') { throw new BoundaryError(entry, 'the path is missing'); }
	const parts = rel.split(/[/\\]/);
	if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel) || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))) {
		throw new BoundaryError(entry, `the path ‘${rel.slice(0, 200)}’ is not a plain path inside the folder`);
	}
	return parts;
}

/** Where a path lies: the workspace folder (as given) and the real paths of both. */
export interface Located {
	readonly folder: string;
	readonly realFolder: string;
	/** The file's real path (links followed): what is read and written. */
	readonly real: string;
}

/**
 * Why a file zh-corpus reads from a folder's own `.zh-corpus/` (the gazetteer, the project file)
 * must not be read, or undefined when it may (or does not exist): it must be a regular file (a
 * FIFO would never finish reading) whose real path lies inside the folder's real path.
 */
export async function ownFileRefusal(folder: string, file: string): Promise<string | undefined> {
	const stat = await fs.stat(file).catch(() => undefined);
	if (!stat) { return undefined; }
	if (!stat.isFile()) { return 'it is not a regular file'; }
	const [realFolder, real] = [await realPath(folder), await realPath(file)];
	if (realFolder === undefined || real === undefined || !isInside(realFolder, real)) { return 'it is a symbolic link to a place outside the workspace folder'; }
	return undefined;
}

export class WorkspaceBoundary {
	readonly #realFolders = new Map<string, Promise<string | undefined>>();

	/** `folders`: the workspace folders (absolute), asked each time (they may change). */
	constructor(private readonly folders: () => readonly string[]) { }

	static of(folders: readonly string[]): WorkspaceBoundary {
		const list = folders.map((f) => path.resolve(f));
		return new WorkspaceBoundary(() => list);
	}

	async #folders(): Promise<{ folder: string; real: string }[]> {
		const out: { folder: string; real: string }[] = [];
		for (const folder of this.folders()) {
			let real = this.#realFolders.get(folder);
			if (!real) {
				real = realPath(folder);
				this.#realFolders.set(folder, real);
			}
			const r = await real;
			if (r !== undefined) { out.push({ folder, real: r }); }
		}
		// The innermost folder first, when folders nest.
		return out.sort((a, b) => b.real.length - a.real.length);
	}

	/** The workspace folder holding `file` by its path as written (no link followed), innermost first. */
	folderOf(file: string): string | undefined {
		const full = path.resolve(file);
		return this.folders().filter((f) => sameOrInside(f, full)).sort((a, b) => b.length - a.length)[0];
	}

	/**
	 * Where an existing file really lies, when that is inside a workspace folder (a folder given
	 * as a file, as the command line does with a file named on it, holds just that file).
	 */
	async locate(file: string): Promise<Located | undefined> {
		const real = await realPath(file);
		if (real === undefined) { return undefined; }
		for (const f of await this.#folders()) {
			if (sameOrInside(f.real, real)) { return { folder: f.folder, realFolder: f.real, real }; }
		}
		return undefined;
	}

	/** `locate`, or a `BoundaryError` naming `entry` (the file itself by default). */
	async require(file: string, entry = file): Promise<Located> {
		const at = await this.locate(file);
		if (at) { return at; }
		const exists = await fs.lstat(file).then(() => true, () => false);
		throw new BoundaryError(entry, exists ? 'it lies outside the workspace folders (a symbolic link is followed only to a target inside them)' : 'it does not exist');
	}

	/** True when `file` (an existing path) resolves inside a workspace folder. */
	async contains(file: string): Promise<boolean> {
		return (await this.locate(file)) !== undefined;
	}

	/**
	 * The real `.zh-corpus/` of a workspace folder, or a folder below it (`backup`), created when
	 * asked. Refused when any of them is not a real folder inside the workspace folder (a link to
	 * elsewhere, a file). Undefined when it does not exist and `create` is false.
	 */
	async ownDir(folder: string, sub: readonly string[] = [], create = false): Promise<string | undefined> {
		const realFolder = (await this.#folders()).find((f) => f.folder === folder)?.real;
		if (realFolder === undefined) { throw new BoundaryError(folder, 'it is not a workspace folder'); }
		let dir = realFolder;
		for (const name of [ownDirName, ...sub]) {
			const next = path.join(dir, name);
			const entry = path.relative(realFolder, next).split(path.sep).join('/');
			let stat = await fs.lstat(next).catch(() => undefined);
			if (!stat) {
				if (!create) { return undefined; }
				await fs.mkdir(next).catch((e: NodeJS.ErrnoException) => { if (e.code !== 'EEXIST') { throw e; } });
				stat = await fs.lstat(next);
			}
			if (stat.isSymbolicLink()) {
				const target = await realPath(next);
				if (target === undefined || !isInside(realFolder, target)) { throw new BoundaryError(entry, 'it is a symbolic link to a place outside the workspace folder: zh-corpus does not write there'); }
				if (!(await fs.stat(target)).isDirectory()) { throw new BoundaryError(entry, 'it is not a folder'); }
				dir = target;
				continue;
			}
			if (!stat.isDirectory()) { throw new BoundaryError(entry, 'it is not a folder'); }
			dir = next;
		}
		return dir;
	}

	/**
	 * A file below a folder zh-corpus owns (a backup run): an existing regular file, not a link,
	 * whose real path lies inside `dir` (a real path from `ownDir`).
	 */
	static async fileBelow(dir: string, parts: readonly string[], entry: string): Promise<string> {
		const file = path.join(dir, ...parts);
		const stat = await fs.lstat(file).catch(() => undefined);
		if (!stat) { throw new BoundaryError(entry, 'its backup is missing'); }
		if (stat.isSymbolicLink()) { throw new BoundaryError(entry, 'its backup is a symbolic link, not a file zh-corpus wrote'); }
		if (!stat.isFile()) { throw new BoundaryError(entry, 'its backup is not a regular file'); }
		const real = await realPath(file);
		if (real === undefined || !isInside(dir, real)) { throw new BoundaryError(entry, 'its backup lies outside the backup folder (through a linked folder)'); }
		return real;
	}
}
