import * as assert from 'node:assert/strict';
import { toDiagnostic, toOffset, toRange } from '../../server/src/lsp/convert';
import { CorpusDocument } from '../../server/src/service';
import { messagesFor } from '../../server/src/service/messages';
import { sanitize } from '../../server/src/settings';
import { FileMatcher } from '../../server/src/lsp/lspWorkspace';

const t = messagesFor('en');

describe('settings', () => {
	it('fills defaults for missing settings', () => {
		const warnings: string[] = [];
		const s = sanitize(undefined, t, (m) => warnings.push(m));
		assert.equal(s.scriptTarget, 'auto');
		assert.equal(s.maxProblems, 1000);
		assert.deepEqual(s.include, ['**/*.txt']);
		assert.deepEqual(warnings, []);
	});
	it('names each invalid setting, falls back, and ignores unknown rules', () => {
		const warnings: string[] = [];
		const s = sanitize({ rules: { 'mixed-script': 'loud', 'no-such': 'off' }, script: { target: 'klingon', allow: 'x' }, maxProblemsPerFile: -3, files: { include: 7 } }, t, (m) => warnings.push(m));
		assert.equal(s.rules['mixed-script'], 'warning');
		assert.equal(s.rules['no-such'], undefined);
		assert.equal(s.scriptTarget, 'auto');
		assert.deepEqual(s.scriptAllow, []);
		assert.equal(s.maxProblems, 1000);
		assert.deepEqual(s.include, ['**/*.txt']);
		for (const name of ['zhCorpus.rules.mixed-script', 'no-such', 'zhCorpus.script.target', 'zhCorpus.script.allow', 'zhCorpus.maxProblemsPerFile', 'zhCorpus.files.include']) {
			assert.ok(warnings.some((w) => w.includes(name)), `${name} in ${warnings.join(' | ')}`);
		}
	});
	it('takes valid settings as they are', () => {
		const s = sanitize({ rules: { 'mixed-script': 'error' }, script: { target: 'traditional-hk', allow: ['發布'] }, maxProblemsPerFile: 5, fixAll: { rules: ['mixed-script'] } }, t, () => assert.fail());
		assert.deepEqual([s.rules['mixed-script'], s.scriptTarget, s.scriptAllow, s.maxProblems, s.fixAllRules], ['error', 'traditional-hk', ['發布'], 5, ['mixed-script']]);
	});
});

describe('boilerplate pattern settings', () => {
	it('keeps valid patterns and names each invalid one', () => {
		const warnings: string[] = [];
		const s = sanitize({ boilerplate: { patterns: [{ id: 'ok', regex: '^本站' }, { id: 'lookbehind', regex: '(?<=a)b' }, { id: 'nofix', regex: 'x', fix: 'move' }, { regex: 7 }] } }, t, (m) => warnings.push(m));
		assert.deepEqual(s.customPatterns.map((p) => p.id), ['ok']);
		assert.equal(warnings.length, 3);
		assert.ok(warnings[0].includes('[1]') && warnings[0].includes('lookbehind') && warnings[0].includes('RE2'), warnings[0]);
	});
});

describe('LSP conversion', () => {
	const doc = new CorpusDocument('file:///a.txt', 3, '第一行\n𠮷后來\n');
	it('maps offsets to ranges in UTF-16 units and back', () => {
		assert.deepEqual(toRange(doc, 6, 7), { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } });
		assert.equal(toOffset(doc, { line: 1, character: 2 }), 6);
		assert.equal(toOffset(doc, { line: 9, character: 0 }), doc.text.length);
	});
	it('gives a diagnostic the rule id, the source, the version and small fixes in its data (the rule only once, as its code)', () => {
		const d = toDiagnostic(doc, { ruleId: 'mixed-script', start: 6, end: 7, message: 'm', severity: 'warning', fixes: [{ title: 'f', edits: [{ start: 6, end: 7, newText: '後' }], isPreferred: true }] });
		assert.equal(d.code, 'mixed-script');
		assert.equal(d.source, 'zh-corpus');
		assert.deepEqual(d.data, { version: 3, fixes: [{ title: 'f', edits: [{ start: 6, end: 7, newText: '後' }], isPreferred: true }] });
	});
	it('leaves large fixes out of the data to be recomputed', () => {
		const edits = Array.from({ length: 100 }, (_, i) => ({ start: i, end: i + 1, newText: 'x' }));
		const d = toDiagnostic(doc, { ruleId: 'mixed-script', start: 0, end: 1, message: 'm', severity: 'info', fixes: [{ title: 'f', edits }] });
		assert.equal((d.data as { fixes?: unknown }).fixes, undefined);
	});
});

describe('file matching', () => {
	it('applies include and exclude globs to workspace-relative paths', () => {
		const m = new FileMatcher(['**/*.txt'], ['**/node_modules/**', 'drafts/**']);
		assert.ok(m.matches('a/b/c.txt'));
		assert.ok(m.matches('.hidden/x.txt'));
		assert.ok(!m.matches('a/b/c.md'));
		assert.ok(!m.matches('drafts/x.txt'));
		assert.ok(m.excludesDir('web/node_modules'));
		assert.ok(!m.excludesDir('web'));
	});
});
