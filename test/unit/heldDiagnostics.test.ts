/**
 * Sent diagnostics carry no fixes; the server holds them (lsp/heldDiagnostics.ts) and a quick fix
 * finds them there. The quick fixes must be exactly those of the diagnostics that carried their
 * fixes (inline when small, recomputed when large), and never an older version's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { codeActions, CodeActionContext, workspaceEdit } from '../../server/src/lsp/codeActions';
import { DiagnosticData, fileNotice, toDiagnostic, toOffset } from '../../server/src/lsp/convert';
import { HeldDiagnostics, SentData, sentDiagnostic } from '../../server/src/lsp/heldDiagnostics';
import { CorpusDocument, Fix } from '../../server/src/service';
import { options, readFixture, seedsAvailable, seedsDir, service } from './helpers';

const svc = service();
const settings = options();

function checked(doc: CorpusDocument): HeldDiagnostics {
	return new HeldDiagnostics(doc.version, svc.lint(doc, settings).map((p) => toDiagnostic(doc, p)));
}

const context = (doc: CorpusDocument, held: HeldDiagnostics | undefined): CodeActionContext => ({ service: svc, doc, settings, documentChanges: true, resolvesEdits: true, held });
const quickFixes = (ctx: CodeActionContext, diagnostics: Diagnostic[]): CodeAction[] =>
	codeActions(ctx, { textDocument: { uri: ctx.doc.uri }, range: diagnostics[0].range, context: { diagnostics } }).filter((a) => a.diagnostics);

/** The quick fixes of `sent` as they were when each diagnostic carried its fixes: inline ones when of this version, else recomputed. */
function carriedFixes(doc: CorpusDocument, sent: Diagnostic, carried: readonly Fix[] | undefined): CodeAction[] {
	const fixes = carried ?? svc.fixesAt(doc, settings, String(sent.code), toOffset(doc, sent.range.start), toOffset(doc, sent.range.end));
	return fixes.map((f) => ({ title: f.title, kind: 'quickfix', diagnostics: [sent], isPreferred: f.isPreferred, edit: workspaceEdit({ doc, documentChanges: true }, f.edits) }));
}

function documents(): { name: string; text: string }[] {
	const docs = ['tw-leftovers.txt', 'simplified-with-traditional.txt', 'half-and-half.txt'].map((name) => ({ name, text: readFixture(path.join('mixed-script', name)) }));
	if (!seedsAvailable()) { console.log('    ../shared/corpus/seeds is absent: only the fixtures are compared'); return docs; }
	return [...docs, ...fs.readdirSync(seedsDir).sort().map((name) => ({ name, text: fs.readFileSync(path.join(seedsDir, name), 'utf8') }))];
}

