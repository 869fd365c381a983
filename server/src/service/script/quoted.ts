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
 *
 * A page that writes the same name in simplified script elsewhere (mixedScript.ts) quotes nothing:
 * there the leftover is judged as any other.
 */
import { countScript, RawIssue } from './detect';
import type { NamesOf, WordsOf } from './context';
import { CharClass, scriptTables } from './tables';

/** The span of `line` quoted in its own script that holds the issue, if any. */
export function quotedInOwnScript(line: string, reading: string, issue: RawIssue, names: NamesOf, words: WordsOf): [number, number] | undefined {
	for (const span of names.at(issue.start)) {
		if (span.kind === 'switch' || span.start > issue.start || issue.end > span.end) { continue; }
		const counts = countScript(line, span.start, span.end);
		if (counts.simplified > 0) { continue; }
		if (span.kind !== 'place' || counts.traditional >= 2) { return [span.start, span.end]; }
	}
	const stretch = wordsInOtherScript(line, reading, issue.start, words);
	return stretch && stretch.words >= 2 ? [stretch.start, stretch.end] : undefined;
}

/** The consecutive words of jieba's cut around `at` that hold a traditional-only character and no simplified-only one. */
function wordsInOtherScript(line: string, reading: string, at: number, words: WordsOf): { start: number; end: number; words: number } | undefined {
	const inOther = (w: [number, number] | undefined) => {
		if (!w) { return false; }
		const c = countScript(line, w[0], w[1]);
		return c.traditional > 0 && c.simplified === 0;
	};
	const first = words.cutAt(reading, at);
	if (!inOther(first)) { return undefined; }
	let n = 1;
	let [start, end] = first!;
	for (let before = words.cutAt(reading, start - 1); start > 0 && isHan(line, start - 1) && inOther(before); before = words.cutAt(reading, start - 1)) {
		n++;
		start = before![0];
	}
	for (let after = words.cutAt(reading, end); end < line.length && isHan(line, end) && inOther(after); after = words.cutAt(reading, end)) {
		n++;
		end = after![1];
	}
	return { start, end, words: n };
}

function isHan(line: string, at: number): boolean {
	return scriptTables().cls[line.charCodeAt(at)] !== CharClass.Other;
}
