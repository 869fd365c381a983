/**
 * Random edit sequences sent to the server over stdio (seeded, reproducible): generated
 * documents (test/support/docGen.ts) edited with incremental `didChange`s — insertions and
 * deletions anywhere, line breaks of every kind, surrogates — and after each sequence the
 * server's copy (the test-only `zhCorpus/debug/documentHash`) must equal the client's, the last
 * diagnostics must be for the last version, and quick fixes asked for with an older version's
 * diagnostics must come back for the current version (recomputed, never the stale edits).
 * ZH_CORPUS_FUZZ_SEQUENCES sets the number of sequences (1,000 by default, as CI runs it).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { documentArbitrary } from '../support/docGen';
import { random } from '../support/random';
import { textStamp } from '../../server/src/service/text/stamp';
import { LspClient } from './lspClient';

const sequences = Number(process.env.ZH_CORPUS_FUZZ_SEQUENCES ?? 1000);
const seed = Number(process.env.ZH_CORPUS_FUZZ_SEED ?? 20261129);


const inserts = ['后', '後', ',', ' ', '\n', '\r\n', '\r', '分享到：\n', '𠮷', '\ud800', '', '这是新的一段，内容很短。\n', '\u200b'];

describe(`random edit sequences over stdio (${sequences.toLocaleString('en')}, seed ${seed})`, function () {
	this.timeout(600_000);
	let client: LspClient;
	before(async () => {
		client = new LspClient({ initializationOptions: { debug: true } });
		await client.initialize();
	});
	after(() => client.stop());

	it('keeps the server\'s text equal to the client\'s, diagnostics on the latest version, and never applies a stale fix', async () => {
		const texts = fc.sample(documentArbitrary, { numRuns: sequences, seed });
		const rnd = random(seed);
		let edits = 0, staleChecks = 0;
		for (const [i, initial] of texts.entries()) {
			const uri = `file:///fuzz/${i}.txt`;
			let doc = TextDocument.create(uri, 'plaintext', 1, initial);
			await client.open(uri, initial);
			const count = 1 + Math.floor(rnd() * 8);
			let stale: { version: number; diagnostics: Diagnostic[] } | undefined;
			for (let k = 0; k < count; k++) {
				const text = doc.getText();
				// An LSP position cannot fall between the \r and \n of one line break.
				const past = (o: number) => (text[o - 1] === '\r' && text[o] === '\n' ? o + 1 : o);
				const start = past(Math.floor(rnd() * (text.length + 1)));
				const end = past(Math.min(text.length, start + Math.floor(rnd() * 6)));
				const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: inserts[Math.floor(rnd() * inserts.length)] };
				if (k === 0 && rnd() < 0.3) {
					// Keep this version's diagnostics: their fixes are asked for after the next edit.
					const published = await client.waitForDiagnostics(uri, (p) => p.version === doc.version, true);
					stale = { version: doc.version, diagnostics: published.diagnostics };
				}
				doc = TextDocument.update(doc, [change], doc.version + 1);
				await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [change] });
				edits++;
			}
			const last = await client.waitForDiagnostics(uri, (p) => p.version === doc.version, true);
			assert.equal(last.version, doc.version);
			const hash = await client.connection.sendRequest('zhCorpus/debug/documentHash', { uri }) as { version: number; stamp: string };
			assert.deepEqual(hash, { version: doc.version, stamp: textStamp(doc.getText()) }, `sequence ${i} (seed ${seed})`);
			// Sent diagnostics carry no fixes (the server holds them for the current version only): any may have some.
			const withFix = stale?.diagnostics[0];
			if (stale && withFix) {
				staleChecks++;
				const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: withFix.range, context: { diagnostics: [withFix] } }) as CodeAction[];
				for (const a of actions) {
					for (const change of a.edit?.documentChanges ?? []) {
						assert.equal((change as { textDocument: { version: number } }).textDocument.version, doc.version, `a fix for version ${stale.version} came back for version ${(change as { textDocument: { version: number } }).textDocument.version}, not the current ${doc.version} (sequence ${i}, seed ${seed})`);
					}
				}
			}
			await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
		}
		console.log(`      ${texts.length.toLocaleString('en')} sequences, ${edits.toLocaleString('en')} edits, ${staleChecks} stale-fix requests, server alive`);
		assert.ok(client.process.exitCode === null, 'the server is still running');
	});
});
