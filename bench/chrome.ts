/**
 * Page chrome (issue 16): the page model and template detection on a generated multi-site
 * corpus whose chrome is the dev set's (../shared/corpus/web-pages, read at run time) and whose
 * articles differ page by page, 200 pages per site; and the page model's cost against document
 * length (a page repeated 1 and 16 times: linear means the same MB/s).
 */
import { CorpusDocument, LanguageService, Workspace } from '../server/src/service';
import { analyze } from '../server/src/service/boilerplate/analysis';
import { defaultLintOptions } from '../server/src/service/defaults';
import { generatedSites } from '../test/support/templateCorpus';

const bytes = (texts: readonly string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

async function main(): Promise<void> {
	const pages = generatedSites(200);
	const files = new Map(pages.map((p) => [p.uri, p.text]));
	const workspace: Workspace = { listFiles: async () => [...files.keys()], readFile: async (uri) => ({ text: files.get(uri)! }) };
	const svc = new LanguageService({ workspace });
	const mb = bytes(pages.map((p) => p.text)) / 1e6;
	let start = performance.now();
	await svc.index.scan();
	console.log(JSON.stringify({ name: `chrome: index ${pages.length.toLocaleString('en')} generated pages`, mb, ms: performance.now() - start, mbps: mb / ((performance.now() - start) / 1000) }));
	const options = { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER };
	let template = 0, found = 0, bodyFlagged = 0;
	start = performance.now();
	for (const page of pages) {
		const doc = new CorpusDocument(page.uri, 1, page.text);
		const flagged = new Set<number>();
		for (const p of svc.lint(doc, options)) {
			if (p.ruleId !== 'boilerplate.repeated-line' && !(p.ruleId === 'boilerplate.block' && / files /.test(p.message))) { continue; }
			for (let i = doc.lineAt(p.start); i <= doc.lineAt(p.end); i++) { flagged.add(i); }
		}
		page.template.forEach((t, i) => {
			if (doc.lines[i].text.trim() === '') { return; }
			if (t) { template++; if (flagged.has(i)) { found++; } } else if (flagged.has(i)) { bodyFlagged++; }
		});
	}
	const ms = performance.now() - start;
	console.log(JSON.stringify({ name: `chrome: all rules on the generated pages (template lines found ${(found / template).toFixed(3)}, body lines flagged ${bodyFlagged})`, mb, ms, mbps: mb / (ms / 1000) }));

	// The page model alone, on one page and on that page 16 times over (one long document); every
	// line made unique, so that no per-line cache makes a repeat free. Warmed up first.
	const page = pages[0].text.split('\n');
	const unique = (times: number, salt: number) => Array.from({ length: times }, (_, k) => page.map((l, i) => (l.trim() ? `${salt}.${k}.${i}${l}` : l)).join('\n')).join('\n');
	for (const [round, times] of [[0, 1], [0, 16], [1, 1], [1, 16]]) {
		const docs = Array.from({ length: 400 / times }, (_, i) => new CorpusDocument(`file:///long${i}.txt`, 1, unique(times, round * 1000 + i)));
		const text = docs[0].text;
		start = performance.now();
		for (const doc of docs) { analyze(doc); }
		const took = performance.now() - start;
		const size = (Buffer.byteLength(text) * docs.length) / 1e6;
		if (round === 0) { continue; }
		console.log(JSON.stringify({ name: `chrome: page analysis, documents of ${(Buffer.byteLength(text) / 1e3).toFixed(0)} KB`, mb: size, ms: took, mbps: size / (took / 1000) }));
	}
}

void main();
