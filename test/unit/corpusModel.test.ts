import * as assert from 'node:assert/strict';
import { MemoryWorkspace, options, service } from './helpers';

/** A corpus of `n` files each holding the template line, plus one file `x.txt` with `x`. */
async function corpus(n: number, template: string, x: string) {
	const ws = new MemoryWorkspace();
	for (let i = 0; i < n; i++) { ws.files.set(`file:///c/${i}.txt`, `${template}\n第${i}篇的正文内容各不相同，这里写的是第${i}个故事。\n`); }
	ws.files.set('file:///c/x.txt', x);
	const svc = service(ws);
	await svc.index.scan();
	return { ws, svc };
}

describe('corpus model (which files a change re-checks)', () => {
	const template = '本站声明：转载请注明出处';

	for (const [held, why] of [[2, 'three files, the default threshold, report it'], [4, 'five files make its fix certain']] as const) {
		it(`a short line whose count crosses a template threshold re-checks the files holding it, and only while the rules are on (${why})`, async () => {
			// `held` files hold the line; x.txt gaining it makes one more.
			const { ws, svc } = await corpus(held, template, '另一篇文章。\n');
			const uri = 'file:///c/x.txt';
			const before = svc.crossFacts(uri);
			ws.files.set(uri, `另一篇文章。\n${template}\n`);
			await svc.index.update(uri);
			const after = svc.crossFacts(uri);
			const affected = svc.affectedBy({ uri, before, after }, options());
			assert.equal(affected.size, held, [...affected].join(' '));
			assert.ok(!affected.has(uri), 'the changed file itself is checked by its own path');
			const off = svc.affectedBy({ uri, before, after }, options({ rules: { 'boilerplate.repeated-line': 'off', 'boilerplate.block': 'off', 'duplicate.document': 'off' } }));
			assert.equal(off.size, 0);
		});
	}

	it('a change that crosses no threshold re-checks nothing for repeated lines', async () => {
		const { ws, svc } = await corpus(5, template, '另一篇文章。\n');
		const uri = 'file:///c/x.txt';
		const before = svc.crossFacts(uri);
		ws.files.set(uri, `另一篇文章。\n${template}\n`);
		await svc.index.update(uri);
		assert.equal(svc.affectedBy({ uri, before, after: svc.crossFacts(uri) }, options({ rules: { 'duplicate.document': 'off' } })).size, 0);
	});

	it('files sharing passages with the changed file before or after it are re-checked (duplicate.document)', async () => {
		const passage = '国家统计局今天发布数据，前三季度经济运行总体平稳，就业形势保持稳定，居民收入继续增长，消费市场逐步回暖，对外贸易稳中有进，新动能不断成长壮大，高质量发展取得新成效。'.repeat(2);
		const ws = new MemoryWorkspace();
		ws.files.set('file:///c/a.txt', `${passage}\n`);
		ws.files.set('file:///c/b.txt', '完全不同的一篇文章，讲的是另外一件事情。\n');
		const svc = service(ws);
		await svc.index.scan();
		const before = svc.crossFacts('file:///c/b.txt');
		ws.files.set('file:///c/b.txt', `开头。\n${passage}\n`);
		await svc.index.update('file:///c/b.txt');
		const affected = svc.affectedBy({ uri: 'file:///c/b.txt', before, after: svc.crossFacts('file:///c/b.txt') }, options());
		assert.deepEqual([...affected], ['file:///c/a.txt']);
	});

	it('every rule that reads the corpus declares what it reads', async () => {
		const { allRules } = await import('../../server/src/service');
		const reading = allRules.filter((r) => r.corpus).map((r) => `${r.id}:${r.corpus!.reads}`).sort();
		assert.deepEqual(reading, ['boilerplate.block:line-counts', 'boilerplate.repeated-line:line-counts', 'duplicate.document:shared-passages', 'entity.variant:names']);
	});
});
