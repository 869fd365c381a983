// mixed-script's triage (server/src/service/script/triage.ts): one pass over a line's units
// decides which of the rule's other passes may find anything there, and a line without a pass's
// bit skips that pass. Each bit must be true wherever its pass finds something (or, for
// `ForSimplified` and `Surname`, exactly where), and the counts must be `countScript`'s: checked
// on every line of the shared seeds and web pages, and on generated lines that mix every kind of
// unit the passes look at (other-script, risky, regional, surname and spelling characters).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { regionEvidence } from '../../server/src/service/script/consistency';
import { countScript, needsCheck, toSimplified } from '../../server/src/service/script/detect';
import { mayHoldMisspelledSurname } from '../../server/src/service/script/names';
import { spellingSites } from '../../server/src/service/script/spelling';
import { CharClass, Risk, scriptTables } from '../../server/src/service/script/tables';
import { Holds, triageLine } from '../../server/src/service/script/triage';
import { random } from '../support/random';
import { seedsDir } from './helpers';

const webPagesDir = path.resolve(seedsDir, '..', 'web-pages');

function sharedLines(dir: string): string[] {
	if (!fs.existsSync(dir)) { return []; }
	return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/));
}

/** Lines mixing units of every kind the passes look at, with Han, punctuation and ASCII around them. */
function generatedLines(count: number): string[] {
	const t = scriptTables();
	const kinds: number[][] = [[], [], [], [], []];
	for (let c = 0x3400; c < 0x10000; c++) {
		const cls = t.cls[c], risk = t.risky[c];
		if (cls === CharClass.SimplifiedOnly) { kinds[0].push(c); } else if (cls === CharClass.TraditionalOnly) { kinds[1].push(c); }
		if (risk !== 0) { kinds[2].push(c); }
		if (cls === CharClass.Han && risk === 0) { kinds[3].push(c); }
	}
	// Regional forms, respelled surnames, characters with several traditional forms, neighbours.
	kinds[4].push(...[...'裡裏着著推範餘鬱遊薑嶽鬍穀週里后後面麵干乾幹范皇胡同衕衚台臺颱'].map((c) => c.charCodeAt(0)));
	const other = [...'，。、；：！？「」（）《》·—…  abcXYZ019\t'].map((c) => c.charCodeAt(0));
	const next = random(18);
	const pick = (a: number[]) => a[Math.floor(next() * a.length)];
	const lines: string[] = [];
	for (let n = 0; n < count; n++) {
		const length = 1 + Math.floor(next() * 40);
		const units: number[] = [];
		// Mostly plain Han text: a line holds only a few units of the rarer kinds, or none.
		const rare = next() < 0.5 ? 0 : 1 + Math.floor(next() * 3);
		for (let k = 0; k < length; k++) { units.push(next() < 0.15 ? pick(other) : pick(kinds[3])); }
		for (let r = 0; r < rare; r++) { units[Math.floor(next() * units.length)] = pick(kinds[Math.floor(next() * 5) === 3 ? 4 : [0, 1, 2, 4][Math.floor(next() * 4)]]); }
		lines.push(String.fromCharCode(...units));
	}
	return lines;
}

const targets = ['traditional', 'traditional-tw', 'traditional-hk'] as const;

/** The lines where a bit disagrees with its pass (should be none), and how often each pass found something (coverage). */
function disagreements(lines: readonly string[]): { wrong: string[]; found: Record<string, number> } {
	const wrong: string[] = [];
	const found: Record<string, number> = { simplified: 0, traditional: 0, region: 0, surname: 0, spelling: 0 };
	for (const line of lines) {
		const { script, holds } = triageLine(line);
		const say = (what: string) => wrong.push(`${what}: ${JSON.stringify(line)}`);
		if (script.simplified !== countScript(line).simplified || script.traditional !== countScript(line).traditional) { say('counts'); }
		const simplified = needsCheck(line, 'simplified');
		if (simplified !== ((holds & Holds.ForSimplified) !== 0)) { say('ForSimplified'); }
		const traditional = targets.some((t) => needsCheck(line, t));
		if (traditional && (holds & Holds.ForTraditional) === 0) { say('ForTraditional'); }
		const surname = mayHoldMisspelledSurname(line);
		if (surname !== ((holds & Holds.Surname) !== 0)) { say('Surname'); }
		const region = Object.keys(regionEvidence(line)).length > 0;
		if (region && (holds & Holds.Region) === 0) { say('Region'); }
		const spelling = spellingSites(line).length > 0;
		if (spelling && (holds & Holds.Spelling) === 0) { say('Spelling'); }
		found.simplified += Number(simplified); found.traditional += Number(traditional); found.region += Number(region);
		found.surname += Number(surname); found.spelling += Number(spelling);
	}
	return { wrong, found };
}

