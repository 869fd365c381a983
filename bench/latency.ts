/**
 * Benchmarks (c): from a one-character `didChange` to the pushed diagnostics for that version
 * of a 1 MB document, over stdio with a real JSON-RPC client. Default settings, no debounce.
 */
import { LspClient } from '../test/lsp/lspClient';
import { buildDocuments, seedTexts } from './corpus';

async function measure(script: 'simplified' | 'traditional', megabytes: number, edits: number): Promise<void> {
	const text = buildDocuments(seedTexts()[script], megabytes, megabytes * 1e6)[0];
	const client = new LspClient();
	await client.initialize();
	const uri = `file:///bench/${script}-${megabytes}.txt`;
	let waiting = client.waitForDiagnostics(uri);
	const openStart = performance.now();
	await client.open(uri, text);
	const first = await waiting;
	const openMs = performance.now() - openStart;
	const times: number[] = [];
	const line = Math.floor(text.split('\n').length / 2);
	for (let v = 2; v < edits + 2; v++) {
		waiting = client.waitForDiagnostics(uri, (p) => p.version === v);
		const start = performance.now();
		// Alternately insert and delete one character in the middle of the document.
		const change = v % 2 === 0
			? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '后' }
			: { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
		await waiting;
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	console.log(JSON.stringify({
		name: `didChange → diagnostics, ${megabytes >= 1 ? `${megabytes} MB` : `${megabytes * 1000} KB`} ${script}`,
		ms: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)], openMs, diagnostics: first.diagnostics.length,
	}));
	await client.stop();
}

(async () => {
	await measure('traditional', 1, 41);
	await measure('simplified', 1, 41);
	await measure('traditional', 0.01, 101);
})().catch((e) => { console.error(e); process.exit(1); });
