/**
 * Benchmarks (a) the classification pass and (b) the full mixed-script check with phrase
 * context, on ≥ 50 MB of simplified and of traditional text. Prints JSON lines for run.mjs.
 */
import { allRules, CorpusDocument, defaultLintOptions, LanguageService } from '../server/src/service';
import { countScript } from '../server/src/service/script/detect';
import { scriptTables } from '../server/src/service/script/tables';
import { buildDocuments, seedTexts, utf8Bytes } from './corpus';

const megabytes = Number(process.env.BENCH_MB ?? 50);
const seeds = seedTexts();
const t0 = performance.now();
scriptTables();
const loadMs = performance.now() - t0;
console.log(JSON.stringify({ name: 'tables load', ms: loadMs }));

for (const script of ['simplified', 'traditional'] as const) {
	const docs = buildDocuments(seeds[script], megabytes);
	const bytes = utf8Bytes(docs);
	// (a) classification: dominant script and single-script characters.
	let best = Infinity;
	for (let run = 0; run < 3; run++) {
		const start = performance.now();
		let s = 0;
		for (const d of docs) { s += countScript(d).simplified; }
		best = Math.min(best, performance.now() - start);
		if (s < 0) { console.log(s); }
	}
	console.log(JSON.stringify({ name: `classification (${script})`, mb: bytes / 1e6, ms: best, mbps: bytes / 1e6 / (best / 1000) }));
	// (b) the full check; a new service per run so that no line cache is warm.
	best = Infinity;
	let problems = 0;
	for (let run = 0; run < 2; run++) {
		const service = new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined } });
		// The mixed-script rule alone: every other rule off.
		const rules = Object.fromEntries(allRules.filter((r) => r.id !== 'mixed-script').map((r) => [r.id, 'off' as const]));
		const options = { ...defaultLintOptions, rules, maxProblems: Number.MAX_SAFE_INTEGER };
		const start = performance.now();
		problems = 0;
		docs.forEach((d, i) => { problems += service.lint(new CorpusDocument(`file:///${i}.txt`, 1, d), options).length; });
		best = Math.min(best, performance.now() - start);
	}
	console.log(JSON.stringify({ name: `mixed-script check (${script})`, mb: bytes / 1e6, ms: best, mbps: bytes / 1e6 / (best / 1000), problems }));
}

// All rules (mixed-script and boilerplate) on one 1 MB document and on 10,000 seed-sized documents.
{
	const service = () => new LanguageService({ workspace: { listFiles: async () => [], readFile: async () => undefined } });
	const options = { ...defaultLintOptions, maxProblems: Number.MAX_SAFE_INTEGER };
	for (const script of ['simplified', 'traditional'] as const) {
		const [doc] = buildDocuments(seeds[script], 1, 1e6);
		const s = service();
		const start = performance.now();
		const problems = s.lint(new CorpusDocument('file:///1mb.txt', 1, doc), options).length;
		console.log(JSON.stringify({ name: `all rules, one 1 MB document (${script})`, mb: utf8Bytes([doc]) / 1e6, ms: performance.now() - start, problems }));
	}
	const docs = [...buildDocuments(seeds.simplified, 33, 6_000).slice(0, 5_000), ...buildDocuments(seeds.traditional, 33, 6_000).slice(0, 5_000)];
	const s = service();
	const start = performance.now();
	let problems = 0;
	docs.forEach((d, i) => { problems += s.lint(new CorpusDocument(`file:///${i}.txt`, 1, d), options).length; });
	console.log(JSON.stringify({ name: `all rules, ${docs.length.toLocaleString('en')} documents (half traditional)`, mb: utf8Bytes(docs) / 1e6, ms: performance.now() - start, problems }));

	// "Clean Workspace…" computes fix-all per file (re-linting until stable): its cost per corpus.
	const cleanStart = performance.now();
	let edits = 0;
	docs.forEach((d, i) => { edits += s.clean(new CorpusDocument(`file:///${i}.txt`, 1, d), options, ['boilerplate', 'mixed-script']).length; });
	console.log(JSON.stringify({ name: `clean (fix-all), ${docs.length.toLocaleString('en')} documents`, mb: utf8Bytes(docs) / 1e6, ms: performance.now() - cleanStart, problems: edits }));
}
