/**
 * The manifest of a clean (`.zh-corpus/backup/<run>/manifest.jsonl`): one line per file written,
 * each signed with an HMAC under a key of this installation, kept outside every workspace (VS
 * Code's global storage, passed in by the client; else the user's state folder). A repository can
 * ship any `.zh-corpus/backup/` it likes; Undo restores only lines this installation signed.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export interface ManifestEntry {
	/** Path relative to the workspace folder's real path, with `/`. */
	readonly file: string;
	/** sha256 of the original bytes (the backup) and of the bytes the run wrote. */
	readonly before: string;
	readonly after: string;
}

const format = 'zh-corpus-manifest-1';
const hex64 = /^[0-9a-f]{64}$/;

/** The signature of one line: binds the run (its folder name), the file and both hashes. */
function mac(key: Buffer, run: string, e: ManifestEntry): string {
	return createHmac('sha256', key).update(JSON.stringify([format, run, e.file, e.before, e.after])).digest('hex');
}

export function manifestLine(key: Buffer, run: string, e: ManifestEntry): string {
	return `${JSON.stringify({ file: e.file, before: e.before, after: e.after, mac: mac(key, run, e) })}\n`;
}

/** A manifest Undo will not use, with the line and the reason. */
export class ManifestError extends Error {
	constructor(readonly line: number, readonly reason: string) {
		super(line > 0 ? `line ${line}: ${reason}` : reason);
		this.name = 'ManifestError';
	}
}

/** Largest manifest read (a line is about 250 bytes: four million files). */
const maxManifestBytes = 1 << 30;

/**
 * Every entry of a manifest, each checked: well formed, and signed with `key` for run `run`.
 * One bad line refuses the whole manifest (nothing is restored in part).
 */
export function parseManifest(text: string, key: Buffer, run: string): ManifestEntry[] {
	if (text.length > maxManifestBytes) { throw new ManifestError(0, 'the manifest is too large'); }
	const entries: ManifestEntry[] = [];
	const lines = text.split('\n');
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i];
		if (raw.trim() === '') { continue; }
		let value: unknown;
		try { value = JSON.parse(raw); } catch { throw new ManifestError(i + 1, 'not JSON'); }
		if (typeof value !== 'object' || value === null || Array.isArray(value)) { throw new ManifestError(i + 1, 'not a manifest entry'); }
		const v = value as Record<string, unknown>;
		if (typeof v.file !== 'string' || typeof v.before !== 'string' || typeof v.after !== 'string' || !hex64.test(v.before) || !hex64.test(v.after)) {
			throw new ManifestError(i + 1, 'not a manifest entry (file, before, after)');
		}
		if (typeof v.mac !== 'string' || !hex64.test(v.mac)) { throw new ManifestError(i + 1, 'it is not signed: zh-corpus on this computer did not write it'); }
		const entry: ManifestEntry = { file: v.file, before: v.before, after: v.after };
		const expected = Buffer.from(mac(key, run, entry), 'hex');
		if (!timingSafeEqual(expected, Buffer.from(v.mac, 'hex'))) { throw new ManifestError(i + 1, 'its signature does not match: zh-corpus on this computer did not write it, or it was changed'); }
		entries.push(entry);
	}
	return entries;
}

/**
 * Where the key lives when the editor does not pass one: `ZH_CORPUS_STATE_DIR`, else
 * `$XDG_STATE_HOME/zh-corpus`, else `~/.local/state/zh-corpus`.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.ZH_CORPUS_STATE_DIR) { return env.ZH_CORPUS_STATE_DIR; }
	const state = env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
	return path.join(state, 'zh-corpus');
}

/** Reads the installation's key from `dir/manifest.key`, creating it (32 random bytes, mode 0600) the first time. */
export async function keyFromStateDir(dir: string): Promise<Buffer> {
	const file = path.join(dir, 'manifest.key');
	const existing = await fs.readFile(file).catch(() => undefined);
	if (existing && existing.length >= 32) { return existing; }
	await fs.mkdir(dir, { recursive: true, mode: 0o700 });
	const key = randomBytes(32);
	try {
		await fs.writeFile(file, key, { mode: 0o600, flag: 'wx' });
		return key;
	} catch (e) {
		// Another server created it meanwhile: use theirs.
		if ((e as NodeJS.ErrnoException).code === 'EEXIST') { return fs.readFile(file); }
		throw e;
	}
}

/** The key: the one the client passed (hex, at least 32 bytes), else the state folder's. */
export async function manifestKey(passed: unknown, stateDir = defaultStateDir()): Promise<Buffer> {
	if (typeof passed === 'string' && /^[0-9a-f]{64,}$/i.test(passed)) { return Buffer.from(passed, 'hex'); }
	return keyFromStateDir(stateDir);
}
