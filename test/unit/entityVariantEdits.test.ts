// entity.variant while the user types: an open document's warnings must stay where they belong
// between two indexings of its names. Random edits (in both scripts, on the labelled fixture
// test/fixtures/entities/variants and on the shared corpus's pages) are applied to an indexed
// document, and its warnings are compared with those of the same corpus indexed from scratch
// with the edited text. Documented as approximate until the next indexing (editedMentions.ts):
// what the edit changes in the corpus's names — a warning whose person or sound-alike has other
// counts, type or spreading in the fresh index than in the last one, on a line where such a
// name is mentioned. Everything else must be equal: ranges, messages, fixes, related places.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CorpusDocument, foldText, LanguageService, Problem } from '../../server/src/service';
import { discover } from '../../server/src/service/entities/discovery';
import { matchNames } from '../../server/src/service/entities/matcher';
import { editedMentions } from '../../server/src/service/entities/editedMentions';
import type { EntityTable } from '../../server/src/service/entities/entityTable';
import { entityVariant } from '../../server/src/service/rules/entityVariant';
import { createJobRunner } from '../../server/src/worker/jobs';
import { corpusSnapshot } from '../../server/src/worker/snapshot';
import { HeldByWorker, keysAfter, openCheckJob } from '../../server/src/worker/textChange';
import type { CheckResult } from '../../server/src/worker/protocol';
import type { Segmenter, Tagger } from '../../server/src/service/types';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyDiagnosticsDelta } from '../../server/src/lsp/diagnosticsDelta';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { fixtures, MemoryWorkspace, options, seedsDir, service } from './helpers';

const jieba = service();

const fixtureDir = path.join(fixtures, 'entities', 'variants');
const uriOf = (name: string) => `file:///corpus/${name}`;

function readDir(dir: string): Map<string, string> {
	return new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [uriOf(f), fs.readFileSync(path.join(dir, f), 'utf8')]));
}

/** The corpus indexed from scratch, as a cold start leaves it: every file's names found, then every file matched (twice: spreading settles). */
async function indexed(files: ReadonlyMap<string, string>): Promise<LanguageService> {
	const ws = new MemoryWorkspace();
	for (const [uri, text] of files) { ws.files.set(uri, text); }
	// entity.variant alone: it reads the entity index only.
	const svc = new LanguageService({ workspace: ws, segmenter: jieba.segmenter, tagger: jieba.tagger, rules: [entityVariant] });
	const index = svc.entities.index;
	for (const [uri, text] of files) { index.ensure(uri); index.discover(uri, text); }
	for (let round = 0; round < 2; round++) { for (const [uri, text] of files) { index.match(uri, text); } }
	for (const [uri, text] of files) { svc.entities.markDiscovered(uri, new CorpusDocument(uri, 1, text).stamp); }
	return svc;
}

const loneCr = /\r(?!\n)/;
const variants = (svc: LanguageService, doc: CorpusDocument): Problem[] => svc.lint(doc, options()).filter((p) => p.ruleId === 'entity.variant');

