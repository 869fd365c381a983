/**
 * The server's implementation of the core's `Workspace`: open documents override files on
 * disk; closed files are listed by walking the workspace folders and read from disk.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Ignore } from 'ignore';
import { boundedIgnore, RefusedRule } from '../files/gitignoreRules';
import picomatch from 'picomatch';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ownFileRefusal, realPath, WorkspaceBoundary } from '../files/workspaceBoundary';
import type { CancellationToken, FileText, Workspace } from '../service';
import type { Settings } from '../settings';
import { nextTurn, sliceUsed } from '../corpus/drive';

/** Language ids of corpus documents: VS Code's, ours, and what other editors call .txt files. */
const corpusLanguages = new Set(['plaintext', 'zh-corpus', 'text', 'txt']);

export function uriToPath(uri: string): string | undefined {
	return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export class LspWorkspace implements Workspace {
	folders: string[] = [];
	readonly #matchers = new Map<string, FileMatcher>();
	/** Symbolic links are followed only to targets inside a workspace folder. */
	readonly boundary = new WorkspaceBoundary(() => this.folders);

	constructor(
		private readonly documents: TextDocuments<TextDocument>,
		private readonly settingsFor: (uri: string | undefined) => Promise<Settings>,
		/** The editor's own exclusions for a folder (VS Code's `files.exclude`): globs set to true. */
		private readonly editorExcludes: (folderUri: string) => Promise<readonly string[]> = async () => [],
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
		// A path in a folder must still lie inside one once links are followed (a gone one is forgotten as
		// any other; a file opened from outside every folder is the editor's to show).
		if (this.boundary.folderOf(file) !== undefined && await realPath(file) !== undefined && !(await this.boundary.contains(file))) { return false; }
		const settings = await this.settingsFor(uri);
		const folderUri = this.folderUriOf(uri);
		const excludes = folderUri === uri ? [] : await this.editorExcludes(folderUri).catch(() => []);
		if (!this.#matcher(settings, excludes).matches(this.#relative(file))) { return false; }
		return !(settings.useGitignore && await this.#gitIgnored(file));
	}

	/** A .gitignore line too costly to match (gitignoreRules.ts) is not used; this tells the user, once per line. */
	onRefusedRule: (file: string, rule: RefusedRule) => void = () => undefined;
	readonly #refusalsSaid = new Set<string>();

	#ignoreRules(file: string, text: string): Ignore {
		const { rules, refused } = boundedIgnore(text);
		for (const r of refused) {
			const key = `${file}\n${r.line}\n${r.text}`;
			if (!this.#refusalsSaid.has(key)) { this.#refusalsSaid.add(key); this.onRefusedRule(file, r); }
		}
		return rules;
	}

	/** .gitignore rules per directory (null: none), read once; cleared when a .gitignore changes. */
	readonly #gitignores = new Map<string, Ignore | null>();

	forgetGitignores(): void { this.#gitignores.clear(); }

	async #gitIgnored(file: string): Promise<boolean> {
		const folder = this.folders.filter((f) => file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
		if (!folder) { return false; }
		const chain: GitIgnore[] = [];
		for (let dir = folder; ; ) {
			let rules = this.#gitignores.get(dir);
			if (rules === undefined) {
				const text = await readGitignore(folder, dir);
				rules = text === undefined ? null : this.#ignoreRules(path.join(dir, '.gitignore'), text);
				this.#gitignores.set(dir, rules);
			}
			if (rules) { chain.push({ base: dir, rules }); }
			const next = path.relative(dir, path.dirname(file)).split(path.sep)[0];
			if (!next || next === '..') { break; }
			dir = path.join(dir, next);
			if (isGitIgnored(chain, dir, true)) { return true; }
		}
		return isGitIgnored(chain, file, false);
	}

	/**
	 * Corpus files the last listing left out because a .gitignore ignores them (a directory
	 * counts as one): corpora often sit in git-ignored data folders, so the user is told.
	 */
	gitIgnored = 0;
	/** Symbolic links the last listing did not follow because they lead out of the workspace folders. */
	linksOutside = 0;

	async listFiles(token?: CancellationToken): Promise<readonly string[]> {
		const found: string[] = [];
		const seen = new Set<string>();
		this.gitIgnored = 0;
		this.linksOutside = 0;
		const links: string[] = [];
		for (const folder of this.folders) {
			const folderUri = pathToFileURL(folder).href;
			const settings = await this.settingsFor(folderUri);
			const matcher = this.#matcher(settings, await this.editorExcludes(folderUri).catch(() => []));
			await this.#walk(folder, folder, matcher, found, seen, token, settings.useGitignore ? [] : undefined, links);
		}
		return [...found, ...await this.#filesOfLinks(found, links)];
	}

	/**
	 * The linked files to list: a file reached by a link and by its own name (or by two links) is
	 * listed once, under its own name when that is listed (else the first link's), so it is not
	 * indexed, checked and counted as its own duplicate twice.
	 */
	async #filesOfLinks(found: readonly string[], links: readonly string[]): Promise<string[]> {
		if (links.length === 0) { return []; }
		const listed = new Set(found);
		const reals = new Set<string>();
		const out: string[] = [];
		for (const link of links) {
			const real = await realPath(link);
			if (real === undefined || reals.has(real)) { continue; }
			reals.add(real);
			// The target under a folder's name as listed (the folder may be named through a link itself).
			const own = await Promise.all(this.folders.map(async (f) => {
				const realFolder = await realPath(f);
				return realFolder !== undefined && real.startsWith(realFolder + path.sep) ? pathToFileURL(path.join(f, path.relative(realFolder, real))).href : undefined;
			}));
			if (own.some((uri) => uri !== undefined && listed.has(uri))) { continue; }
			out.push(pathToFileURL(link).href);
		}
		return out;
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

	/**
	 * Walks a folder. `gitignores` (when .gitignore files count): the ignore rules of each
	 * .gitignore above this directory, each with the directory it applies from.
	 */
	async #walk(root: string, dir: string, matcher: FileMatcher, out: string[], seen: Set<string>, token?: CancellationToken, gitignores?: readonly GitIgnore[], links: string[] = []): Promise<void> {
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
		let ignores = gitignores;
		// A .gitignore that links out of the folder is not read (and is counted below with the links not followed).
		const rules = ignores && entries.some((e) => e.name === '.gitignore') ? await readGitignore(root, dir) : undefined;
		if (ignores && rules !== undefined) { ignores = [...ignores, { base: dir, rules: this.#ignoreRules(path.join(dir, '.gitignore'), rules) }]; }
		for (const entry of entries) {
			// In slices (drive.ts): a folder of 1,000 files held the thread 30–60 ms in one piece on the first scan.
			if (sliceUsed()) { await nextTurn(); }
			const full = path.join(dir, entry.name);
			const rel = path.relative(root, full).split(path.sep).join('/');
			if (entry.isSymbolicLink() && !(await this.boundary.contains(full))) { this.linksOutside++; continue; }
			const isDir = entry.isDirectory() || (entry.isSymbolicLink() && await isDirectory(full));
			if (ignores && isGitIgnored(ignores, full, isDir)) {
				if (isDir || matcher.matches(rel)) { this.gitIgnored++; }
				continue;
			}
			if (isDir) {
				if (!matcher.excludesDir(rel)) { await this.#walk(root, full, matcher, out, seen, token, ignores, links); }
			} else if (entry.isFile() && matcher.matches(rel)) {
				out.push(pathToFileURL(full).href);
			} else if (entry.isSymbolicLink() && matcher.matches(rel)) {
				// Listed after the walk, when its target is not listed under its own name.
				links.push(full);
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

	#matcher(settings: Settings, editorExcludes: readonly string[] = []): FileMatcher {
		const key = JSON.stringify([settings.include, settings.exclude, editorExcludes]);
		let matcher = this.#matchers.get(key);
		if (!matcher) {
			matcher = new FileMatcher(settings.include, [...settings.exclude, ...editorExcludes]);
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

interface GitIgnore { readonly base: string; readonly rules: Ignore }

/** Whether a .gitignore above the path ignores it (rules apply to paths relative to their file's directory). */
function isGitIgnored(ignores: readonly GitIgnore[], full: string, isDir: boolean): boolean {
	for (const g of ignores) {
		const rel = path.relative(g.base, full).split(path.sep).join('/');
		if (rel && !rel.startsWith('..') && g.rules.ignores(isDir ? `${rel}/` : rel)) { return true; }
	}
	return false;
}

/**
 * A directory's .gitignore, read only when it is a regular file whose real path lies inside the
 * workspace folder (a link out of the folder is never read, nor a FIFO, which would never end).
 */
async function readGitignore(folder: string, dir: string): Promise<string | undefined> {
	const file = path.join(dir, '.gitignore');
	if (await ownFileRefusal(folder, file)) { return undefined; }
	return fs.readFile(file, 'utf8').catch(() => undefined);
}

async function isDirectory(file: string): Promise<boolean> {
	try { return (await fs.stat(file)).isDirectory(); } catch { return false; }
}
