/**
 * A large open document is checked in its worker, which answers each edit with a change of the
 * diagnostics it sent before (lsp/diagnosticsDelta.ts); the server's thread rebuilds the list.
 * Random edits — some sent in bursts, so that checks are dropped and the list the server holds
 * is not the one the worker sent last — and after each burst the published diagnostics must
 * equal those another server publishes when it opens the same text at the same version.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { linePool } from '../support/docGen';
import { random } from '../support/random';
import { LspClient } from './lspClient';

const inserts = ['后', '後', ',', ' ', '\n', '\r\n', '分享到：微信\n', '这是新的一段，内容很短。\n', '\u200b', ''];
// Names are tagged when the user pauses, and entity.variant then depends on when: off in both servers.
const settings = { rules: { 'entity.variant': 'off' } };

describe('a large document\'s diagnostics after edits (sent as changes from its worker)', function () {
	this.timeout(300_000);
	let edited: LspClient;
	let fresh: LspClient;
	before(async () => {
		edited = new LspClient({ settings });
		fresh = new LspClient({ settings });
		await Promise.all([edited.initialize(), fresh.initialize()]);
	});
	after(() => Promise.all([edited.stop(), fresh.stop()]));

	it('equal a fresh check of the same text after every burst of edits', async () => {
		const rnd = random(18);
		const lines: string[] = [];
		for (let n = 0; n < 30_000;) { const l = linePool[Math.floor(rnd() * linePool.length)]; lines.push(l); n += l.length + 1; }
		const uri = 'file:///large-edits.txt';
		let doc = TextDocument.create(uri, 'plaintext', 1, lines.join('\n'));
		assert.ok(doc.getText().length > 20_000);
		const opened = edited.waitForDiagnostics(uri);
		await edited.open(uri, doc.getText());
		await opened;
		let quickFixes = 0;
		for (let burst = 0; burst < 24; burst++) {
			const count = burst % 3 === 0 ? 3 : 1;
			for (let k = 0; k < count; k++) {
				const text = doc.getText();
				const past = (o: number) => (text[o - 1] === '\r' && text[o] === '\n' ? o + 1 : o);
				// Mostly in the second half (a large document's findings are mostly kept), some anywhere.
				const start = past(Math.floor((rnd() < 0.7 ? 0.5 + rnd() / 2 : rnd()) * text.length));
				const end = past(Math.min(text.length, start + Math.floor(rnd() * 8)));
				const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: inserts[Math.floor(rnd() * inserts.length)] };
				doc = TextDocument.update(doc, [change], doc.version + 1);
				await edited.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
			}
			const got = await edited.waitForDiagnostics(uri, (p) => p.version === doc.version, true);
			const expecting = fresh.waitForDiagnostics(uri, (p) => p.version === doc.version);
			await fresh.open(uri, doc.getText(), doc.version);
			const expected = await expecting;
			assert.ok(expected.diagnostics.length > 100, `${expected.diagnostics.length} diagnostics`);
			assert.deepEqual(got.diagnostics, expected.diagnostics, `burst ${burst}, version ${doc.version}`);
			// Their quick fixes come from what each server holds (sent diagnostics carry none): moved by the edits in one, found by a full check in the other.
			const ask = (c: LspClient) => c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, context: { diagnostics: got.diagnostics } }) as Promise<CodeAction[]>;
			const [gotActions, expectedActions] = await Promise.all([ask(edited), ask(fresh)]);
			quickFixes += gotActions.filter((a) => a.edit && a.diagnostics).length;
			assert.deepEqual(gotActions, expectedActions, `code actions, burst ${burst}, version ${doc.version}`);
			await fresh.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
		}
		assert.ok(quickFixes > 100, `${quickFixes} quick fixes compared`);
	});

	it('are not pushed again when a re-check of the same version keeps them all', async () => {
		const client = new LspClient({ settings });
		await client.initialize();
		try {
			const rnd = random(7);
			const lines: string[] = [];
			for (let n = 0; n < 30_000;) { const l = linePool[Math.floor(rnd() * linePool.length)]; lines.push(l); n += l.length + 1; }
			const uri = 'file:///large-recheck.txt';
			const pushed: { version?: number; count: number }[] = [];
			client.waitForDiagnostics(uri, (p) => { pushed.push({ version: p.version, count: p.diagnostics.length }); return false; }).catch(() => undefined);
			const opened = client.waitForDiagnostics(uri);
			await client.open(uri, lines.join('\n'));
			assert.ok((await opened).diagnostics.length > 100);
			// Settings "changed" to the same values: every open document is checked again, and finds the same.
			await new Promise((r) => setTimeout(r, 1500));
			const before = pushed.length;
			await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
			await new Promise((r) => setTimeout(r, 1500));
			assert.equal(pushed.length, before, `pushed again: ${JSON.stringify(pushed)}`);
			// A real change is still pushed.
			const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '分享到：微信\n' };
			const edited = client.waitForDiagnostics(uri, (p) => p.version === 2);
			await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
			assert.equal((await edited).version, 2);
		} finally {
			await client.stop();
		}
	});
});
