/**
 * Mentions grouped by entity (mentionGroups.ts): an entity's mentions read from its group are
 * exactly those a scan of the file's packed mentions finds, in file order; and the index keeps
 * them right as files are added, replaced and removed (references, definition, rename).
 */
import * as assert from 'node:assert/strict';
import { mentionGroupsInSteps } from '../../server/src/service/entities/mentionGroups';
import { appendLocations, mentionsOfEntity } from '../../server/src/service/entities/fileEntities';
import type { Entity } from '../../server/src/service/entities/entityTable';
import { mentionsPerEntityInSteps, unitsPerStep } from '../../server/src/service/entities/resultSteps';
import { finish } from '../../server/src/service/steps';
import { EntityService } from '../../server/src/service/entities/service';
import type { Found } from '../../server/src/service/entities/discovery';

let seed = 11;
const random = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };

/** Packed mentions (line, character, length, entity id) of `n` mentions of ids drawn from `ids`. */
function packed(n: number, ids: readonly number[]): Int32Array {
	const m = new Int32Array(4 * n);
	for (let i = 0; i < n; i++) { m.set([i, Math.floor(random() * 50), 2 + Math.floor(random() * 3), ids[Math.floor(random() * ids.length)]], 4 * i); }
	return m;
}

/** The mention numbers of `id` as a scan of the packed mentions finds them. */
const scanned = (m: Int32Array, id: number): number[] => Array.from({ length: m.length / 4 }, (_, i) => i).filter((i) => m[4 * i + 3] === id);

/** The mention numbers (their lines: `packed` writes mention i on line i) of `id` read from its group, as references and rename read them. */
function grouped(m: Int32Array, id: number, most = Infinity): number[] {
	const groups = finish(mentionGroupsInSteps(m, finish(mentionsPerEntityInSteps(m))));
	const e = { id } as Entity;
	const out: number[] = [];
	appendLocations('file:///a.txt', m, groups, e, most, (_uri, line) => line, out);
	// Rename and definition read the same group, uncapped.
	assert.deepEqual(out, mentionsOfEntity(m, groups, e).map((x) => x.line).slice(0, most));
	return out;
}

describe('mentions grouped by entity', () => {
	it('give each entity exactly its mentions in file order, none for an entity not mentioned, at most as many as asked', () => {
		// Ids in no order, some far apart; the last file has more mentions than one step takes.
		const ids = [907, 3, 41, 40, 1_000_000, 5, 6, 7, 2];
		for (const n of [0, 1, 2, 17, 300, unitsPerStep + 5]) {
			const m = packed(n, ids.slice(0, 1 + (n % ids.length)));
			for (const id of [...ids, 4, 0, 2_000_000]) {
				assert.deepEqual(grouped(m, id), scanned(m, id), `entity ${id} among ${n} mentions`);
				assert.deepEqual(grouped(m, id, 2), scanned(m, id).slice(0, 2));
			}
		}
	});

	it('keep a file past 65,536 mentions whole (numbers beyond 16 bits)', () => {
		const m = packed(70_000, [1, 2]);
		assert.deepEqual(grouped(m, 2), scanned(m, 2));
	});
});

