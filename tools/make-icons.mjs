// Renders images/icon.svg to images/icon.png (the 128 × 128 PNG the Marketplace wants) with
// headless Chromium (Debian's, as the editor tests use it; CJK glyphs from fonts-noto-cjk).
// Run once after changing the SVG: node tools/make-icons.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'zh-corpus-icon-'));
const html = join(dir, 'icon.html');
writeFileSync(html, `<html><body style="margin:0;background:transparent">${readFileSync(join(root, 'images', 'icon.svg'), 'utf8')}</body></html>`);
execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--default-background-color=00000000',
	'--window-size=128,128', `--screenshot=${join(root, 'images', 'icon.png')}`, `file://${html}`], { stdio: 'ignore' });
console.log('wrote images/icon.png');
