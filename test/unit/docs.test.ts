/**
 * One source for each fact: settings are declared once, in package.json (names, types, bounds,
 * defaults), and read from there by the server and the command line; the README's settings table
 * and the rule lists of the README and of package.nls* are checked against package.json and the
 * rule registry, so that a rule or setting added in one place and forgotten in another fails here.
 * CONTRIBUTING.md is held to what the repository has: its scripts, files and launch configurations.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { defaultLintOptions, ruleIds } from '../../server/src/service';
import { defaultSettings, sanitize, settingOf } from '../../server/src/settings';
import { matchesSchema, settingSchemas } from '../../server/src/settingSchema';
import { messagesFor } from '../../server/src/service/messages';
import { serverEnvironmentDefaults, serverNodeOptions } from '../../server/src/protocol';

const root = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const nls = (locale: string) => JSON.parse(fs.readFileSync(path.join(root, `package.nls${locale}.json`), 'utf8')) as Record<string, string>;
const locales = ['', '.zh-cn', '.zh-tw'];

/** The README section under a `## ` heading. */
function section(heading: string): string {
	const start = readme.indexOf(`\n## ${heading}\n`);
	assert.ok(start >= 0, `README has no "## ${heading}" section`);
	const end = readme.indexOf('\n## ', start + 4);
	return readme.slice(start, end < 0 ? undefined : end);
}

/** A default as the README writes it: strings bare, everything else as JSON with spaced commas. */
const formatDefault = (v: unknown): string =>
	typeof v === 'string' ? v : Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v);

describe('one source for settings and rules', () => {
	it('declares every setting with keywords the server checks, and a default that passes them', () => {
		const known = new Set(['scope', 'type', 'default', 'enum', 'enumDescriptions', 'minimum', 'maximum', 'items', 'additionalProperties', 'markdownDescription']);
		for (const [key, schema] of settingSchemas) {
			const unknown = Object.keys(schema).filter((k) => !known.has(k));
			assert.deepEqual(unknown, [], `zhCorpus.${key} uses keywords the server does not check`);
			assert.ok(matchesSchema(schema, schema.default), `zhCorpus.${key}'s default does not match its own schema`);
		}
	});

	it('reads every setting of package.json (but the client\'s trace.server) with its default', () => {
		const read = new Set(Object.values(settingOf));
		assert.deepEqual([...settingSchemas.keys()].filter((k) => !read.has(k)), ['trace.server']);
		for (const [field, key] of Object.entries(settingOf)) {
			assert.deepEqual(defaultSettings[field as keyof typeof settingOf], settingSchemas.get(key)!.default, key);
		}
	});

	it('gives the core the same defaults (service/defaults.ts reads package.json too)', () => {
		for (const [field, value] of Object.entries(defaultLintOptions)) {
			assert.deepEqual(value, defaultSettings[field as keyof typeof defaultLintOptions], field);
		}
	});

	it('falls back to package.json\'s default for a value outside its declared bounds, and says so', () => {
		const warnings: string[] = [];
		const s = sanitize({ files: { maxSizeMB: 5000 }, maxProblemsPerFile: 0, punctuation: { width: 'wide' }, script: { allow: ['ok', 3] } }, messagesFor('en'), (m) => warnings.push(m));
		assert.equal(s.maxFileSizeMB, settingSchemas.get('files.maxSizeMB')!.default);
		assert.equal(s.maxProblems, settingSchemas.get('maxProblemsPerFile')!.default);
		assert.equal(s.punctuationWidth, 'consistent');
		assert.deepEqual(s.scriptAllow, []);
		assert.equal(warnings.length, 4, warnings.join('\n'));
		assert.equal(sanitize({ files: { maxSizeMB: 4096 } }, messagesFor('en'), () => assert.fail('4096 is allowed')).maxFileSizeMB, 4096);
	});

	it('lists every setting in the README\'s table with package.json\'s default, and no other', () => {
		const rows = [...section('Settings').matchAll(/^\| `zhCorpus\.([^`]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]);
		assert.deepEqual(rows.map(([key]) => key).sort(), [...settingSchemas.keys()].sort());
		for (const [key, written] of rows) { assert.equal(written, formatDefault(settingSchemas.get(key)!.default), `README's default of zhCorpus.${key}`); }
	});

	it('describes every setting in the three languages', () => {
		for (const locale of locales) {
			const strings = nls(locale);
			for (const key of settingSchemas.keys()) { assert.ok(strings[`zhCorpus.${key}.markdownDescription`], `package.nls${locale}.json: zhCorpus.${key}`); }
		}
	});

	it('lists exactly the registry\'s rules in the zhCorpus.rules description, in the three languages', () => {
		for (const locale of locales) {
			const text = nls(locale)['zhCorpus.rules.markdownDescription'];
			// `boilerplate.*` is followed by its kinds in parentheses: (`share-widget`, `navigation`, …).
			const group = /`boilerplate\.\*`\s*[(（]([^)）]*)[)）]/.exec(text);
			assert.ok(group, `package.nls${locale}.json lists the boilerplate rules as \`boilerplate.*\` (…)`);
			const kinds = [...group[1].matchAll(/`([^`]+)`/g)].map((m) => `boilerplate.${m[1]}`);
			const others = [...text.replace(group[0], '').matchAll(/`([a-z][a-z-]*(\.[a-z-]+)?)`/g)].map((m) => m[1]).filter((t) => !['off', 'hint', 'info', 'warning', 'error'].includes(t));
			assert.deepEqual([...kinds, ...others].sort(), [...ruleIds].sort(), `package.nls${locale}.json`);
		}
	});

	it('names every rule in the README\'s "What it checks today", and no rule that does not exist', () => {
		const intro = readme.slice(readme.indexOf('What it checks today'), readme.indexOf('\n## '));
		const boilerplate = intro.slice(intro.indexOf('`boilerplate.*`'), intro.indexOf('\n- **', intro.indexOf('`boilerplate.*`')));
		for (const id of ruleIds) {
			const named = intro.includes(`\`${id}\``) || (id.startsWith('boilerplate.') && boilerplate.includes(`\`${id.slice('boilerplate.'.length)}\``));
			assert.ok(named, `README does not name ${id}`);
		}
		const ruleLike = /^(mixed-script|(boilerplate|duplicate|layout|spacing|punctuation|unicode|term|entity)\.[a-z-]+)$/;
		const unknown = [...intro.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((t) => ruleLike.test(t) && !ruleIds.has(t));
		assert.deepEqual(unknown, [], 'README names rules the registry does not have');
	});
});

