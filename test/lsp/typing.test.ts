/**
 * A large document's names while the user types (corpus/typingGate.ts, lsp/openDocuments.ts): its
 * indexing is asked when the user pauses, or after a few seconds of typing on (also when the user
 * typed from the moment it opened), waits while the user types, and still gets done when the user
 * never pauses for long (a slice of time every few seconds); the version typed last is indexed
 * once the user pauses. Names of an open large document are read through references, which
 * answer from its last indexing.
 */
import * as assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-protocol';
import { workspaceSessions } from './workspaceSessions';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a large document typed in without pauses', function () {
	this.timeout(180_000);
	const sessions = workspaceSessions('zh-corpus-typing-');
	afterEach(() => sessions.stopAll());

	// Numbered lines: each is tagged (none is the line cache's), ≈ 250,000 units.
	const lines = Array.from({ length: 5000 }, (_, i) => (i % 50 === 1 ? `国家统计局局长康义在第${i}次发布会上介绍，今年经济运行总体平稳。` : `第${i}段，今年经济运行总体平稳，就业形势保持稳定。`));
	const mentions = lines.filter((l) => l.includes('康义')).length;

	/** A server with the large document opened (its first check answered when `awaitCheck`), and what the user does there. */
	async function openLarge(awaitCheck: boolean) {
		const { client, uri } = await sessions.start({ 'small.txt': '今天天气很好。\n' });
		const big = uri('big.txt');
		const opened = client.waitForDiagnostics(big, (p) => p.version === 1);
		await client.open(big, lines.join('\n'));
		if (awaitCheck) { await opened; }
		const references = async () => {
			const at = { textDocument: { uri: big }, position: { line: 1, character: lines[1].indexOf('康义') + 1 }, context: { includeDeclaration: true } };
			return ((await client.connection.sendRequest('textDocument/references', at)) as Location[] | null ?? []).filter((l) => l.uri === big).length;
		};
		let version = 1;
		const type = (text: string, line: number) => client.connection.sendNotification('textDocument/didChange', {
			textDocument: { uri: big, version: ++version },
			contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: text ? 0 : 1 } }, text }],
		});
		/** A keystroke every 30 ms (a character typed and deleted on the first line), never a pause of 400 ms, until the names are found. */
		const typeUntilFound = async (deadlineMs: number) => {
			const start = Date.now();
			let found = 0;
			while (found === 0) {
				assert.ok(Date.now() - start < deadlineMs, 'the names were indexed while the user typed on');
				for (let k = 0; k < 10; k++) { await type(version % 2 === 0 ? '' : '后', 0); await sleep(30); }
				found = await references();
			}
			assert.equal(found, mentions, `the opened text's mentions, found after ${Date.now() - start} ms of typing`);
		};
		return { references, type, typeUntilFound };
	}

	it('gets its names indexed while the user types on, and those of the version typed last once the user pauses', async () => {
		const { references, type, typeUntilFound } = await openLarge(true);
		await typeUntilFound(90_000);
		// A new mention at the end, then a pause: that version is indexed.
		await type(`\n国家统计局局长康义再次表示。`, lines.length - 1);
		const paused = Date.now();
		while (await references() !== mentions + 1) {
			assert.ok(Date.now() - paused < 60_000, 'the version typed last is indexed once the user pauses');
			await sleep(100);
		}
	});

	it('gets its names indexed when the user types on from the moment it opened, before its first check answered', async () => {
		// Its indexing was asked only after a pause of 400 ms, each keystroke restarting the wait: it
		// never came (openDocuments.ts's `indexWaits`). It is asked after 4 s, and done in the typing gate's slices.
		const { typeUntilFound } = await openLarge(false);
		await typeUntilFound(45_000);
	});
});
