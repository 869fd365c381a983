/**
 * The server's implementation of the core's `Workspace`: open documents override files on
 * disk; closed files are listed by walking the workspace folders and read from disk.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, FileText, Workspace } from './service';
import type { Settings } from './settings';

/** Language ids of corpus documents: VS Code's, ours, and what other editors call .txt files. */
const corpusLanguages = new Set(['plaintext', 'zh-corpus', 'text', 'txt']);

export function uriToPath(uri: string): string | undefined {
	return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export class LspWorkspace implements Workspace {
	folders: string[] = [];
	readonly #matchers = new Map<string, FileMatcher>();

	constructor(
		private readonly documents: TextDocuments<TextDocument>,
		private readonly settingsFor: (uri: string | undefined) => Promise<Settings>,
	) { }

	/** True when an open document is a corpus document: a corpus language and a matching path. */
	async isCorpusDocument(doc: TextDocument): Promise<boolean> {
		if (!corpusLanguages.has(doc.languageId)) { return false; }
		if (doc.uri.startsWith('untitled:')) { return doc.languageId === 'zh-corpus'; }
		return this.isCorpusUri(doc.uri);
	}

	async isCorpusUri(uri: string): Promise<boolean> {
		const file = uriToPath(uri);
		if (!file) { return false; }
		const settings = await this.settingsFor(uri);
		return this.#matcher(settings).matches(this.#relative(file));
	}

	async listFiles(token?: CancellationToken): Promise<readonly string[]> {
		const found: string[] = [];
		const seen = new Set<string>();
		for (const folder of this.folders) {
			const matcher = this.#matcher(await this.settingsFor(pathToFileURL(folder).href));
			await this.#walk(folder, folder, matcher, found, seen, token);
		}
		return found;
	}

	async readFile(uri: string): Promise<FileText | undefined> {
		const open = this.documents.get(uri);
		if (open) { return { text: open.getText(), version: open.version }; }
		const file = uriToPath(uri);
		if (!file) { return undefined; }
		try {
			return { text: await fs.readFile(file, 'utf8') };
		} catch {
			return undefined;
		}
	}

	async #walk(root: string, dir: string, matcher: FileMatcher, out: string[], seen: Set<string>, token?: CancellationToken): Promise<void> {
		if (token?.isCancellationRequested) { return; }
		let entries;
		try {
			// Real paths guard against symlink loops: a directory is walked once.
			const real = await fs.realpath(dir);
			if (seen.has(real)) { return; }
			seen.add(real);
			entries = await fs.readdir(dir, { withFileTypes: true });
		} catch {
			return;
		}
		for (const entry of entries) {
			const full = path.join(dir, entry.name);
			const rel = path.relative(root, full).split(path.sep).join('/');
			if (entry.isDirectory() || (entry.isSymbolicLink() && await isDirectory(full))) {
				if (!matcher.excludesDir(rel)) { await this.#walk(root, full, matcher, out, seen, token); }
			} else if ((entry.isFile() || entry.isSymbolicLink()) && matcher.matches(rel)) {
				out.push(pathToFileURL(full).href);
			}
		}
	}

	/** The URI of the workspace folder holding `uri` (settings of closed files are their folder's), else `uri`. */
	folderUriOf(uri: string): string {
		const file = uriToPath(uri);
		const folder = file && this.folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
		return folder ? pathToFileURL(folder).href : uri;
	}

	#relative(file: string): string {
		const folder = this.folders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
		return (folder ? path.relative(folder, file) : file).split(path.sep).join('/');
	}

	#matcher(settings: Settings): FileMatcher {
		const key = JSON.stringify([settings.include, settings.exclude]);
		let matcher = this.#matchers.get(key);
		if (!matcher) {
			matcher = new FileMatcher(settings.include, settings.exclude);
			this.#matchers.set(key, matcher);
		}
		return matcher;
	}
}

/** `zhCorpus.files.include` / `exclude` on paths relative to a workspace folder. */
export class FileMatcher {
	readonly #include: (p: string) => boolean;
	readonly #exclude: (p: string) => boolean;

	constructor(include: readonly string[], exclude: readonly string[]) {
		this.#include = picomatch([...include], { dot: true });
		this.#exclude = picomatch([...exclude], { dot: true });
	}

	/** `.zh-corpus/` (backups of cleaned files, reports, the gazetteer) is never corpus text, whatever the settings say. */
	matches(rel: string): boolean { return this.#include(rel) && !this.#exclude(rel) && !isOwnDir(rel); }

	/** A directory whose every descendant is excluded (`**\/node_modules/**`) is not walked. */
	excludesDir(rel: string): boolean { return isOwnDir(rel) || (this.#exclude(`${rel}/x`) && this.#exclude(`${rel}/x/y/z`)); }
}

function isOwnDir(rel: string): boolean {
	return rel === ownDir || rel.startsWith(`${ownDir}/`) || rel.includes(`/${ownDir}/`) || rel.endsWith(`/${ownDir}`);
}

/** zh-corpus's own folder in a workspace folder. */
export const ownDir = '.zh-corpus';

async function isDirectory(file: string): Promise<boolean> {
	try { return (await fs.stat(file)).isDirectory(); } catch { return false; }
}
