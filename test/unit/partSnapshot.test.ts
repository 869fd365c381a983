/**
 * A large file's clean fixes each part on a worker with `partSnapshotInSteps`: the counts of the
 * part's own line keys, which must be what the server's thread would look up in its index (the
 * lint that ran there before read `index.filesWithLine` for every line of the part).
 */
import * as assert from 'node:assert/strict';
import { repeatedLineKeys } from '../../server/src/service/boilerplate/lineKey';
import { fileFacts } from '../../server/src/service/workspace';
import { partSnapshotInSteps } from '../../server/src/worker/partSnapshot';
import { snapshotView } from '../../server/src/worker/snapshotView';
import { service } from './helpers';

const menus = ['首页 新闻 体育 财经', '分享到：微信 微博', '责任编辑：王明', '版权所有 2024 某某网', '上一篇 下一篇', '返回顶部', '打印本页 关闭窗口'];
const prose = '今天天气很好，我们一起去公园散步，看见很多人在湖边钓鱼。';

describe('part snapshot for a clean on a worker', () => {
	it('lists the index count of every line key of the part held by two files or more, whatever step a line falls in', () => {
		const svc = service();
		// Other files hold the menu lines: each in a different number of files (1 to 7).
		for (let f = 0; f < menus.length; f++) {
			const held = menus.filter((_, i) => i <= f).join('\n');
			svc.index.setFacts(`file:///site/${f}.txt`, fileFacts(`${held}\n${prose}\n`));
		}
		// A part of about 260k characters: prose, a line of 70,000 characters, CRLF lines, and a
		// menu line across each 64 Ki boundary (the steps are cut after a line break, never inside a line:
		// a cut inside one would give two other keys).
		let text = '';
		const pad = (to: number) => { while (text.length < to - prose.length - 1) { text += `${prose}\n`; } text += `${'文'.repeat(to - text.length - 1)}\n`; };
		for (const [i, at] of [65_536, 131_072, 262_144].entries()) {
			pad(at - 4);
			text += `${menus[i + 2]}\n`;
			text += i === 1 ? `${'长'.repeat(70_000)}\r\n${menus[1]}\r\n` : `${menus[i]}\r\n`;
		}
		text += `${menus[5]}\n${menus[6]}`;
		const expected = [...repeatedLineKeys(text)].map((k) => [k, svc.index.filesWithLine(k)] as const).filter(([, n]) => n >= 2);
		assert.ok(expected.length >= 4, `the text holds counted menu lines (${expected.length})`);
		const steps = partSnapshotInSteps(svc, text);
		let yielded = 0;
		let next = steps.next();
		for (; !next.done; next = steps.next()) { yielded++; }
		assert.ok(yielded >= 3, `computed in steps (${yielded})`);
		const snapshot = next.value;
		const byKey = (a: readonly [string, number], b: readonly [string, number]) => a[0].localeCompare(b[0]);
		assert.deepEqual([...snapshot.lineCounts].sort(byKey), [...expected].sort(byKey));
		assert.equal(snapshot.fileCount, svc.index.size);
		assert.deepEqual(snapshot.shared, []);
		// What a rule on the worker reads for each line equals the server's count wherever that reaches 2.
		const view = snapshotView(snapshot).corpus;
		for (const key of repeatedLineKeys(text)) { assert.equal(Math.max(view.filesWithLine(key), 2), Math.max(svc.index.filesWithLine(key), 2), key); }
	});
});