describe('entity.variant while the user types', function () {
	this.timeout(300000);

	it('reports the fixture\'s labelled variants when indexed from scratch', async () => {
		const labels = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'labels.json'), 'utf8')) as { flags: Record<string, [string, string][]> };
		const files = readDir(fixtureDir);
		const svc = await indexed(files);
		for (const [name, expected] of Object.entries(labels.flags)) {
			const doc = new CorpusDocument(uriOf(name), 1, files.get(uriOf(name))!);
			const got = variants(svc, doc).map((p) => [doc.text.slice(p.start, p.end), p.fixes[0].edits[0].newText]);
			// The labels list what is reported, not in which order.
			assert.deepEqual(got.map((g) => g.join(" ")).sort(), expected.map((g) => g.join(" ")).sort(), name);
		}
	});

	it('keeps the fixture\'s warnings through random edits, as a fresh index of the edited text gives them', async () => {
		const files = readDir(fixtureDir);
		const names = ['刘志源', '刘志远', '王小东', '王晓东', '陳家明', '陳嘉明', '林志浩', '林志豪', '张建国'];
		const inserts = ['', '后', ' ', '，', '\n', '\r\n', '\n\n', ...names, ...names.map((n) => `副局长${n}说`), '市统计局副局长刘志源介绍了情况。\n'];
		const tally = new Tally();
		for (const [name, corpus] of documents(files)) {
			const base = await Base.of(corpus, uriOf(name));
			const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom(...inserts) });
			await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
				await compareWithFresh(corpus, base, edits, tally);
			}), { numRuns: 60, seed: 18 });
		}
		tally.assertMeaningful(200);
	});

	it('keeps the shared corpus pages\' warnings through random edits, as a fresh index gives them', async function () {
		const pagesDir = path.join(seedsDir, '..', 'web-pages');
		if (!fs.existsSync(seedsDir) || !fs.existsSync(pagesDir)) { console.log(`      skipped: ${seedsDir} or ${pagesDir} absent`); this.skip(); }
		const files = new Map([...readDir(seedsDir), ...readDir(pagesDir)]);
		const svc = await indexed(files);
		// The pages with the most warnings, traditional and simplified.
		const counted = [...files].map(([uri, text]) => ({ uri, text, n: variants(svc, new CorpusDocument(uri, 1, text)).length })).filter((d) => d.n > 0);
		const traditional = (t: string) => foldText(t) !== t;
		const pick = (tw: boolean) => counted.filter((d) => (foldText(d.text).length > 0) && traditional(d.text) === tw).sort((a, b) => b.n - a.n).slice(0, 4);
		const chosen = [...pick(false), ...pick(true)];
		assert.ok(pick(false).length > 0 && pick(true).length > 0, `pages with warnings in both scripts: ${counted.map((d) => `${path.basename(d.uri)} ${d.n}`).join(', ')}`);
		const tally = new Tally();
		for (const { uri, text } of chosen) {
			const base = await Base.of(files, uri, svc);
			const lines = text.split('\n').filter((l) => l.trim().length > 0);
			const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom('', '后', '\n', '，', '\r\n'), fc.constantFrom(...lines).map((l) => `${l}\n`)) });
			await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
				await compareWithFresh(files, base, edits, tally);
			}), { numRuns: 8, seed: 18 });
		}
		tally.assertMeaningful(30);
	});
});

describe('mentions moved through edits (editedMentions)', function () {
	this.timeout(300000);

	it('equal a match of the whole edited text against the same names, on every line', async () => {
		const files = readDir(fixtureDir);
		const pagesDir = path.join(seedsDir, '..', 'web-pages');
		const shared = fs.existsSync(pagesDir) ? [...readDir(seedsDir), ...readDir(pagesDir)].filter(([, t]) => t.length < 30_000).slice(0, 12) : [];
		if (shared.length === 0) { console.log(`      shared pages absent (${pagesDir}): the fixture only`); }
		const corpus = new Map([...files, ...shared]);
		const svc = await indexed(corpus);
		const table = svc.entities.index.table;
		const refind = { names: table, tagger: svc.tagger! };
		let lines = 0, moved = 0;
		for (const [uri, text] of corpus) {
			const base = new CorpusDocument(uri, 1, text);
			const packed = svc.entities.index.packedMentions(uri);
			const pieces = text.split(/(?<=\n)/).filter((l) => l.trim().length > 0);
			const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.oneof(fc.constantFrom('', '后', '\n', '\r\n', '王晓东', '陳嘉明'), fc.constantFrom(...pieces)) });
			fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
				let doc = base;
				for (const e of edits) { doc = CorpusDocument.derive(doc, doc.version + 1, applyEdit(doc.text, e)); }
				const got = editedMentions(base, packed, doc, refind);
				if (loneCr.test(doc.text)) { assert.equal(got, undefined); return; }
				const found = discover(doc.text, svc.tagger!);
				const whole = matchNames(doc.text, Int32Array.from(found.flatMap((f) => [f.start, f.end])), table, svc.tagger!.nameModel?.words).mentions;
				assert.deepEqual(Array.from(got!), Array.from(whole), JSON.stringify(edits));
				lines += doc.lines.length;
				if (doc.lines.length !== base.lines.length && whole.length > 0) { moved++; }
			}), { numRuns: 25, seed: 18 });
		}
		assert.ok(moved >= 20, `${moved} edits moved mentions to other lines (${lines} lines compared)`);
	});

	it('leaves the lines it cannot tag again (no tagger, too much new text) without mentions, and moves the others', async () => {
		const files = readDir(fixtureDir);
		const svc = await indexed(files);
		const uri = uriOf('doc.txt');
		const base = new CorpusDocument(uri, 1, files.get(uri)!);
		const packed = svc.entities.index.packedMentions(uri);
		const lines = base.text.split('\n');
		// A line typed at the top: every mention moves one line down; the new line's own are found only with a tagger.
		const typed = CorpusDocument.derive(base, 2, `市统计局副局长刘志源说。\n${base.text}`);
		const moved = Array.from(editedMentions(base, packed, typed)!);
		assert.deepEqual(moved.filter((_, i) => i % 4 === 0), Array.from(packed).filter((_, i) => i % 4 === 0).map((l) => l + 1));
		const refind = { names: svc.entities.index.table, tagger: svc.tagger! };
		// 市统计局 and 刘志源.
		assert.equal(editedMentions(base, packed, typed, refind)!.length, packed.length + 8);
		// More new text than is tagged per keystroke: its lines wait for the indexing, the rest is moved.
		const pasted = CorpusDocument.derive(base, 2, `${'市统计局副局长刘志源说。'.repeat(2000)}\n${lines.join('\n')}`);
		assert.deepEqual(Array.from(editedMentions(base, packed, pasted, refind)!), moved);
		// A lone \r: the matcher's lines (\n) and the document's (\r too) part, so nothing is claimed.
		assert.equal(editedMentions(base, packed, CorpusDocument.derive(base, 2, `刘志源\r${base.text}`), refind), undefined);
	});
});

