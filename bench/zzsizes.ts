import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/lsp/lspClient';
import { buildDocuments, seedTexts } from './corpus';
(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-sizes-'));
	fs.writeFileSync(path.join(dir, 'a.txt'), '今天天气很好。\n');
	const client = new LspClient({ workspaceFolder: dir, progress: true });
	await client.initialize();
	await client.progressEnded;
	for (const script of ['simplified', 'traditional'] as const) {
		const text = buildDocuments(seedTexts()[script], 1, 1e6)[0];
		const uri = pathToFileURL(path.join(dir, `large-${script}.txt`)).href;
		const problems = client.waitForDiagnostics(uri);
		await client.open(uri, text);
		const d = await problems;
		console.log(script, 'lines', text.split('\n').length, 'diagnostics', JSON.stringify(d).length);
		for (const m of ['textDocument/semanticTokens/full', 'textDocument/documentSymbol', 'textDocument/foldingRange']) {
			const t = performance.now();
			const r = await client.connection.sendRequest(m, { textDocument: { uri } });
			if (m.endsWith("Symbol")) console.log(JSON.stringify(r).slice(0, 1500)); console.log(m, (performance.now() - t).toFixed(0), 'ms', JSON.stringify(r).length, 'chars', Array.isArray(r) ? r.length + ' items' : '');
		}
	}
	await client.stop();
})();
