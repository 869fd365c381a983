/**
 * Template text across the corpus (boilerplate/templates.ts, boilerplate.repeated-line and the
 * recurrence boilerplate.block mentions): small generated corpora here, and a generated multi-site
 * corpus whose chrome is taken at test time from the dev set in ../shared (never copied into the
 * repository) and whose bodies differ page by page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CorpusDocument, LanguageService } from '../../server/src/service';
import { MemoryWorkspace, options, service } from './helpers';
import { generatedSites, webPagesDir } from '../support/templateCorpus';

/** Pages of `sites` sites cut from one template each: a head of three lines (the issue number varies) and a foot of two around a unique article. */
function smallCorpus(sites: number, pages: number): MemoryWorkspace {
	const ws = new MemoryWorkspace();
	for (let s = 0; s < sites; s++) {
		const site = '甲乙丙丁戊'[s];
		const head = (p: number) => [`${site}站首页`, `本站口号：天天好新闻${site}`, `${site}频道 | 财经 | 科技 | 生活 | 第${p + 1}期`];
		const foot = [`关于${site}站 | 联系我们 | 广告服务`, `版权所有 ${site}站 2024`];
		for (let p = 0; p < pages; p++) {
			const n = s * 1000 + p;
			const word = String.fromCharCode(0x4e00 + n * 7);
			const body = [`关于${word}${n}的报道标题`, `这是关于${word}的文章正文第${n}篇，记录了当天发生的事情，内容各不相同，篇幅也比模板文字长得多。`, `文章的第二段继续讲述${word}的经过，并引用了当事人的说法，说明了事情的来龙去脉。`];
			ws.files.set(`file:///c/${s}-${p}.txt`, [...head(p), ...body, ...foot].join('\n'));
		}
	}
	return ws;
}

async function indexed(ws: MemoryWorkspace): Promise<LanguageService> {
	const svc = service(ws);
	await svc.index.scan();
	return svc;
}

const templateFindings = (svc: LanguageService, uri: string, text: string, opts = options()) =>
	svc.lint(new CorpusDocument(uri, 1, text), opts).filter((p) => p.ruleId === 'boilerplate.repeated-line' || (p.ruleId === 'boilerplate.block' && / files /.test(p.message)));

describe('template text across the corpus', () => {
	it('finds a site\'s template with five pages of it, saying in how many files, and no article line', async () => {
		const ws = smallCorpus(4, 5);
		const svc = await indexed(ws);
		const text = ws.files.get('file:///c/2-3.txt')!;
		const found = templateFindings(svc, 'file:///c/2-3.txt', text);
		const doc = new CorpusDocument('u', 1, text);
		const lines = new Set(found.flatMap((p) => { const out = []; for (let i = doc.lineAt(p.start); i <= doc.lineAt(p.end); i++) { out.push(i); } return out; }));
		// The last line, a copyright notice, is the pattern table's (boilerplate.copyright).
		assert.deepEqual([...lines].sort((a, b) => a - b), [0, 1, 2, 6]);
		assert.ok(found.every((p) => / 5 /.test(p.message)), found.map((p) => p.message).join('\n'));
	});

	it('folds script and digits, and follows the threshold setting', async () => {
		const ws = smallCorpus(3, 5);
		const svc = await indexed(ws);
		const traditional = '乙站首頁\n本站口號：天天好新聞乙\n乙頻道 | 財經 | 科技 | 生活 | 第99期\n一篇新的文章，內容與其他頁面都不相同，講述了另一件事情的經過。\n';
		assert.equal(templateFindings(svc, 'file:///new.txt', traditional).length, 1);
		assert.equal(templateFindings(svc, 'file:///new.txt', traditional, options({ repeatedLineMinFiles: 6 })).length, 0);
	});

	it('leaves alone a line that unrelated files happen to share, and forgets removed files', async () => {
		const ws = smallCorpus(3, 5);
		for (let i = 0; i < 6; i++) {
			const word = String.fromCharCode(0x5000 + i * 11);
			ws.files.set(`file:///other/${i}.txt`, `关于${word}的独立文章的标题\n一、基本情况\n这是关于${word}的独立的文章，正文与别的文章都不一样，说明了不同的事情。\n`);
		}
		const svc = await indexed(ws);
		assert.deepEqual(templateFindings(svc, 'file:///other/0.txt', ws.files.get('file:///other/0.txt')!), []);
		for (let p = 0; p < 5; p++) { svc.index.remove(`file:///c/1-${p}.txt`); }
		assert.deepEqual(templateFindings(svc, 'file:///c/1-0.txt', ws.files.get('file:///c/1-0.txt')!), []);
	});

	describe('a generated multi-site corpus with the dev set\'s chrome (../shared)', function () {
		before(function () { if (!fs.existsSync(webPagesDir)) { console.log(`    ${webPagesDir} is absent: skipped`); this.skip(); } });
		for (const pages of [5, 20]) {
			it(`finds at least 95 % of the template lines with ${pages} pages per site and flags no body line`, async function () {
				this.timeout(120_000);
				const corpus = generatedSites(pages);
				const ws = new MemoryWorkspace();
				for (const page of corpus) { ws.files.set(page.uri, page.text); }
				const svc = await indexed(ws);
				let template = 0, found = 0, body = 0, bodyFlagged = 0;
				const bodyLines: string[] = [];
				for (const page of corpus) {
					const doc = new CorpusDocument(page.uri, 1, page.text);
					const flagged = new Set<number>();
					for (const p of templateFindings(svc, page.uri, page.text)) { for (let i = doc.lineAt(p.start); i <= doc.lineAt(p.end); i++) { flagged.add(i); } }
					page.template.forEach((isTemplate, i) => {
						if (doc.lines[i].text.trim() === '') { return; }
						if (isTemplate) { template++; if (flagged.has(i)) { found++; } } else { body++; if (flagged.has(i)) { bodyFlagged++; bodyLines.push(`${page.uri}:${i + 1} ${doc.lines[i].text.slice(0, 40)}`); } }
					});
				}
				console.log(`      ${corpus.length} pages: ${found}/${template} template lines found by template evidence (${(found / template).toFixed(3)}), ${bodyFlagged}/${body} body lines flagged`);
				assert.ok(found >= template * 0.95, `${found}/${template}`);
				assert.equal(bodyFlagged, 0, bodyLines.join('\n'));
			});
		}
	});
});

