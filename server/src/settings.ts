/**
 * `zhCorpus.*` settings: fetched per resource with `workspace/configuration` when the client
 * supports it (otherwise from `didChangeConfiguration` / initialization options), sanitized
 * against package.json's declarations with its defaults filled in (settingSchema.ts), cached per
 * URI and cleared when the configuration changes.
 */
import { CustomPattern, LintOptions, ruleIds, Severity } from './service';
import { checkUserPattern, isRefusal } from './service/boilerplate/userPatterns';
import { matchesSchema, settingDefault, SettingSchema, settingSchemas } from './settingSchema';
import type { Translate } from './service/messages';

export interface Settings extends LintOptions {
	readonly include: readonly string[];
	readonly exclude: readonly string[];
	/** "Clean workspace…": up to this many changed files go to the editor's preview; more are written as a batch. */
	readonly cleanPreviewLimit: number;
	/** `workspace`: problems of every corpus file are published; `open`: only of open documents. */
	readonly problemsScope: 'workspace' | 'open';
	/** Files that a .gitignore ignores are not corpus files. */
	readonly useGitignore: boolean;
	/** Files larger than this (MB) are not read (file.too-large). */
	readonly maxFileSizeMB: number;
}

/**
 * Which setting (package.json, without `zhCorpus.`) each field is read from. Names, types, bounds
 * and defaults are package.json's (settingSchema.ts); `trace.server` is the client's own.
 */
export const settingOf: { readonly [F in keyof Settings]: string } = {
	rules: 'rules',
	scriptTarget: 'script.target',
	scriptAllow: 'script.allow',
	maxProblems: 'maxProblemsPerFile',
	fixAllRules: 'fixAll.rules',
	repeatedLineMinFiles: 'boilerplate.repeatedLineMinFiles',
	customPatterns: 'boilerplate.patterns',
	punctuationWidth: 'punctuation.width',
	terms: 'terms',
	include: 'files.include',
	exclude: 'files.exclude',
	cleanPreviewLimit: 'clean.previewLimit',
	problemsScope: 'problems.scope',
	useGitignore: 'files.useGitignore',
	maxFileSizeMB: 'files.maxSizeMB',
};

const fields = Object.keys(settingOf) as (keyof Settings)[];

export const defaultSettings: Settings = Object.freeze(Object.fromEntries(fields.map((f) => [f, settingDefault(settingOf[f])]))) as Settings;


type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Turns whatever the client sent into valid settings. Every rejected value is reported
 * through `warn` with the setting's name and the fallback used; nothing throws.
 */
export function sanitize(raw: unknown, t: Translate, warn: (message: string) => void, restricted = false): Settings {
	const r: Raw = isObject(raw) ? raw : {};
	const valueOf = (key: string): unknown => key.split('.').reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), r);
	const pick = (key: string, value: unknown, schema: SettingSchema, fallback: unknown): unknown => {
		if (value === undefined || value === null) { return fallback; }
		if (matchesSchema(schema, value)) { return value; }
		warn(t('settings.invalid', `zhCorpus.${key}`, JSON.stringify(value), JSON.stringify(fallback)));
		return fallback;
	};
	const settings = Object.fromEntries(fields.map((f) => [f, pick(settingOf[f], valueOf(settingOf[f]), settingSchemas.get(settingOf[f])!, defaultSettings[f])])) as Record<keyof Settings, unknown>;

	// Each rule's severity is checked on its own: one bad entry keeps the others.
	const severity = settingSchemas.get(settingOf.rules)!.additionalProperties!;
	const rules: Record<string, Severity> = {};
	for (const [id, value] of Object.entries(settings.rules as Raw)) {
		if (!ruleIds.has(id)) { warn(t('settings.unknownRule', id)); continue; }
		rules[id] = pick(`rules.${id}`, value, severity, 'warning') as Severity;
	}
	// Restricted Mode: patterns a workspace supplies are not run until the folder is trusted.
	const patterns = restricted ? [] : customPatterns(valueOf(settingOf.customPatterns), t, warn);
	return { ...settings, rules, customPatterns: patterns } as Settings;
}

/** Validates `zhCorpus.boilerplate.patterns`: each bad entry is named and dropped, the rest kept. */
function customPatterns(raw: unknown, t: Translate, warn: (message: string) => void): CustomPattern[] {
	if (raw === undefined || raw === null) { return []; }
	if (!Array.isArray(raw)) {
		warn(t('settings.invalid', 'zhCorpus.boilerplate.patterns', JSON.stringify(raw), '[]'));
		return [];
	}
	const out: CustomPattern[] = [];
	raw.forEach((entry: unknown, i) => {
		const e = isObject(entry) ? entry : {};
		const id = typeof e.id === 'string' && e.id ? e.id : `#${i}`;
		if (typeof e.regex !== 'string' || e.regex.length === 0) { warn(t('settings.invalidPattern', i, id, 'it has no "regex" string')); return; }
		if (e.fix !== undefined && e.fix !== 'delete-line' && e.fix !== 'delete-match') { warn(t('settings.invalidPattern', i, id, '"fix" must be "delete-line" or "delete-match"')); return; }
		// Compiled and priced once per source: a pattern too costly for a long line is refused here, before any line meets it.
		const verdict = checkUserPattern(e.regex);
		if (isRefusal(verdict)) {
			warn(t('settings.invalidPattern', i, id, 'syntax' in verdict ? verdict.syntax : t(verdict.message, ...verdict.args)));
			return;
		}
		out.push({ id, regex: e.regex, message: typeof e.message === 'string' ? e.message : undefined, fix: e.fix as CustomPattern['fix'], msPerChar: verdict.msPerChar });
	});
	return out;
}

/** Per-URI settings cache in front of a fetch function. */
export class SettingsCache {
	readonly #cache = new Map<string, Promise<Settings>>();
	readonly #warned = new Set<string>();

	constructor(
		private readonly fetch: (uri: string | undefined) => Promise<unknown>,
		private readonly t: Translate,
		private readonly warn: (message: string) => void,
		private readonly restricted = false,
	) { }

	get(uri: string | undefined): Promise<Settings> {
		const key = uri ?? '';
		let settings = this.#cache.get(key);
		if (!settings) {
			settings = this.fetch(uri)
				.catch(() => undefined)
				.then((raw) => sanitize(raw, this.t, (m) => this.#warnOnce(m), this.restricted));
			this.#cache.set(key, settings);
		}
		return settings;
	}

	forget(uri: string): void { this.#cache.delete(uri); }

	clear(): void { this.#cache.clear(); this.#warned.clear(); }

	#warnOnce(message: string): void {
		if (!this.#warned.has(message)) {
			this.#warned.add(message);
			this.warn(message);
		}
	}
}