describe('entity index: references as files are added, replaced and removed', () => {
	const keys = ['韩国', '乌镇', '王小明', '北京'];
	/** Files' texts: one mention per line, each line the name written at a column. */
	const texts = new Map<string, string>();
	const workspace = { listFiles: async () => [...texts.keys()], readFile: async (uri: string) => (texts.has(uri) ? { text: texts.get(uri)! } : undefined) };

	function setup(): { service: EntityService; id: (key: string) => number } {
		texts.clear();
		const service = new EntityService(workspace, undefined);
		const found: Found[] = keys.map((key, i) => ({ start: i * 4, end: i * 4 + key.length, type: 'place', key }));
		service.index.applyDiscovery('file:///names.txt', found);
		return { service, id: (key) => service.index.table.byKey(key)!.id };
	}

	/** A file mentioning these names, one a line at column `line % 5`: its text and packed mentions. */
	function write(service: EntityService, id: (key: string) => number, uri: string, names: readonly string[]): void {
		const lines = names.map((key, line) => `${'。'.repeat(line % 5)}${key}`);
		texts.set(uri, lines.join('\n'));
		const m = new Int32Array(names.flatMap((key, line) => [line, line % 5, key.length, id(key)]));
		service.index.ensure(uri);
		service.index.applyMatches(uri, { mentions: m, variants: [], occurrences: new Int32Array(0) });
	}

	/** References as the index held them before the groups: every file's packed mentions scanned, files in URI order. */
	function scannedReferences(service: EntityService, key: string): { uri: string; line: number; character: number; length: number }[] {
		const e = service.index.table.byKey(key)!;
		const out: { uri: string; line: number; character: number; length: number }[] = [];
		for (const uri of [...texts.keys()].sort()) {
			const m = service.index.packedMentions(uri);
			for (let i = 0; i < m.length; i += 4) { if (m[i + 3] === e.id) { out.push({ uri, line: m[i], character: m[i + 1], length: m[i + 2] }); } }
		}
		return out;
	}

	function check(service: EntityService, step: string): void {
		for (const key of keys) {
			const e = service.index.table.byKey(key)!;
			assert.deepEqual(service.references(e), scannedReferences(service, key), `${step}: references of ${key}`);
			assert.equal(service.references(e).length, e.mentionTotal, `${step}: ${key}'s count`);
		}
	}

	it('reads only the current mentions of each file, a removed file none and its id given to a new file', () => {
		const { service, id } = setup();
		write(service, id, 'file:///c/b.txt', ['韩国', '乌镇', '韩国', '北京', '韩国']);
		write(service, id, 'file:///c/a.txt', ['乌镇', '韩国']);
		write(service, id, 'file:///c/c.txt', ['王小明']);
		check(service, 'added');
		assert.deepEqual(service.references(service.index.table.byKey('韩国')!).map((l) => [l.uri, l.line]),
			[['file:///c/a.txt', 1], ['file:///c/b.txt', 0], ['file:///c/b.txt', 2], ['file:///c/b.txt', 4]]);
		// Replaced: 韩国 leaves b.txt, 王小明 comes in.
		write(service, id, 'file:///c/b.txt', ['王小明', '北京', '王小明']);
		check(service, 'replaced');
		assert.equal(service.references(service.index.table.byKey('韩国')!).length, 1);
		texts.delete('file:///c/a.txt');
		service.remove('file:///c/a.txt');
		check(service, 'removed');
		assert.deepEqual(service.references(service.index.table.byKey('乌镇')!), []);
		// A new file takes the removed file's id: what it mentions, not what a.txt did.
		write(service, id, 'file:///c/0.txt', ['韩国', '韩国']);
		check(service, 'a new file after a removal');
		assert.deepEqual(service.references(service.index.table.byKey('韩国')!).map((l) => l.uri), ['file:///c/0.txt', 'file:///c/0.txt']);
		// Its definition: the first mention in the first file in URI order.
		assert.deepEqual(service.definition(service.index.table.byKey('王小明')!), { uri: 'file:///c/b.txt', line: 0, character: 0, length: 3 });
	});

	it('renames every mention in every file, after a file was replaced', async () => {
		const { service, id } = setup();
		write(service, id, 'file:///c/a.txt', ['王小明', '韩国', '王小明']);
		write(service, id, 'file:///c/b.txt', ['韩国', '王小明']);
		write(service, id, 'file:///c/b.txt', ['王小明', '韩国', '乌镇', '王小明']);
		const e = service.index.table.byKey('王小明')!;
		const edits = await service.renameEdits(e, '王小明', '王大明', (s) => s);
		assert.deepEqual([...edits].sort(), [
			['file:///c/a.txt', [{ line: 0, character: 0, length: 3, newText: '王大明' }, { line: 2, character: 2, length: 3, newText: '王大明' }]],
			['file:///c/b.txt', [{ line: 0, character: 0, length: 3, newText: '王大明' }, { line: 3, character: 3, length: 3, newText: '王大明' }]],
		]);
	});
});
