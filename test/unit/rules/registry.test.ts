/**
 * The rule registry (server/src/service/rules/index.ts) holds every rule of every rule file, and
 * every rule file has its own test file here pinning each of its rules (ruleCases.ts). Rules are
 * what a rule file exports: an object with an id and a check function, or a list of them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, Rule } from '../../../server/src/service';

const root = path.resolve(__dirname, '..', '..', '..');
const rulesDir = path.join(root, 'server', 'src', 'service', 'rules');
const testsDir = path.join(root, 'test', 'unit', 'rules');

const isRule = (value: unknown): value is Rule =>
	typeof value === 'object' && value !== null && typeof (value as Rule).id === 'string' && typeof (value as Rule).check === 'function';

/** The rule files on disk and the rules each exports (esbuild bundles every file the template can name). */
async function ruleFiles(): Promise<Map<string, Rule[]>> {
	const files = new Map<string, Rule[]>();
	for (const file of fs.readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
		const name = file.slice(0, -3);
		let exports: Record<string, unknown>;
		try {
			exports = await import(`../../../server/src/service/rules/${name}.ts`);
		} catch (e) {
			throw new Error(`rules/${file} is not in the test bundle (run node esbuild.mjs --tests again): ${e}`);
		}
		files.set(name, Object.values(exports).flatMap((v) => (Array.isArray(v) ? v.filter(isRule) : isRule(v) ? [v] : [])));
	}
	return files;
}

describe('rule registry', () => {
	let files = new Map<string, Rule[]>();
	before(async () => { files = await ruleFiles(); });

	it('registers every rule of every rule file, and nothing else', () => {
		const registered = new Set<Rule>(allRules);
		for (const [name, rules] of files) {
			assert.ok(rules.length > 0, `rules/${name}.ts exports no rule`);
			for (const rule of rules) { assert.ok(registered.has(rule), `${rule.id} (rules/${name}.ts) is not in the registry, rules/index.ts`); }
		}
		const exported = new Set([...files.values()].flat());
		for (const rule of allRules) { assert.ok(exported.has(rule), `${rule.id} is registered but exported by no file of rules/`); }
	});

	it('gives every rule a unique, dotted kebab-case id, a description and a default severity', () => {
		const ids = allRules.map((r) => r.id);
		assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
		for (const rule of allRules) {
			assert.match(rule.id, /^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)?$/);
			assert.ok(rule.description.length > 10, `${rule.id} has no description`);
			assert.ok(['hint', 'info', 'warning', 'error'].includes(rule.defaultSeverity), `${rule.id}: ${rule.defaultSeverity}`);
		}
	});

	it('pins every rule in a test file named after its rule file', () => {
		for (const [name, rules] of files) {
			const testFile = path.join(testsDir, `${name}.test.ts`);
			assert.ok(fs.existsSync(testFile), `rules/${name}.ts has no test file test/unit/rules/${name}.test.ts`);
			const source = fs.readFileSync(testFile, 'utf8');
			for (const rule of rules) {
				assert.ok(source.includes(`describeRule('${rule.id}'`), `test/unit/rules/${name}.test.ts does not pin ${rule.id} with describeRule('${rule.id}', …)`);
			}
		}
	});
});
