/**
 * Generated corpus documents for property tests (fast-check): lines drawn from our fixtures
 * (and the seeds when ../shared is there), in both scripts, with the noise the corpus has —
 * simplified leftovers in traditional text, ASCII commas and stray spaces, invisible and
 * mojibake characters, pinyin annotations, repeated paragraphs, page chrome, blank lines of
 * whitespace, CJK Extension B characters, lone surrogates — and any line ending.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures');
const seeds = path.resolve(root, '..', 'shared', 'corpus', 'seeds');

function linesOf(dir: string): string[] {
	if (!fs.existsSync(dir)) { return []; }
	return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(/\r\n|\r|\n/));
}

/** Every line of our fixtures and the seeds: prose, chrome, headlines, in both scripts. */
export const linePool: readonly string[] = [
	...linesOf(path.join(fixtures, 'boilerplate')), ...linesOf(path.join(fixtures, 'cleaning')),
	...linesOf(path.join(fixtures, 'mixed-script')), ...linesOf(seeds),
].filter((l) => l.length <= 400);

const noise = [
	(l: string, i: number) => l.slice(0, i) + ',' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + ' ' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '\u200b' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '锟斤拷' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '(fā)' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '𠮷' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '\ud800' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '后' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '後' + l.slice(i),
	(l: string, i: number) => l.slice(0, i) + '5g' + l.slice(i),
	(l: string) => `${l}${l}`,
	() => '   ',
	() => '',
];

/** A line: from the pool, maybe with one or two kinds of noise at random places. */
const line = fc.tuple(fc.nat(linePool.length - 1), fc.array(fc.tuple(fc.nat(noise.length - 1), fc.nat(400)), { maxLength: 2 }))
	.map(([n, ops]) => ops.reduce((l, [op, at]) => noise[op](l, Math.min(at, l.length)), linePool[n]));

/** A document: 1–25 lines (a repeated one now and then), one line ending throughout or mixed. */
export const documentArbitrary = fc.tuple(fc.array(line, { minLength: 1, maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r', 'mixed'), fc.nat(), fc.boolean())
	.map(([lines, ending, repeatAt, repeat]) => {
		const all = repeat && lines.length > 2 ? [...lines, lines[repeatAt % lines.length]] : lines;
		if (ending !== 'mixed') { return all.join(ending); }
		return all.map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('');
	});
