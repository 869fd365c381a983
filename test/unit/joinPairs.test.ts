// The join pairs (server/data/join-pairs.bin, tools/build-join-pairs.mjs): layout.broken-paragraph
// segments a possible join only when some dictionary word holds the cut's two characters side by
// side. The table must be exactly the pairs of the dictionary the shipped jieba-wasm cuts with, and
// jieba must never make a word the table denies; then skipping those cuts changes no finding.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { CorpusDocument, LanguageService, type Segmenter } from '../../server/src/service';
import { normalizeLine } from '../../server/src/service/boilerplate/normalize';
import { allRules } from '../../server/src/service/rules';
import { JoinPairs, pairKey, pairsOfWords } from '../../server/src/service/text/joinPairs';
import { jiebaSegmenter } from '../../server/src/segmenter';
import { random } from '../support/random';
import { MemoryWorkspace, options, seedsDir } from './helpers';

const tablePath = path.resolve(__dirname, '..', '..', 'server', 'data', 'join-pairs.bin');
const table = JoinPairs.decode(fs.readFileSync(tablePath));
const jieba = jiebaSegmenter();
const webPagesDir = path.resolve(seedsDir, '..', 'web-pages');

/** The lines of every .txt of a shared corpus folder (none when it is absent). */
function sharedLines(dir: string): string[] {
	if (!fs.existsSync(dir)) { return []; }
	return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/));
}

/** Each word's neighbouring units that the segmenter (with the table beside the bundle) says no word may hold (should be none). */
function denied(words: readonly string[]): string[] {
	const out: string[] = [];
	for (const w of words) {
		for (let i = 0; i + 1 < w.length; i++) {
			if (!jieba.mayJoin!(w.charCodeAt(i), w.charCodeAt(i + 1))) { out.push(`${w} (${w.slice(i, i + 2)})`); }
		}
	}
	return out;
}

