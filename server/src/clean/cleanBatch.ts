/**
 * The batch of "Clean workspace…": every changed file is read again into a snapshot, its edits
 * recomputed on those bytes, backed up and written with a compare-and-swap write (a file changed
 * meanwhile, read-only, another user's, or a link out of the workspace is skipped and named).
 */
import { promises as fs } from 'node:fs';
import type { CleanContext, CleanResult } from './cleanWorkspace';
import { CleanRun, runStamp, sha256 } from './cleanFiles';
import { decodeUtf8 } from '../files/fileReader';
import { cannotWrite, readSnapshot, WriteRefused } from '../files/safeWrite';
import { NotUtf8, StreamedText } from '../files/streamedText';
import { BoundaryError, Located } from '../files/workspaceBoundary';
import { uriToPath } from '../lsp/lspWorkspace';
import { editCount, fixStreamed, streamAboveBytes } from '../files/fixFile';
import { applyEdits } from '../service/edits';
import { FixedPart, fixedTexts, partRows, rowsOfPart } from '../service/parts';
import type { Settings } from '../settings';
import type { MessageId, Translate } from '../service/messages';
import { beginProgress, throttled } from '../lsp/workDoneProgress';

export type SkipReason = 'unsaved' | 'notUtf8' | 'outsideFolder' | 'unreadable' | 'changed' | 'readOnly' | 'notOwner' | 'hardLink' | 'failed';

/** Files skipped, counted per reason, with the first names of each (messages and results name them). */
export class Skipped {
	readonly counts = new Map<SkipReason, number>();
	readonly files: { file: string; reason: SkipReason; detail?: string }[] = [];

	add(reason: SkipReason, file?: string, detail?: string): void {
		this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
		if (file !== undefined && this.files.length < 1000) { this.files.push({ file, reason, ...(detail ? { detail } : {}) }); }
	}

	get size(): number { return this.counts.size; }

	message(t: Translate): string {
		const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
		const named = this.files.slice(0, 10).map((f) => f.file.split(/[/\\]/).pop()).join(', ');
		return t('clean.skipped', total, [...this.counts].map(([reason, n]) => `${n} ${t(`clean.skip.${reason}` as MessageId)}`).join('; '))
			+ (named ? ` ${t('clean.skippedFiles', named + (this.files.length > 10 ? ', …' : ''))}` : '');
	}
}

const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

const writeSkip = (e: WriteRefused): SkipReason => (e.reason === 'notFile' ? 'unreadable' : e.reason);

