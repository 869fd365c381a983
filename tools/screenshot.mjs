// npm run screenshot: PNGs of the real VS Code (the offline editor of test/vscode) with the
// packaged extension installed, on the sample corpus: a file's problems in the Problems panel
// with the quick-fix menu of one (images/screenshot.png), the hover of a name (hover.png), every
// mention of it across the corpus (references.png) and the Outline (outline.png). Fails (exit 1,
// failure.png in the run folder) when any of these does not show up. Used by the README.
import path from 'node:path';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installVsix, launchBrowser, makeRunDir, startCodeServer, workbenchUrl } from '../test/vscode/offline.mjs';
import { packageVsix } from './package.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'samples');
const file = join(workspace, 'traditional-news.txt');
const out = join(root, 'images', 'screenshot.png');

const run = makeRunDir('shot', {
	'editor.fontFamily': "'Noto Sans Mono CJK TC', 'Noto Sans Mono CJK SC', monospace",
	'editor.fontSize': 15,
	'editor.minimap.enabled': false,
	'editor.wordWrap': 'on',
	'workbench.colorTheme': 'Default Light Modern',
	'workbench.activityBar.location': 'hidden',
	'breadcrumbs.enabled': false,
});
let server;
let browser;
let ok = false;
try {
	installVsix(packageVsix(), run);
	server = await startCodeServer(run);
	browser = await launchBrowser();
	const page = await browser.newPage({ viewport: { width: 1200, height: 720 } });
	await page.goto(workbenchUrl(server, workspace, [['openFile', server.remote(file)], ['skipWelcome', 'true']]));
	const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
	await squiggle.waitFor({ state: 'attached', timeout: 90_000 });
	await page.locator('.monaco-editor .view-lines').first().click();
	await page.keyboard.press('Control+Shift+M');
	await page.locator('.markers-panel .monaco-list-row', { hasText: 'mixed-script' }).first().waitFor({ timeout: 30_000 });
	// Put the cursor on a flagged character and open the quick-fix menu.
	const box = await squiggle.boundingBox();
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	await page.keyboard.press('Control+.');
	await page.locator('.action-widget .monaco-list-row', { hasText: 'Replace' }).first().waitFor({ state: 'visible', timeout: 30_000 });
	await page.screenshot({ path: out });
	console.log(`wrote ${path.relative(root, out)}`);
	const shot = async (name) => {
		const file = join(root, 'images', name);
		await page.screenshot({ path: file });
		console.log(`wrote ${path.relative(root, file)}`);
	};
	const command = async (title) => {
		await page.keyboard.press('Control+Shift+P');
		await page.keyboard.type(title);
		await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
		await page.keyboard.press('Enter');
	};
	const goTo = async (line, column) => {
		await page.keyboard.press('Control+G');
		await page.keyboard.type(`${line}:${column}`);
		await page.keyboard.press('Enter');
	};
	// The hover of a name (line 4: 市長林文華…), once names are found.
	await page.keyboard.press('Escape');
	await page.keyboard.press('Control+J');
	const name = page.locator('.view-lines span', { hasText: /^林文華$/ }).first();
	for (let tries = 0; tries < 40; tries++) {
		const at = await name.boundingBox();
		if (at) {
			await page.mouse.move(at.x + 2, at.y + at.height / 2);
			await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
			const shown = await page.locator('.monaco-hover:not(.hidden)', { hasText: 'person' }).first().waitFor({ state: 'visible', timeout: 2500 }).then(() => true, () => false);
			if (shown) { break; }
		}
		await page.mouse.move(5, 5);
		await page.waitForTimeout(500);
	}
	await page.locator('.monaco-hover:not(.hidden)', { hasText: 'person' }).first().waitFor({ state: 'visible', timeout: 10_000 });
	await shot('hover.png');
	// Every mention, in both files and both scripts.
	await page.keyboard.press('Escape');
	await goTo(4, 5);
	await page.keyboard.press('Shift+F12');
	await page.locator('.reference-zone-widget .monaco-list-row', { hasText: 'simplified-news.txt' }).first().waitFor({ state: 'visible', timeout: 20_000 });
	await shot('references.png');
	// The Outline of the article.
	await page.keyboard.press('Escape');
	await command('Explorer: Focus on Outline View');
	await page.locator('.outline-pane .monaco-list-row').first().waitFor({ state: 'visible', timeout: 20_000 });
	await shot('outline.png');
	ok = true;
} catch (e) {
	console.error('[screenshot] failed:', e.message);
	const pages = browser?.contexts().flatMap((c) => c.pages()) ?? [];
	await pages[0]?.screenshot({ path: join(run.dir, 'failure.png') }).catch(() => undefined);
	console.error(`[screenshot] state at failure: ${join(run.dir, 'failure.png')}`);
} finally {
	await browser?.close().catch(() => undefined);
	server?.stop();
}
process.exit(ok ? 0 : 1);
