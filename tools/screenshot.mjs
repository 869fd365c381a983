// npm run screenshot: a PNG of the real VS Code (the offline editor of test/vscode) with the
// packaged extension installed, a sample file open, its problems in the Problems panel and the
// quick-fix menu of one of them. Fails (exit 1, failure.png in the run folder) when any of these
// does not show up. Output: images/screenshot.png, used by the README.
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