/** Writes every changed file: recomputed on the file's current bytes, backed up, written atomically. */
export async function cleanBatch(ctx: CleanContext, uris: readonly string[], families: readonly string[], base: Omit<CleanResult, 'mode' | 'applied'>, skipped: Skipped): Promise<CleanResult> {
	const t = ctx.service.t;
	const stamp = runStamp();
	const key = await ctx.manifestKey();
	const runs = new Map<string, CleanRun>();
	const written = new Set<string>();
	let changes = 0;
	const progress = await beginProgress(ctx.connection, t('clean.writing', 0, uris.length));
	const report = throttled((done, total) => progress?.report(Math.round((done / total) * 100), t('clean.writing', done, total)));
	let stopped = false;
	let refused: string | undefined;
	const runFor = async (folder: string) => {
		let run = runs.get(folder);
		if (!run) {
			run = await CleanRun.open(ctx.boundary, folder, stamp, key);
			runs.set(folder, run);
		}
		return run;
	};
	// Files not written for a reason the review report names too (once the folder has a run).
	const notWritten: { folder: string; file: string; reason: SkipReason }[] = [];
	const skipWrite = (folder: string, file: string, e: WriteRefused) => {
		skipped.add(writeSkip(e), file, e.detail);
		notWritten.push({ folder, file, reason: writeSkip(e) });
	};
	// As while counting (cleanWorkspace.ts): no tagging starts while files are fixed and written.
	const release = ctx.holdBackground();
	try {
		for (const [i, uri] of uris.entries()) {
			if (progress?.token.isCancellationRequested) { stopped = true; break; }
			report(i + 1, uris.length);
			const file = uriToPath(uri);
			// The file's real path, when it lies inside a workspace folder: a link is written through to its target.
			const target = file ? await ctx.boundary.locate(file) : undefined;
			if (!file || !target) { skipped.add('outsideFolder', file ?? uri); continue; }
			// Two links to one file: it is cleaned once.
			if (written.has(target.real)) { continue; }
			const settings = await ctx.settings.get(uri);
			if (await isLarge(target.real) && !ctx.documents.get(uri)) {
				// Read, fixed, backed up and written part after part: never held whole.
				try {
					const n = await writeLarge(ctx, uri, target, () => runFor(target.folder), settings, families);
					if (n > 0) {
						written.add(target.real);
						changes += n;
					}
				} catch (e) {
					if (e instanceof BoundaryError) { refused = e.message; break; }
					if (e instanceof WriteRefused) { skipWrite(target.folder, file, e); continue; }
					if (e instanceof NotUtf8) { skipped.add('notUtf8', file); continue; }
					if (e instanceof Unsaved) { skipped.add('unsaved', file); continue; }
					ctx.connection.console.error(`zh-corpus: clean: ${file}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
					skipped.add('failed', file, String(e));
				}
				continue;
			}
			const snap = await readSnapshot(target.real).catch(() => undefined);
			if (!snap) { skipped.add('unreadable', file); continue; }
			const text = decodeUtf8(snap.bytes);
			if (text === undefined) { skipped.add('notUtf8', file); continue; }
			// An editor holding other text than the disk has unsaved work: never write under it.
			const open = ctx.documents.get(uri);
			if (open && open.getText() !== text) { skipped.add('unsaved', file); continue; }
			let parts: FixedPart[];
			try {
				parts = await ctx.fixText(uri, text, settings, families);
			} catch (e) {
				// One file's failure is named; the run goes on.
				ctx.connection.console.error(`zh-corpus: clean: ${file}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
				skipped.add('failed', file, String(e));
				continue;
			}
			const edits = editCount(parts);
			if (edits === 0) { continue; }
			// The editor may have opened or changed it while the fix ran.
			const openNow = ctx.documents.get(uri);
			if (openNow && openNow.getText() !== text) { skipped.add('unsaved', file); continue; }
			const cannot = await cannotWrite(snap);
			if (cannot) { skipWrite(target.folder, file, cannot); continue; }
			try {
				const run = await runFor(target.folder);
				// The fixed text part after part: a large file is never held fixed whole.
				// The decoded text has no byte-order mark: the file keeps its own.
				const bom = snap.bytes.subarray(0, 3).equals(utf8Bom) ? utf8Bom : Buffer.alloc(0);
				await run.write(target, snap, (function* () {
					yield bom;
					for (const fixed of fixedTexts(text, parts)) { yield Buffer.from(fixed, 'utf8'); }
				})(), partRows(uri, text, parts));
			} catch (e) {
				if (e instanceof BoundaryError) { refused = e.message; break; }
				if (e instanceof WriteRefused) { skipWrite(target.folder, file, e); continue; }
				ctx.connection.console.error(`zh-corpus: clean: ${file}: ${String(e)}`);
				skipped.add('failed', file, String(e));
				continue;
			}
			written.add(target.real);
			changes += edits;
		}
	} finally {
		release();
		for (const n of notWritten) { await runs.get(n.folder)?.note(n.file, n.reason); }
		for (const run of runs.values()) { await run.close(); }
		progress?.done();
	}
	const dirs = [...runs.values()].map((r) => r.dir);
	const skippedText = skipped.size === 0 ? '' : ` ${skipped.message(t)}`;
	const message = refused !== undefined
		? t('clean.refused', refused)
		: stopped
			? t('clean.stopped', written.size, dirs.join(', '))
			: t('clean.done', written.size, changes, dirs.join(', ') || '-', [...runs.values()].map((r) => r.reportFile).join(', ') || '-');
	ctx.inform(message + skippedText);
	return {
		...base, mode: 'batch', changedFiles: written.size, changes, applied: written.size > 0, runs: dirs,
		skipped: Object.fromEntries(skipped.counts), skippedFiles: skipped.files, ...(refused !== undefined ? { refused } : {}),
	};
}

/** The editor opened a large file with other text than the disk's while it was cleaned: not written. */
class Unsaved extends Error { }

const isLarge = async (file: string) => ((await fs.stat(file).catch(() => undefined))?.size ?? 0) > streamAboveBytes;

/**
 * Cleans a large file that is not open in the editor part after part (`CleanRun.writeStreamed`):
 * its edits are recomputed on the bytes read now, as for any file. Returns the number of edits
 * written (0: nothing changed).
 */
async function writeLarge(ctx: CleanContext, uri: string, target: Located, runFor: () => Promise<CleanRun>, settings: Settings, families: readonly string[]): Promise<number> {
	const source = await StreamedText.open(target.real);
	try {
		const cannot = await cannotWrite(source);
		if (cannot) { throw cannot; }
		let edits = 0;
		const written = await (await runFor()).writeStreamed(target, source, async function* (parts) {
			for await (const { doc, fixed } of fixStreamed(uri, parts, (part) => ctx.fixPart(part, settings, families))) {
				edits += fixed.edits.length;
				// The decoded text has no byte-order mark: the file keeps its own.
				const text = Buffer.from(applyEdits(doc.text, fixed.edits), 'utf8');
				yield { bytes: fixed.start === 0 && source.bom ? Buffer.concat([utf8Bom, text]) : text, rows: rowsOfPart(doc, fixed) };
			}
			// The editor may have opened it meanwhile: never write under text it holds that differs from what was read.
			const open = ctx.documents.get(uri);
			if (open && sha256(Buffer.concat([source.bom ? utf8Bom : Buffer.alloc(0), Buffer.from(open.getText(), 'utf8')])) !== source.stamp.hash) { throw new Unsaved(); }
		});
		return written ? edits : 0;
	} finally {
		await source.close();
	}
}
