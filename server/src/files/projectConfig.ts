/**
 * The project file `.zh-corpus/config.json` (JSON with comments): the same keys as the
 * `zhCorpus.*` settings, so that a corpus carries its rules to the command line, CI and every
 * editor. Keys are written as in settings.json (`"zhCorpus.rules": {…}`, `"zhCorpus.script.target"`)
 * or without the prefix (`"rules"`, `"script.target"`). In VS Code, a setting the user changed
 * wins over the file; a setting left at its default takes the file's value.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownFileRefusal } from './workspaceBoundary';
import { nodeValue, parseBoundedJsonc } from '../service/text/boundedJson';
import { messagesFor, Translate } from '../service/messages';
import { settingSchemas } from '../settingSchema';

export const configFile = path.join('.zh-corpus', 'config.json');

type Raw = Record<string, unknown>;

/** Setting keys without the `zhCorpus.` prefix, with their defaults (from package.json). */
export const settingDefaults: ReadonlyMap<string, unknown> = new Map([...settingSchemas].map(([key, schema]) => [key, schema.default]));

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ "script.target": x }` → `{ script: { target: x } }`; known keys only, the rest reported. */
export function toSection(flat: Raw, unknown: (key: string) => void = () => undefined): Raw {
	const section: Raw = {};
	for (const [rawKey, value] of Object.entries(flat)) {
		const key = rawKey.replace(/^zhCorpus\./, '');
		if (!settingDefaults.has(key)) { unknown(rawKey); continue; }
		const parts = key.split('.');
		let at = section;
		for (const p of parts.slice(0, -1)) { at = (at[p] = isObject(at[p]) ? at[p] : {}) as Raw; }
		at[parts[parts.length - 1]] = value;
	}
	return section;
}

/** The section's value of a dotted key (`script.target`). */
function get(section: Raw, key: string): unknown {
	let at: unknown = section;
	for (const p of key.split('.')) { at = isObject(at) ? at[p] : undefined; }
	return at;
}

export interface ProjectConfig {
	/** The `zhCorpus` section the file gives (nested, as settings are). */
	readonly section: Raw;
	readonly file: string;
	/** Problems in the file, for the user. */
	readonly problems: readonly string[];
}

/** Reads `.zh-corpus/config.json` of a folder; undefined when there is none. */
export async function readProjectConfig(folder: string, t?: Translate): Promise<ProjectConfig | undefined> {
	const file = path.join(folder, configFile);
	// Workspace content: never read through a link out of the folder, never a FIFO.
	const refused = await ownFileRefusal(folder, file);
	if (refused) { return { section: {}, file, problems: [`${file}: ${refused} ${(t ?? messagesFor('en'))('json.settingsUnused')}`] }; }
	return readConfigFile(file, t);
}

/** A project file beyond these is not read (a message names it): nothing in it may hang or crash the reader. */
export const configLimits = { maxChars: 4 * 2 ** 20, maxDepth: 32, maxValues: 200_000 } as const;

/** Reads a settings file in the project file's format. */
export async function readConfigFile(file: string, t: Translate = messagesFor('en')): Promise<ProjectConfig | undefined> {
	const size = await fs.stat(file).then((s) => s.size, () => undefined);
	if (size === undefined) { return undefined; }
	const unused = (problem: string) => ({ section: {}, file, problems: [`${file}: ${problem} ${t('json.settingsUnused')}`] });
	// UTF-8 has at most 4 bytes per character: a file larger than that is refused unread.
	if (size > 4 * configLimits.maxChars) { return unused(t('json.tooLarge', (size / 2 ** 20).toFixed(1), configLimits.maxChars / 2 ** 20)); }
	const text = await fs.readFile(file, 'utf8').catch(() => undefined);
	if (text === undefined) { return undefined; }
	const parsed = parseBoundedJsonc(text, configLimits);
	if ('refused' in parsed) { return unused(t(parsed.refused.message, ...parsed.refused.args)); }
	const raw = parsed.tree ? nodeValue(parsed.tree) : undefined;
	const problems = parsed.errors.map((e) => `${file}: ${e.message} at offset ${e.offset}`);
	if (!isObject(raw)) { return { section: {}, file, problems: [...problems, `${file}: expected an object of settings`] }; }
	const section = toSection(raw, (key) => problems.push(`${file}: unknown setting "${key}" is ignored`));
	return { section, file, problems };
}

/**
 * The editor's settings over the project file: a key the editor holds at its default takes the
 * file's value (VS Code sends defaults for every key it knows).
 */
export function withProjectConfig(editor: unknown, config: ProjectConfig | undefined): unknown {
	if (!config) { return editor; }
	const flat: Raw = {};
	for (const key of settingDefaults.keys()) {
		const mine = get(isObject(editor) ? editor : {}, key);
		const theirs = get(config.section, key);
		const atDefault = mine === undefined || JSON.stringify(mine) === JSON.stringify(settingDefaults.get(key));
		const value = atDefault && theirs !== undefined ? theirs : mine;
		if (value !== undefined) { flat[key] = value; }
	}
	return toSection(flat);
}

/** `.zh-corpus/config.json` per workspace folder, read once (again after `clear`); its problems said once. */
export class ProjectConfigs {
	readonly #cache = new Map<string, Promise<ProjectConfig | undefined>>();

	constructor(private readonly folders: () => readonly string[], private readonly report: (problem: string) => void, private readonly t?: Translate) { }

	/** The project file of a workspace folder (by its URI); undefined for anything else. */
	of(folderUri: string | undefined): Promise<ProjectConfig | undefined> {
		const folder = folderUri?.startsWith('file:') ? fileURLToPath(folderUri) : undefined;
		if (!folder || !this.folders().includes(folder)) { return Promise.resolve(undefined); }
		let config = this.#cache.get(folder);
		if (!config) {
			config = readProjectConfig(folder, this.t).then((c) => {
				for (const problem of c?.problems ?? []) { this.report(problem); }
				return c;
			});
			this.#cache.set(folder, config);
		}
		return config;
	}

	clear(): void { this.#cache.clear(); }
}
