/**
 * `zhCorpus.*` settings: fetched per resource with `workspace/configuration` when the client
 * supports it (otherwise from `didChangeConfiguration` / initialization options), sanitized
 * with defaults filled in, cached per URI and cleared when the configuration changes.
 */
import { CustomPattern, defaultLintOptions, LintOptions, ruleIds, ScriptTarget, Severity } from './service';
import { checkUserPattern, isRefusal } from './service/boilerplate/userPatterns';
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

export const defaultSettings: Settings = {
	...defaultLintOptions,
	include: ['**/*.txt'],
	exclude: ['**/node_modules/**', '**/.git/**', '**/.zh-corpus/**'],
	cleanPreviewLimit: 200,
	problemsScope: 'workspace',
	useGitignore: true,
	maxFileSizeMB: 512,
};

const severities = new Set<Severity>(['off', 'hint', 'info', 'warning', 'error']);
const targets = new Set<ScriptTarget>(['auto', 'simplified', 'traditional', 'traditional-tw', 'traditional-hk']);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Turns whatever the client sent into valid settings. Every rejected value is reported
 * through `warn` with the setting's name and the fallback used; nothing throws.
 */
export function sanitize(raw: unknown, t: Translate, warn: (message: string) => void, restricted = false): Settings {
	const r: Raw = isObject(raw) ? raw : {};
	const section = (name: string): Raw => (isObject(r[name]) ? r[name] as Raw : {});
	const pick = <T>(name: string, value: unknown, ok: (v: unknown) => v is T, fallback: T): T => {
		if (value === undefined || value === null) { return fallback; }
		if (ok(value)) { return value; }
		warn(t('settings.invalid', `zhCorpus.${name}`, JSON.stringify(value), JSON.stringify(fallback)));
		return fallback;
	};

	const rules: Record<string, Severity> = {};
	const rawRules = pick('rules', r.rules, isObject, {} as Raw);
	for (const [id, severity] of Object.entries(rawRules)) {
		if (!ruleIds.has(id)) { warn(t('settings.unknownRule', id)); continue; }
		rules[id] = pick(`rules.${id}`, severity, (v): v is Severity => severities.has(v as Severity), 'warning' as Severity);
	}
	const script = section('script');
	const files = section('files');
	const fixAll = section('fixAll');
	const boilerplate = section('boilerplate');
	const clean = section('clean');
	const punctuation = section('punctuation');
	const problems = section('problems');
	return {
		rules,
		scriptTarget: pick('script.target', script.target, (v): v is ScriptTarget => targets.has(v as ScriptTarget), defaultSettings.scriptTarget),
		scriptAllow: pick('script.allow', script.allow, isStringArray, [] as string[]),
		maxProblems: pick('maxProblemsPerFile', r.maxProblemsPerFile, (v): v is number => Number.isInteger(v) && (v as number) > 0, defaultSettings.maxProblems),
		fixAllRules: pick('fixAll.rules', fixAll.rules, isStringArray, [] as string[]),
		// Restricted Mode: patterns a workspace supplies are not run until the folder is trusted.
		customPatterns: restricted ? [] : customPatterns(boilerplate.patterns, t, warn),
		repeatedLineMinFiles: pick('boilerplate.repeatedLineMinFiles', boilerplate.repeatedLineMinFiles, (v): v is number => Number.isInteger(v) && (v as number) >= 2, defaultSettings.repeatedLineMinFiles),
		include: pick('files.include', files.include, isStringArray, defaultSettings.include as string[]),
		exclude: pick('files.exclude', files.exclude, isStringArray, defaultSettings.exclude as string[]),
		punctuationWidth: pick('punctuation.width', punctuation.width, (v): v is Settings['punctuationWidth'] => v === 'consistent' || v === 'fullwidth' || v === 'halfwidth', defaultSettings.punctuationWidth),
		terms: pick('terms', r.terms, isStringArray, [] as string[]),
		cleanPreviewLimit: pick('clean.previewLimit', clean.previewLimit, (v): v is number => Number.isInteger(v) && (v as number) >= 0, defaultSettings.cleanPreviewLimit),
		problemsScope: pick('problems.scope', problems.scope, (v): v is Settings['problemsScope'] => v === 'workspace' || v === 'open', defaultSettings.problemsScope),
		useGitignore: pick('files.useGitignore', files.useGitignore, (v): v is boolean => typeof v === 'boolean', defaultSettings.useGitignore),
		maxFileSizeMB: pick('files.maxSizeMB', files.maxSizeMB, (v): v is number => typeof v === 'number' && v > 0 && v <= 4096, defaultSettings.maxFileSizeMB),
	};
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