describe('entity.variant of a large open document, checked in its worker while the user types', function () {
	this.timeout(300000);

	it('gives the warnings the server\'s thread gives, from the indexed snapshot and the edits', async () => {
		const files = readDir(fixtureDir);
		const names = ['刘志源', '刘志远', '王小东', '王晓东', '陳家明', '陳嘉明', '林志豪', '张建国'];
		const inserts = ['', '后', '\n', '\r\n', ...names, ...names.map((n) => `副局长${n}说`)];
		let compared = 0, unlisted = 0, moved = 0;
		for (const [name, corpus] of documents(files)) {
			const base = await Base.of(corpus, uriOf(name));
			const uri = base.doc.uri;
			// The edited text's snapshot: no shared passages, the names with the text they are located in.
			const snapshot = corpusSnapshot(base.svc, uri, false);
			assert.equal(snapshot.entities?.base, base.doc.text);
			const listed = new Set(snapshot.entities!.mentions.map((m) => m[3].id));
			const worker = createJobRunner(base.svc.tagger as Segmenter & Tagger, false);
			worker.control({ kind: 'names', reset: true, rows: [...base.svc.entities.index.table.rows()] });
			const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.constantFrom(...inserts) });
			let token = 0;
			await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
				worker.control({ kind: 'closed', uri });
				let held: (HeldByWorker & { diagnostics: Diagnostic[] }) | undefined;
				let doc = base.doc;
				for (const e of edits) {
					doc = CorpusDocument.derive(doc, doc.version + 1, applyEdit(doc.text, e));
					if (loneCr.test(doc.text)) { return; }
					const job = openCheckJob(uri, doc.version, doc.text, options(), snapshot, 'edited', ++token, held);
					const r = await worker.run(job) as CheckResult;
					assert.ok(!r.resend);
					held = { token: job.token!, version: doc.version, text: doc.text, corpusKeys: keysAfter(held, 'edited'), diagnostics: r.delta ? applyDiagnosticsDelta(held!.diagnostics, r.delta) : r.diagnostics! };
					const got = held.diagnostics.filter((d) => d.code === 'entity.variant');
					// A person first written in this edit, mentioned nowhere in the indexed text: the snapshot does not list it (documented).
					const all = variants(base.svc, doc);
					const expected = all.filter((p) => listed.has(base.svc.entities.index.table.idOfKey(foldText(doc.text.slice(p.start, p.end)))!)).map((p) => toDiagnostic(doc, p));
					assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(expected)), JSON.stringify(edits));
					compared += expected.length;
					unlisted += all.length - expected.length;
					if (doc.lines.length !== base.doc.lines.length && expected.length > 0) { moved++; }
				}
			}), { numRuns: 40, seed: 18 });
		}
		assert.ok(compared >= 300 && moved >= 20, `${compared} warnings compared, ${moved} checks with lines moved, ${unlisted} not listed`);
	});
});

/** An indexed corpus and one of its documents open, its names indexed for its text. */
class Base {
	private constructor(readonly svc: LanguageService, readonly doc: CorpusDocument) { }

	static async of(files: ReadonlyMap<string, string>, uri: string, svc?: LanguageService): Promise<Base> {
		const s = svc ?? await indexed(files);
		const doc = new CorpusDocument(uri, 1, files.get(uri)!);
		// As the editor's host does when the user pauses: the text indexed is the open document's.
		s.entityMentions(doc);
		return new Base(s, doc);
	}
}

/** How much the comparisons compared: a property that compares nothing proves nothing. */
class Tally {
	compared = 0;
	shifted = 0;
	approximate = 0;
	add(compared: number, shifted: boolean, approximate: number): void {
		this.compared += compared;
		if (shifted && compared > 0) { this.shifted++; }
		this.approximate += approximate;
	}
	assertMeaningful(least: number): void {
		assert.ok(this.compared >= least, `${this.compared} warnings compared`);
		assert.ok(this.shifted >= 3, `${this.shifted} edits moved compared warnings to other lines`);
	}
}

