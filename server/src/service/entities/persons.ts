/**
 * People in news text: names after titles (秘书长任贤良, 记者 朱承, 65岁的张凤), coordinated
 * names (盛荣华、曹淑敏), transliterations joined by a middle dot (弗朗西斯·高锐, 本·阿莫),
 * full names jieba knows (习近平/nrfg) and Latin names in brackets after a person.
 */
import { personTitles, surnameLength } from './lexicon';
import type { Candidate } from './recognize';
import { isFunctionWord, isHanWord, isPunctuation, Token, Words } from './tokens';

const dots = /[·・•‧]/;
/** jieba tags of unknown words and names: what the parts of a transliterated name come back as. */
const nameWordTags = new Set(['x', 'nr', 'nrt', 'nrfg', 'nz', 'ns', 'n']);
const dotName = /[\u3400-\u9fff]+(?:[·・•‧][\u3400-\u9fff]+)+/g;

/** Characters that end a clause word rather than a name: jieba's HMM glues them to an unknown name (张勇在, 雷军则). */
const clauseEnders = new Set([...'在和与及的了是为将也则等说称向对从被把让给就都还又再并而于以']);
/** Word classes a name is never: 关于, 表示, 仔细. */
const notNameTags = /^(p|c|u|d|r|v|a|ad|m|q|f|t)/;

/**
 * A person's name starting at `p`: a Han name of 2–3 characters (4 with a compound surname)
 * ending at a word boundary, or one unknown word jieba could not split (古特雷斯, 鲍威尔).
 */
function nameAt(text: string, p: number, words: Words, cuts: ReadonlySet<number>): number | undefined {
	const token = words.byStart.get(p);
	if (!token || isPunctuation(token)) { return undefined; }
	const sur = surnameLength(text.slice(p, p + 2));
	if (sur > 0) {
		for (const length of [sur + 2, sur + 1]) {
			const name = text.slice(p, p + length);
			if (name.length !== length || !isHanWord(name)) { continue; }
			if (clauseEnders.has(name[length - 1])) {
				// 张勇在: the name is the part before the clause word.
				if (length === sur + 2 && token.end === p + length) { return p + length - 1; }
				continue;
			}
			if (cuts.has(p + length) && !(token.end === p + length && notNameTags.test(token.tag))) { return p + length; }
			// 盛莱/运在: jieba's HMM glued the name's last character to a clause word after it.
			const glued = words.byStart.get(p + length - 1);
			if (length === sur + 2 && glued && glued.tag === 'x' && glued.w.length === 2 && clauseEnders.has(glued.w[1])) { return p + length; }
		}
	}
	// A transliterated name after a title is one unknown or name word.
	if ((token.tag === 'x' || token.tag === 'nrt' || token.tag === 'nr') && token.w.length >= 2 && token.w.length <= 5 && isHanWord(token.w)) { return token.end; }
	return undefined;
}

function isTitle(t: Token): boolean {
	if (personTitles.has(t.w)) { return true; }
	// jieba glues a qualifier to some titles (行政院长, 副部长): the ending decides.
	for (let i = 1; i < t.w.length - 1; i++) { if (personTitles.has(t.w.slice(i))) { return true; } }
	return false;
}

export function* titledPersons(text: string, words: Words, cuts: ReadonlySet<number>): Generator<Candidate> {
	const tokens = words.tokens;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const afterAge = t.w === '的' && tokens[i - 1]?.w.endsWith('岁');
		if (!isTitle(t) && !afterAge) { continue; }
		let p = t.end;
		if (text[p] === ' ' || text[p] === '\u3000') { p++; }
		let end = nameAt(text, p, words, cuts);
		while (end !== undefined) {
			yield { start: p, end, type: 'person', weight: 3 };
			// 盛荣华、曹淑敏: a second name joined by 、 to a titled one, ending at punctuation or a title.
			if (text[end] !== '、') { break; }
			const next = nameAt(text, end + 1, words, cuts);
			const after = next === undefined ? undefined : words.byStart.get(next);
			if (next === undefined || (after && !isPunctuation(after) && !isTitle(after))) { break; }
			p = end + 1;
			end = next;
		}
	}
}

export function* dottedPersons(text: string, words: Words): Generator<Candidate> {
	const tokens = words.tokens;
	for (const m of text.matchAll(dotName)) {
		const at = m.index;
		const first = at + m[0].search(dots);
		const last = at + m[0].length - [...m[0]].reverse().join('').search(dots);
		// Left part: the words right before the first dot that are not titles, verbs or function words.
		let start = first;
		for (let i = words.indexByEnd.get(first) ?? -1; i >= 0; i--) {
			const t = tokens[i];
			if (t.end !== start || isTitle(t) || isFunctionWord(t) || isPunctuation(t) || t.tag === 'm' || first - t.start > 8) { break; }
			// Beyond the word touching the dot, only unknown or name words (之父尼·奎诺 stops before 父).
			if (start !== first && !nameWordTags.has(t.tag)) { break; }
			start = t.start;
		}
		// A single character left of the dot is a name part whatever jieba calls it (本·阿莫).
		if (start === first && first > at) { start = first - 1; }
		// Right part: words after the last dot until a verb, function word, title or punctuation.
		let end = last;
		for (let i = (words.indexByEnd.get(last) ?? tokens.length) + 1; i < tokens.length; i++) {
			const t = tokens[i];
			if (t.start < last) { continue; }
			if (t.start !== end || isTitle(t) || isFunctionWord(t) || isPunctuation(t) || t.end - last > 6) { break; }
			if (end > last && (!nameWordTags.has(t.tag) || t.w.length > 1 && notNameTags.test(t.tag))) { break; }
			if (end === last && notNameTags.test(t.tag) && t.w.length > 1) { break; }
			end = t.end;
		}
		if (end === last) { end = Math.min(last + 2, at + m[0].length); }
		if (start < first && end > last) { yield { start, end, type: 'person', weight: 3 }; }
	}
}

export function* taggedPersons(tokens: readonly Token[]): Generator<Candidate> {
	for (const t of tokens) {
		// nrfg is jieba's tag for full names in its dictionary; plain nr also tags words (荣誉, 白皮书).
		if (t.tag === 'nrfg' && isHanWord(t.w)) { yield { start: t.start, end: t.end, type: 'person', weight: 2 }; }
	}
}

/** `洪耀庄(John Hoffman)`: a Latin name in brackets right after a person is the same person's other name. */
export function* bracketedLatin(text: string, people: readonly Candidate[]): Generator<Candidate> {
	for (const p of people) {
		const m = /^[(（]([A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+)+)[)）]/.exec(text.slice(p.end, p.end + 60));
		if (m) { yield { start: p.end + 1, end: p.end + 1 + m[1].length, type: 'person', weight: 3 }; }
	}
}
