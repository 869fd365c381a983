/**
 * Text a simplified page writes in traditional script on purpose: a name quoted as its owner
 * spells it (郭台銘, 《聯合報》, a Taiwan company such as 友達光電). Its characters are reported,
 * never rewritten by fix-all; a leftover inside a name the page otherwise writes in simplified
 * script (陈立新 → 陳立新 beside 记者, 中國国家委员会) is not protected.
 *
 *   - a person, organization or work the name finder sees, holding no simplified-only
 *     character: quoted (a lone traditional character in a person's name may be either);
 *   - a place: quoted only when written in traditional script throughout, with at least two
 *     traditional-only characters (臺灣); 台灣 beside simplified text is a leftover;
 *   - without a name: consecutive words of jieba's cut, at least two, each holding a
 *     traditional-only character and none a simplified-only one (友達|光電). A leftover of a
 *     converter or a typist is one word (會議) or one character; a run of words kept in the
 *     other script is what a quoted name looks like (and a typed sentence is a paragraph of the
 *     other script, reported apart).
 */
import { countScript, RawIssue } from './detect';
import type { NamesOf, WordsOf } from './context';
import { CharClass, scriptTables } from './tables';

export function quotedInOwnScript(line: string, reading: string, issue: RawIssue, names: NamesOf, words: WordsOf): boolean {
	for (const span of names.at(issue.start)) {
		if (span.kind === 'switch' || span.start > issue.start || issue.end > span.end) { continue; }
		const counts = countScript(line, span.start, span.end);
		if (counts.simplified > 0) { continue; }
		if (span.kind !== 'place' || counts.traditional >= 2) { return true; }
	}
	return wordsInOtherScript(line, reading, issue.start, words) >= 2;
}

/** How many consecutive words of jieba's cut around `at` hold a traditional-only character and no simplified-only one. */
function wordsInOtherScript(line: string, reading: string, at: number, words: WordsOf): number {
	const inOther = (w: [number, number] | undefined) => {
		if (!w) { return false; }
		const c = countScript(line, w[0], w[1]);
		return c.traditional > 0 && c.simplified === 0;
	};
	const first = words.cutAt(reading, at);
	if (!inOther(first)) { return 0; }
	let n = 1;
	for (let w = first!; w[0] > 0 && isHan(line, w[0] - 1);) {
		const before = words.cutAt(reading, w[0] - 1);
		if (!inOther(before)) { break; }
		n++;
		w = before!;
	}
	for (let w = first!; w[1] < line.length && isHan(line, w[1]);) {
		const after = words.cutAt(reading, w[1]);
		if (!inOther(after)) { break; }
		n++;
		w = after!;
	}
	return n;
}

function isHan(line: string, at: number): boolean {
	return scriptTables().cls[line.charCodeAt(at)] !== CharClass.Other;
}
