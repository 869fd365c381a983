/**
 * Quality of the mixed-script rule (issue 15), printed as JSON lines for run.mjs:
 * - the annotated fixtures (test/fixtures/script, its heldout/ folder scored apart): warnings on
 *   correct text per 10,000 characters, characters of correct text fix-all changes, certain
 *   errors warned and fixed;
 * - injected leftovers (both directions) and over-conversions in clean text: the fixtures' own
 *   corrected text, and for breadth the dev splits of ../shared/corpus/ner-train (MSRA and
 *   CLUENER, simplified, and converted to Taiwan and Hong Kong forms by OpenCC) — read here,
 *   never copied into the repository;
 * - the seeds (000: every definite leftover; 001–004: nothing).
 * `node out/bench/scriptQuality.js --verbose` lists every miss and false positive.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Converter } from 'opencc-js';
import {
	emptyInjectionScore, FixtureScore, InjectionScore, leftoverSites, overConversionSites, parseAnnotated, readAnnotated,
	scoreAnnotated, scoreInjection, scriptCheck, scriptFixtures,
} from '../test/unit/scriptEval';
import { random as seeded } from '../test/support/random';

const verbose = process.argv.includes('--verbose');
const shared = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const row = (name: string, value: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ name, value, ...extra }));
const list = (title: string, items: readonly string[]) => { if (verbose && items.length) { console.error(`--- ${title}\n${items.join('\n')}`); } };
const isTraditional = (t: string) => /[們這個來說為國對會學與體]/.test(t) && !/[们这个来说为国对会学与体]/.test(t);
const per10k = (n: number, chars: number) => (n / chars * 10_000).toFixed(2);
const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(3)} (${a}/${b})`);

function fixtureRows(label: string, files: readonly [string, string][], listMisses: boolean): void {
	const isTraditionalFile = (source: string) => isTraditional(parseAnnotated(source).expected);
	for (const [script, group] of [['traditional', files.filter(([, s]) => isTraditionalFile(s))], ['simplified', files.filter(([, s]) => !isTraditionalFile(s))]] as const) {
		const total: FixtureScore = { chars: 0, warningsOnCorrect: [], damage: [], certain: 0, certainWarned: 0, certainFixed: 0, probable: 0, probableReported: 0, misses: [] };
		for (const [name, source] of group) {
			const s = scoreAnnotated(name, source);
			total.chars += s.chars;
			total.warningsOnCorrect.push(...s.warningsOnCorrect);
			total.damage.push(...s.damage);
			total.certain += s.certain; total.certainWarned += s.certainWarned; total.certainFixed += s.certainFixed;
			total.probable += s.probable; total.probableReported += s.probableReported;
			total.misses.push(...s.misses);
		}
		const name = `script fixtures (${label}, ${script})`;
		row(`${name}: warnings on correct text`, `${per10k(total.warningsOnCorrect.length, total.chars)} per 10,000 chars (${total.warningsOnCorrect.length} in ${total.chars.toLocaleString('en')})`);
		row(`${name}: fix-all changes to correct text`, `${total.damage.length} characters`);
		row(`${name}: certain errors warned / fixed`, `${ratio(total.certainWarned, total.certain)} / ${ratio(total.certainFixed, total.certain)}; probable reported ${ratio(total.probableReported, total.probable)}`);
		// Held-out texts are scored, never read: their misses are not listed.
		if (!listMisses) { continue; }
		list(`${name}: warnings on correct text`, total.warningsOnCorrect);
		list(`${name}: damage`, total.damage);
		list(`${name}: misses`, total.misses);
	}
}

function injectionRow(label: string, texts: readonly string[], sitesOf: (t: string) => { at: number; other: string }[], seed: number, rounds = 1): void {
	const score: InjectionScore = emptyInjectionScore();
	const random = seeded(seed);
	for (let round = 0; round < rounds; round++) {
		for (const t of texts) { scoreInjection(t, sitesOf(t), random, score); }
	}
	row(`script injection: ${label}`, `reported ${ratio(score.reported, score.sites)}, warned ${(score.warned / Math.max(1, score.sites)).toFixed(3)}, fixed ${(score.fixed / Math.max(1, score.sites)).toFixed(3)}; fix-all damage ${score.damage} chars`);
	list(`${label}: misses`, score.misses);
	list(`${label}: reported below Warning`, score.unwarned);
	list(`${label}: fix-all damage`, score.damages);
}

/** Clean text of one script in paragraphs of about 400 characters. */
function paragraphs(lines: readonly string[]): string[] {
	const out: string[] = [];
	let cur = '';
	for (const l of lines) {
		cur += (cur ? '\n' : '') + l;
		if (cur.length >= 400) { out.push(cur); cur = ''; }
	}
	if (cur) { out.push(cur); }
	return out;
}