describe('starting the server in other editors', () => {
	it('gives the server\'s node options wherever the README and the editor checks start it', () => {
		// A configuration that starts dist/server.js: the README's snippets and what the Neovim and Emacs tests run.
		const sources = [readme, ...['neovim/check.lua', 'emacs/check.el'].map((f) => fs.readFileSync(path.join(root, 'test', f), 'utf8'))];
		const starts = sources.flatMap((s) => s.split('\n').filter((l) => /server\.js|ZH_SERVER"\)|\bserver, '--stdio'/.test(l) && /--stdio/.test(l)));
		assert.ok(starts.length >= 6, `${starts.length} lines start the server`);
		for (const line of starts) {
			for (const option of serverNodeOptions) { assert.ok(line.includes(option), `without ${option}: ${line}`); }
		}
	});

	it('gives other editors the environment the VS Code client starts the server with', () => {
		for (const [name, value] of Object.entries(serverEnvironmentDefaults)) { assert.ok(readme.includes(`${name}=${value}`), `the README does not give ${name}=${value}`); }
	});
});

describe('CONTRIBUTING.md', () => {
	const guide = fs.readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8');
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

	it('names only npm scripts that exist', () => {
		const named = [...guide.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
		assert.ok(named.length >= 8);
		assert.deepEqual(named.filter((n) => !(n in pkg.scripts)), []);
	});

	it('names only files and folders that exist', () => {
		const paths = [...guide.matchAll(/`([^`\s]+)`/g)].map((m) => m[1])
			.filter((p) => /^(\.vscode|\.ci|server|client|test|tools|bench|l10n|images|samples)\/|^[\w.-]+\.(json|md|mjs|ts)$/.test(p) && !/[<>…*]/.test(p));
		assert.ok(paths.length >= 20);
		assert.deepEqual(paths.filter((p) => !fs.existsSync(path.join(root, p))), []);
	});

	it('names only launch configurations and tasks that exist, and the debug port the client opens on request', () => {
		const launch = parse(fs.readFileSync(path.join(root, '.vscode', 'launch.json'), 'utf8')) as { configurations: { name: string; port?: number; env?: Record<string, string> }[]; compounds: { name: string }[] };
		const names = [...launch.configurations, ...launch.compounds].map((c) => c.name);
		const bold = [...guide.matchAll(/\*\*(Run [^*]+|Attach [^*]+)\*\*/g)].map((m) => m[1]);
		assert.ok(bold.length >= 4);
		assert.deepEqual(bold.filter((n) => !names.includes(n)), []);
		const run = launch.configurations.find((c) => c.name === 'Run Extension')!;
		const attach = launch.configurations.find((c) => c.name === 'Attach to Server')!;
		assert.equal(attach.port, Number(run.env?.ZH_CORPUS_INSPECT));
		assert.match(fs.readFileSync(path.join(root, 'client', 'src', 'extension.ts'), 'utf8'), /process\.env\.ZH_CORPUS_INSPECT/);
		const tasks = parse(fs.readFileSync(path.join(root, '.vscode', 'tasks.json'), 'utf8')) as { tasks: { label: string; script?: string }[] };
		for (const t of tasks.tasks) { if (t.script) { assert.ok(t.script in pkg.scripts, `task ${t.label} runs a missing script`); } }
		const preLaunch = launch.configurations.map((c) => (c as { preLaunchTask?: string }).preLaunchTask).filter(Boolean);
		assert.deepEqual(preLaunch.filter((l) => !tasks.tasks.some((t) => t.label === l)), []);
	});
});