describe('join pairs', () => {
	it('are exactly the pairs inside the words of the dictionary jieba-wasm embeds (rebuild: node tools/build-join-pairs.mjs)', () => {
		// The .wasm the bundle loads (esbuild.mjs copies jieba-wasm's beside it).
		const wasm = fs.readFileSync(path.resolve(__dirname, 'jieba_rs_wasm_bg.wasm'));
		let dictionary = '';
		try { dictionary = inflateRawSync(wasm.subarray(table.source.wasmOffset)).toString('utf8'); } catch { /* compared below */ }
		assert.equal(createHash('sha256').update(dictionary).digest('hex'), table.source.sha256, 'jieba-wasm\'s dictionary is not the one the table was built from');
		const words = dictionary.split('\n').filter((l) => l !== '').map((l) => l.slice(0, l.indexOf(' ')));
		assert.ok(words.length > 300_000, `${words.length} words`);
		const rebuilt = JoinPairs.fromKeys(pairsOfWords(words), table.source);
		assert.equal(rebuilt.size, table.size);
		assert.deepEqual(Buffer.from(rebuilt.encode()), fs.readFileSync(tablePath));
	});

	it('round-trip through their file format, and answer by pair', () => {
		const words = ['重要', '尽管', '管理部门', 'AT&T', '𠀋一'];
		const pairs = JoinPairs.fromKeys(pairsOfWords(words), { wasmOffset: 123_456, sha256: 'ab'.repeat(32) });
		const back = JoinPairs.decode(pairs.encode());
		assert.deepEqual(back.source, pairs.source);
		assert.deepEqual(back.encode(), pairs.encode());
		const has = (a: string, b: string) => back.has(a.charCodeAt(0), b.charCodeAt(0));
		assert.ok(has('重', '要') && has('理', '部') && has('T', '&') && has('&', 'T'));
		assert.ok(!has('要', '重') && !has('管', '部') && !has('一', '𠀋'));
		const may = (a: string, b: string) => back.mayJoin(a.charCodeAt(a.length - 1), b.charCodeAt(0));
		assert.ok(may('5', 'G') && may('x', '1'), 'ASCII letters and digits: jieba joins their runs');
		assert.ok(may('\r', '\n'), 'jieba keeps a CRLF as one word');
		assert.ok(may('𠀋', '一') && may('一', '𠀋'), 'a surrogate is always asked of the segmenter');
		assert.ok(!may('，', '重') && !may('了', '重'));
		assert.throws(() => JoinPairs.decode(pairs.encode().subarray(0, 50)), /cut short/);
		assert.equal(pairKey(0xffff, 0xffff), 0xffffffff);
	});

	it('never deny a pair inside a word jieba makes (4,000 random texts, and the shared seeds and web pages)', () => {
		const pieces = ['重', '要', '重要', '尽管', '管理', '部门', '了', '作用', '，', '。', '“', '”', '2024', '年', '3', '.', '%', '-', '_', '#', '&', '+', 'AT', 'T',
			'abc', 'GDP', 'x', ' ', '\t', '　', '（', '(', '𠀋', '😀', '中华人民共和国', '记者', '小明', '乌镇', '峰会', 'ｅ', '·', '—', 'C', '++', '4S店', '\r\n'];
		const next = random(7);
		for (let n = 0; n < 4000; n++) {
			let text = '';
			for (let i = Math.floor(next() * 12); i > 0; i--) { text += pieces[Math.floor(next() * pieces.length)]; }
			assert.deepEqual(denied(jieba.cut(text)), [], JSON.stringify(text));
		}
		const lines = [...sharedLines(seedsDir), ...sharedLines(webPagesDir)].map(normalizeLine);
		if (lines.length === 0) { console.log('    ../shared/corpus is absent: real text not cut'); return; }
		assert.deepEqual(denied(jieba.cutMany!(lines).flat()), []);
	});

	it('change no layout.broken-paragraph finding: paragraphs of the shared seeds and web pages cut at random points', function () {
		const paragraphs = [...sharedLines(seedsDir), ...sharedLines(webPagesDir)].map((l) => l.trim()).filter((l) => l.length >= 40 && /[。！？]/.test(l.slice(0, -10)));
		if (paragraphs.length === 0) { console.log('    ../shared/corpus is absent: no cut paragraphs'); this.skip(); }
		const without: Segmenter = { cut: (t) => jieba.cut(t), cutMany: (t) => jieba.cutMany!(t) };
		const lint = (segmenter: Segmenter, doc: CorpusDocument) => new LanguageService({ workspace: new MemoryWorkspace(), segmenter }).lint(doc, options({ rules: onlyBrokenParagraph }));
		const next = random(11);
		let joins = 0, documents = 0;
		for (let at = 0; at < paragraphs.length; at += 12) {
			// Twelve paragraphs, each cut after a finished sentence at a random point, continuations in shuffled order after them.
			const heads: string[] = [], tails: string[] = [];
			for (const p of paragraphs.slice(at, at + 12)) {
				const cut = p.search(/[。！？]/) + 1 + Math.floor(next() * (p.length - p.search(/[。！？]/) - 3));
				heads.push(p.slice(0, cut));
				tails.splice(Math.floor(next() * (tails.length + 1)), 0, `${p.slice(cut)}，`);
			}
			const doc = new CorpusDocument(`file:///cut${at}.txt`, 0, [...heads, ...tails].join('\n'));
			const found = lint(jieba, doc);
			assert.deepEqual(found, lint(without, doc), doc.text);
			joins += found.filter((p) => p.fixes.length > 0).length;
			documents++;
		}
		console.log(`    ${joins} joins in ${documents} documents`);
		assert.ok(joins > documents, `${joins} joins in ${documents} documents: the cuts must make joins for the comparison to mean anything`);
	});
});

const onlyBrokenParagraph = Object.fromEntries(allRules.map((r) => [r.id, r.id === 'layout.broken-paragraph' ? 'warning' : 'off'] as const));