describe('quick fixes from the fixes the server holds (sent diagnostics carry none)', () => {
	it('equal the fixes each diagnostic carried, one diagnostic at a time and all at once, on the seeds and mixed documents', () => {
		let withFixes = 0;
		for (const { name, text } of documents()) {
			const doc = new CorpusDocument(`file:///${name}`, 4, text);
			const held = checked(doc);
			assert.ok(held.held.length > 0, name);
			const expectedAll: CodeAction[] = [];
			for (let i = 0; i < held.held.length; i++) {
				const sent = held.sent[i];
				const carried = (held.held[i].data as DiagnosticData).fixes;
				assert.equal(JSON.stringify(sent).includes('"fixes"'), false, `${name}: diagnostic ${i} is sent without fixes`);
				assert.equal(held.fixesOf(sent), carried, `${name}: diagnostic ${i}'s fixes are found`);
				if (carried?.length) { withFixes++; }
				const expected = carriedFixes(doc, sent, carried);
				expectedAll.push(...expected);
				assert.deepEqual(quickFixes(context(doc, held), [sent]), expected, `${name}: diagnostic ${i} (${String(sent.code)})`);
			}
			assert.deepEqual(quickFixes(context(doc, held), held.sent), expectedAll, `${name}: all at once`);
		}
		assert.ok(withFixes > 20, `${withFixes} diagnostics with fixes`);
	});

	it('recomputes on the current text for a diagnostic of an older version, whatever the server holds', () => {
		const text = readFixture('mixed-script/tw-leftovers.txt');
		const before = new CorpusDocument('file:///m.txt', 1, text);
		const after = CorpusDocument.derive(before, 2, `一${text}`);
		const old = checked(before);
		let compared = 0;
		for (const held of [old, checked(after), undefined]) {
			for (const sent of old.sent) {
				const expected = carriedFixes(after, sent, undefined);
				compared += expected.length;
				const got = quickFixes(context(after, held), [sent]);
				assert.deepEqual(got, expected, `${String(sent.code)} at ${JSON.stringify(sent.range)}`);
				for (const a of got) { assert.equal((a.edit?.documentChanges?.[0] as { textDocument: { version: number } }).textDocument.version, 2); }
			}
		}
		assert.ok(compared > 10, `${compared} recomputed fixes`);
	});

	it('gives two alike diagnostics at one place their own fixes', () => {
		const doc = new CorpusDocument('file:///a.txt', 1, '甲乙丙');
		const fix = (newText: string): Fix => ({ title: newText, edits: [{ start: 0, end: 1, newText }] });
		const problem = (f: Fix) => ({ ruleId: 'term.case', start: 0, end: 1, message: 'm', severity: 'info' as const, fixes: [f] });
		const held = new HeldDiagnostics(1, [toDiagnostic(doc, problem(fix('A'))), toDiagnostic(doc, problem(fix('B')))]);
		assert.deepEqual(quickFixes(context(doc, held), held.sent).map((a) => a.title), ['A', 'B']);
		assert.deepEqual(quickFixes(context(doc, held), [held.sent[0]]).map((a) => a.title), ['A']);
	});

	it('finds the fixes by the diagnostic\'s place in its list, not by its range (Neovim 0.7 sends columns in bytes); another diagnostic\'s place is not taken', () => {
		const text = readFixture('mixed-script/tw-leftovers.txt');
		const doc = new CorpusDocument('file:///m.txt', 0, text);
		const held = checked(doc);
		const i = held.held.findIndex((d) => (d.data as DiagnosticData).fixes?.length && Buffer.byteLength(text.slice(0, toOffset(doc, d.range.start))) !== toOffset(doc, d.range.start));
		assert.ok(i >= 0);
		const sent = held.sent[i];
		const inBytes = (p: { line: number; character: number }) => ({ line: p.line, character: Buffer.byteLength(doc.lines[p.line].text.slice(0, p.character)) });
		const back = { ...sent, range: { start: inBytes(sent.range.start), end: inBytes(sent.range.end) } };
		assert.deepEqual(quickFixes(context(doc, held), [back]).map((a) => a.edit), carriedFixes(doc, sent, (held.held[i].data as DiagnosticData).fixes).map((a) => a.edit));
		const other = held.held.findIndex((d) => d.message !== sent.message);
		const pointing = { ...sent, data: { version: 0, id: other } };
		assert.equal(held.fixesOf(pointing), undefined);
		assert.equal(held.fixesOf({ ...sent, data: { version: 0, id: 'x' } }), undefined);
		assert.equal(held.fixesOf({ ...sent, data: { version: 0, id: held.held.length } }), undefined);
	});

	it('does not take a diagnostic of the last list of the same version for one of the next (a re-check after indexing may list others)', () => {
		// Lines that each give the same problem with the same message: a list one shorter at the front puts an alike diagnostic at each place.
		const doc = new CorpusDocument('file:///r.txt', 2, Array.from({ length: 6 }, (_, i) => `立法院${i}日三讀通過修正案，會議結束后，委員離開。`).join('\n'));
		const last = checked(doc);
		assert.ok(last.held.length >= 4 && last.held.slice(1).some((d, i) => d.message === last.held[i].message && (d.data as DiagnosticData).fixes?.length));
		const next = new HeldDiagnostics(2, last.held.slice(1), last);
		assert.equal((next.sent[0].data as SentData).id, last.held.length);
		for (const sent of last.sent.slice(1)) {
			assert.equal(next.fixesOf(sent), undefined);
			assert.deepEqual(quickFixes(context(doc, next), [sent]), carriedFixes(doc, sent, undefined));
		}
		assert.equal(new HeldDiagnostics(3, last.held, next).firstId, 0);
	});

	it('sends each of our diagnostics with its version and place and without its fixes, others as they are', () => {
		const doc = new CorpusDocument('file:///a.txt', 1, '甲乙丙');
		const none = toDiagnostic(doc, { ruleId: 'term.case', start: 0, end: 1, message: 'm', severity: 'info', fixes: [] });
		const large = toDiagnostic(doc, { ruleId: 'term.case', start: 0, end: 1, message: 'm', severity: 'info', fixes: [{ title: 't', edits: [{ start: 0, end: 1, newText: 'x'.repeat(300) }] }] });
		assert.deepEqual(sentDiagnostic(none, 0), { ...none, data: { version: 1, id: 0 } });
		assert.equal(JSON.stringify(sentDiagnostic(large, 3)), JSON.stringify({ ...large, data: { version: 1, id: 3 } }));
		const notice = fileNotice('file.skipped', 'm');
		assert.equal(sentDiagnostic(notice, 0), notice);
	});
});