function warningsPer10k(label: string, texts: readonly string[]): void {
	let chars = 0;
	let warnings = 0;
	let damage = 0;
	const seen: string[] = [];
	for (const t of texts) {
		const { problems, edits } = scriptCheck(t);
		chars += t.length;
		for (const p of problems.filter((x) => x.severity === 'warning' || x.severity === 'error')) {
			warnings++;
			if (seen.length < 300) { seen.push(`${t.slice(Math.max(0, p.start - 6), p.start)}[${t.slice(p.start, p.end)}]${t.slice(p.end, p.end + 6)} ${p.message}`.replace(/\n/g, '⏎')); }
		}
		damage += edits.reduce((n, e) => n + Math.max(e.end - e.start, e.newText.length), 0);
	}
	row(`script on clean text: ${label}`, `${per10k(warnings, chars)} warnings per 10,000 chars (${warnings} in ${chars.toLocaleString('en')}); fix-all changes ${damage} chars`);
	list(`${label}: warnings`, seen);
}

// The fixtures: dev (looked at while building) and heldout (scored only).
const dev = readAnnotated(scriptFixtures);
const heldout = readAnnotated(path.join(scriptFixtures, 'heldout'));
fixtureRows('dev', dev, true);
fixtureRows('held out', heldout, false);

const cleanOf = (files: readonly [string, string][]) => files.map(([, s]) => parseAnnotated(s).expected);
// The dev fixtures only: what is injected and missed is read while building, so the held-out texts stay out.
const fixtureClean = cleanOf(dev);
const tradFixtures = fixtureClean.filter(isTraditional);
const simpFixtures = fixtureClean.filter((t) => !isTraditional(t));

injectionRow('simplified leftovers in traditional dev fixtures', tradFixtures, (t) => leftoverSites(t, 'traditional'), 1, 10);
injectionRow('traditional leftovers in simplified dev fixtures', simpFixtures, (t) => leftoverSites(t, 'simplified'), 2, 10);
injectionRow('over-conversions in traditional dev fixtures', tradFixtures, overConversionSites, 3, 10);

const dev_ = ['msra-dev.jsonl', 'cluener-dev.jsonl'].map((f) => path.join(shared, 'ner-train', f));
if (dev_.every((f) => fs.existsSync(f))) {
	const sentences = dev_.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
	const simplified = paragraphs(sentences);
	const tw = simplified.map(Converter({ from: 'cn', to: 'tw' }));
	const hk = simplified.map(Converter({ from: 'cn', to: 'hk' }));
	warningsPer10k('ner-train dev, simplified', simplified);
	warningsPer10k('ner-train dev, OpenCC → Taiwan', tw);
	warningsPer10k('ner-train dev, OpenCC → Hong Kong', hk);
	injectionRow('simplified leftovers in ner-train dev → Taiwan', tw, (t) => leftoverSites(t, 'traditional'), 4);
	injectionRow('simplified leftovers in ner-train dev → Hong Kong', hk, (t) => leftoverSites(t, 'traditional'), 5);
	injectionRow('traditional leftovers in ner-train dev (simplified)', simplified, (t) => leftoverSites(t, 'simplified'), 6);
	injectionRow('over-conversions in ner-train dev → Taiwan', tw, overConversionSites, 7);
} else {
	console.error(`[scriptQuality] ${path.join(shared, 'ner-train')} is absent: the ner-train rows are skipped`);
}

const page = path.join(shared, 'web-pages', '43_pixnet-blog-tw.txt');
if (fs.existsSync(page)) { warningsPer10k('a real Taiwan blog page (web-pages 43)', [fs.readFileSync(page, 'utf8')]); }
