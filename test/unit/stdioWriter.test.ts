// The stdio transport's encoder (lsp/stdioWriter.ts) writes a message piece by piece into a
// buffer it keeps: its bytes must be the library's, Buffer.from(JSON.stringify(message)), for
// any message, and a message must not be changed by the encoding of the one before it.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Message } from 'vscode-languageserver/node';
import { jsonPieces, locationArray, maxKeptBytes, reusingJsonEncoder } from '../../server/src/lsp/stdioWriter';

const library = (msg: unknown) => Buffer.from(JSON.stringify(msg, undefined, 0), 'utf-8');
const encode = async (encoder: ReturnType<typeof reusingJsonEncoder>, msg: unknown) => Buffer.from(await encoder.encode(msg as Message, { charset: 'utf-8' }));

/** A large document's pushed diagnostics, as the server sends them. */
function published(count: number, version: number): unknown {
	const diagnostics = Array.from({ length: count }, (_, i) => ({
		range: { start: { line: i * 3, character: i % 7 }, end: { line: i * 3, character: (i % 7) + 4 } },
		severity: 2, source: 'zh-corpus', code: 'mixed-script', message: `繁體文本中混入了簡體字「后」（第 ${i} 處）\u{1F600}`, data: { version, id: i },
		...(i % 5 === 0 ? { relatedInformation: [{ location: { uri: 'file:///a.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } } }, message: '原文' }] } : {}),
	}));
	return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///bench/traditional-1.txt', version, diagnostics } };
}

describe('stdio encoder: the library\'s bytes from a kept buffer', () => {
	it('writes a large document\'s diagnostics as JSON.stringify and Buffer.from do, message after message', async () => {
		const encoder = reusingJsonEncoder();
		for (const [count, version] of [[1000, 2], [1000, 3], [10, 4], [3000, 5], [0, 6]]) {
			const msg = published(count, version);
			assert.deepEqual(await encode(encoder, msg), library(msg));
		}
	});

	it('takes apart only what JSON.stringify walks the same way: values left out, null in arrays, other objects, toJSON', async () => {
		const encoder = reusingJsonEncoder();
		class Point { constructor(readonly x: number) { } }
		const cases: unknown[] = [
			{ jsonrpc: '2.0', id: 1, result: null },
			{ jsonrpc: '2.0', id: 2, result: [1, undefined, () => 1, Symbol('s'), NaN, -0, Infinity, 'x', [undefined]] },
			{ a: undefined, b: () => 1, c: Symbol('s'), d: 1, e: { f: undefined }, g: [] , h: {} },
			{ first: undefined, second: 2 },
			{ params: { when: new Date(0), at: { toJSON: (key: string) => `key ${key}` } } },
			{ toJSON: () => ({ replaced: true }) },
			{ params: { map: new Map([[1, 2]]), set: new Set([1]), point: new Point(3), boxed: [new Number(1), new String('s'), new Boolean(false)] } },
			{ params: Object.assign(Object.create(null), { z: 1, a: '\ud800 lone surrogate \udfff', '\u2028': 'line separator' }) },
			{ params: { deep: { deeper: { deepest: { list: [{ a: 1 }, [2, [3, [4]]]] } } } } },
			{ [Symbol('hidden')]: 1, shown: '引號"和\\反斜線\n' },
		];
		for (const msg of cases) { assert.deepEqual(await encode(encoder, msg), library(msg), JSON.stringify(msg)); }
	});

	it('matches the library on random JSON-like messages', async () => {
		const encoder = reusingJsonEncoder();
		await fc.assert(fc.asyncProperty(fc.anything({ maxKeys: 40, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withDate: true, maxDepth: 5 }), async (value) => {
			const msg = { jsonrpc: '2.0', method: 'x', params: value };
			let expected: Buffer | Error;
			try { expected = library(msg); } catch (e) { expected = e as Error; }
			if (expected instanceof Error) { await assert.rejects(encoder.encode(msg as Message, { charset: 'utf-8' })); return; }
			assert.deepEqual(await encode(encoder, msg), expected);
		}), { numRuns: 300 });
	});

	it('encodes a message above the kept size into a buffer of its own', async () => {
		const encoder = reusingJsonEncoder();
		const big = { jsonrpc: '2.0', method: 'x', params: { text: '字'.repeat(maxKeptBytes / 3 + 10) } };
		const small = published(5, 1);
		const first = await encoder.encode(small as Message, { charset: 'utf-8' });
		const copy = Buffer.from(first);
		assert.deepEqual(Buffer.from(await encoder.encode(big as Message, { charset: 'utf-8' })), library(big));
		// The big one did not use (and so did not overwrite) the kept buffer.
		assert.deepEqual(Buffer.from(first), copy);
	});

	it('splits the outer levels into pieces: a run of diagnostics is one, a short text', () => {
		const pieces: string[] = [];
		jsonPieces(published(40, 1), pieces);
		assert.equal(pieces.join(''), JSON.stringify(published(40, 1)));
		const runs = pieces.filter((p) => p.startsWith('{"range"'));
		assert.deepEqual(runs.map((r) => r.split('{"range"').length - 1), [16, 16, 8]);
	});

	it('matches the library on long arrays: runs with holes, values left out, and toJSON in the middle', async () => {
		const encoder = reusingJsonEncoder();
		// Each starts with an object: an array that starts with anything else is one piece, and these are for the runs.
		const long = Array.from({ length: 45 }, (_, i) => [{ a: i, b: undefined }, i, undefined, () => i, Symbol('s'), null][i % 6]);
		const sparse = new Array(40);
		sparse[0] = { start: true };
		sparse[3] = 'x';
		sparse[33] = { y: 1 };
		const withToJson = Array.from({ length: 40 }, (_, i) => (i === 20 ? { toJSON: (key: string) => `index ${key}` } : { i }));
		// Values left out beside a toJSON in one run.
		const leftOutBeside = withToJson.map((v, i) => (i === 21 ? undefined : i === 22 ? () => i : v));
		for (const params of [long, sparse, withToJson, leftOutBeside, { list: withToJson }, [[...long], [...long]]]) {
			const msg = { jsonrpc: '2.0', method: 'x', params };
			assert.deepEqual(await encode(encoder, msg), library(msg), JSON.stringify(msg));
		}
	});

	it('writes a references answer (locations made by the handler) as the library does, for any URI and position', async () => {
		const encoder = reusingJsonEncoder();
		const position = fc.record({ line: fc.nat(), character: fc.nat() });
		// URIs with quotes, escapes, lone surrogates and non-ASCII text: each stringified once per run of one file.
		const uri = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('file:///a.txt', 'file:///%E4%B8%AD.txt', 'file:///\u4e2d"\n.txt'));
		const locations = fc.array(fc.tuple(uri, position, position, fc.nat(3)), { maxLength: 300 })
			.map((rows) => rows.flatMap(([u, start, end, repeat]) => Array.from({ length: repeat + 1 }, () => ({ uri: u, range: { start, end } }))));
		await fc.assert(fc.asyncProperty(locations, fc.boolean(), async (list, nested) => {
			const result = locationArray(list);
			const msg = { jsonrpc: '2.0', id: 7, result: nested ? { id: 1, name: '韩国', locations: result } : result };
			assert.deepEqual(await encode(encoder, msg), library(msg));
		}), { numRuns: 200 });
	});

	it('writes locations from the template in runs of 64, each file\'s URI stringified once', () => {
		const list = Array.from({ length: 130 }, (_, i) => ({ uri: `file:///${i >> 1}.txt`, range: { start: { line: i, character: 1 }, end: { line: i, character: 3 } } }));
		const pieces: string[] = [];
		jsonPieces({ id: 1, result: locationArray(list) }, pieces);
		const runs = pieces.filter((p) => p.includes('"uri"'));
		// An array not marked is taken apart as any other (runs of 16): the mark is what makes the template apply.
		assert.deepEqual(runs.map((r) => r.split('"uri"').length - 1), [64, 64, 2]);
		const unmarked: string[] = [];
		jsonPieces({ id: 1, result: [...list] }, unmarked);
		assert.equal(unmarked.filter((p) => p.includes('"uri"')).length, 9);
		assert.equal(pieces.join(''), unmarked.join(''));
	});
});