/** `toSimplified` as plainly as it can be said: phrases by forward maximum matching, else the character's default, concatenated. */
function plainReading(line: string): string {
	const t = scriptTables();
	let out = '';
	for (let i = 0; i < line.length;) {
		const length = t.tsPhrases.longestAt(line, i, line.length);
		if (length >= 2) { out += t.tsPhrases.value![0]; i += length; continue; }
		out += t.t2s[line.charCodeAt(i)] ? String.fromCharCode(t.t2s[line.charCodeAt(i)]) : line[i];
		i++;
	}
	return out;
}

describe('mixed-script triage', () => {
	it('says of every generated line what each pass finds there (counts equal, no bit missing)', () => {
		const lines = generatedLines(20_000);
		const { wrong, found } = disagreements(lines);
		assert.deepEqual(wrong.slice(0, 5), []);
		// Every pass finds something on some lines and nothing on others, so each bit is tested both ways.
		for (const [pass, n] of Object.entries(found)) { assert.ok(n > 50 && n < lines.length - 50, `${pass}: ${n} of ${lines.length}`); }
		// And the triage skips most lines for a traditional target, which is what it is for.
		const skipped = lines.filter((l) => (triageLine(l).holds & Holds.ForTraditional) === 0).length;
		assert.ok(skipped > lines.length / 4, `${skipped} of ${lines.length} skipped`);
	});

	it('says of every line of the shared seeds and web pages what each pass finds there', function () {
		const lines = [...sharedLines(seedsDir), ...sharedLines(webPagesDir)];
		if (lines.length === 0) { console.log('    (skipped: ../shared/corpus is absent)'); this.skip(); }
		const { wrong, found } = disagreements(lines);
		assert.deepEqual(wrong.slice(0, 5), []);
		assert.ok(found.traditional > 100 && found.simplified > 100, JSON.stringify(found));
	});

	it('reads lines as simplified as the plain concatenation does, keeping their length', function () {
		const lines = [...generatedLines(5_000), ...sharedLines(seedsDir), ...sharedLines(webPagesDir)];
		// A long line too: the reading is made in chunks.
		lines.push(lines.join('。').slice(0, 20_000));
		for (const line of lines) {
			const reading = toSimplified(line);
			assert.equal(reading.length, line.length);
			assert.equal(reading, plainReading(line), line);
		}
		for (const [phrase, [simplified]] of scriptTables().tsPhrases.entries()) { assert.equal(simplified.length, phrase.length, phrase); }
	});

	it('keeps its bits for units of any class (a line of one unit each)', () => {
		const t = scriptTables();
		for (let c = 0; c < 0x10000; c++) {
			if (c >= 0xd800 && c <= 0xdfff) { continue; }
			const line = String.fromCharCode(c);
			const { holds } = triageLine(line);
			// needsCheck on a one-unit line asks the unit alone (no neighbours): the bit must cover it.
			if (targets.some((x) => needsCheck(line, x)) && (holds & Holds.ForTraditional) === 0) { assert.fail(`ForTraditional misses ${line}`); }
			if (((t.risky[c] & Risk.Simplified) !== 0 || t.cls[c] === CharClass.TraditionalOnly) !== ((holds & Holds.ForSimplified) !== 0)) { assert.fail(`ForSimplified wrong for ${line}`); }
		}
	});
});