async function compareWithFresh(files: ReadonlyMap<string, string>, base: Base, edits: readonly Edit[], tally: Tally): Promise<void> {
	// The versions the editor sends, each derived from the last (as the server's thread does).
	let doc = base.doc;
	for (const e of edits) { doc = CorpusDocument.derive(doc, doc.version + 1, applyEdit(doc.text, e)); }
	// Documented: a lone \r parts the matcher's lines from the document's; such a text waits for its indexing.
	if (loneCr.test(doc.text)) { return; }
	const uri = doc.uri;
	const fresh = await indexed(new Map([...files, [uri, doc.text]]));
	const freshDoc = new CorpusDocument(uri, 1, doc.text);
	const was = base.svc.entities.index.table, now = fresh.entities.index.table;
	const moving = unsettled(was, now);
	const skipLines = new Set([...linesMentioning(base.svc, was, doc.text, moving), ...linesMentioning(fresh, now, doc.text, moving)]);
	const comparable = (d: CorpusDocument) => (p: Problem) => {
		const s = shown(d, p);
		return !skipLines.has(s.line) && !moving.has(s.names[0]) && !moving.has(foldText(s.names[1]));
	};
	const all = variants(fresh, freshDoc);
	const expected = all.filter(comparable(freshDoc)).map((p) => shown(freshDoc, p).key).sort();
	const got = variants(base.svc, doc).filter(comparable(doc)).map((p) => shown(doc, p).key).sort();
	assert.deepEqual(got, expected, `edits ${JSON.stringify(edits)}; names whose standing changed: ${[...moving].join(' ')}`);
	tally.add(expected.length, doc.lines.length !== base.doc.lines.length, all.length - expected.length);
}

/**
 * The fixture's documents to edit, and the traditional one again named to come first in the
 * corpus: the first mention of 陳嘉明 (a warning's related place) is then in the edited text.
 */
function documents(files: ReadonlyMap<string, string>): [string, Map<string, string>][] {
	const renamed = new Map([...files].map(([uri, text]) => [uri === uriOf('doc-tw.txt') ? uriOf('0-doc-tw.txt') : uri, text]));
	return [['doc.txt', new Map(files)], ['doc-tw.txt', new Map(files)], ['0-doc-tw.txt', renamed]];
}

/** One edit: replace `remove` units at `at` (modulo the length) with `insert`. */
interface Edit { readonly at: number; readonly remove: number; readonly insert: string }

function applyEdit(text: string, e: Edit): string {
	const at = e.at % (text.length + 1);
	return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Entities whose standing the edit changed: their warnings wait for the next indexing. */
function unsettled(before: EntityTable, after: EntityTable): Set<string> {
	const keys = new Set<string>();
	for (const t of [before, after]) { for (const e of t.live()) { for (const k of e.keys) { keys.add(k); } } }
	const out = new Set<string>();
	const standing = (t: EntityTable, key: string) => {
		const e = t.byKey(key);
		return e ? `${t.typeOf(e)} ${e.mentionTotal} ${e.mentionFiles.size} ${t.spreads(e)} ${e.name}` : 'none';
	};
	for (const k of keys) { if (standing(before, k) !== standing(after, k)) { out.add(k); } }
	return out;
}

/** A warning as the editor shows it, and the names it is about (the mention's, the fix's). */
function shown(doc: CorpusDocument, p: Problem): { line: number; key: string; names: [string, string] } {
	const { line } = doc.positionAt(p.start);
	const key = JSON.stringify({ start: p.start, end: p.end, message: p.message, fixes: p.fixes, related: p.related });
	return { line, key, names: [foldText(doc.text.slice(p.start, p.end)), p.fixes[0].edits[0].newText] };
}

/** Lines of `text` where a name of `keys` is mentioned, matched against `table` as the index would. */
function linesMentioning(svc: LanguageService, table: EntityTable, text: string, keys: ReadonlySet<string>): Set<number> {
	const found = discover(text, svc.tagger!);
	const spans = Int32Array.from(found.flatMap((f) => [f.start, f.end]));
	const m = matchNames(text, spans, table, svc.tagger!.nameModel?.words).mentions;
	const out = new Set<number>();
	for (let i = 0; i < m.length; i += 4) {
		const e = table.get(m[i + 3]);
		if (e && [...e.keys].some((k) => keys.has(k))) { out.add(m[i]); }
	}
	return out;
}
