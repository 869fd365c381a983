/**
 * Named events end in a telling word (峰会, 博览会, 运动会): the ending is found in jieba's
 * words and the name extends left over the words before it (2022年世界互联网大会乌镇峰会),
 * stopping at titles, punctuation, function words and former-role words (原, 前, 驻). The
 * same walk finds organizations by their endings; the trained recognizer has those, so only
 * events are kept. Bracketed abbreviations after an organization are its other name.
 */
import { eventSuffixes, extensionStops, joiningWords, organizationSuffixes, personTitles, weakOrganizationSuffixes } from './lexicon';
import type { Candidate } from './recognize';
import { isFunctionWord, isPunctuation, Token } from './tokens';

/** Endings after which a company name may hold any words, verbs included (上海寻梦信息技术有限公司). */
const companyEndings = new Set(['有限责任公司', '股份有限公司', '有限公司', '股份公司', '公司', '集团']);
/** Endings that a 和/与 may join two halves of (工业和信息化部, 美国艺术与科学院). */
const joinableEndings = new Set(['部', '委员会', '科学院', '组织', '学院', '联合会']);
/** An organization runs to about this many characters at most. */
const maxLength = 24;

const endings = [...organizationSuffixes.map((s) => ({ s, type: 'organization' as const })), { s: '大会', type: 'organization' as const }, ...eventSuffixes.map((s) => ({ s, type: 'event' as const }))]
	.sort((a, b) => b.s.length - a.s.length);

/** Last characters of every ending: most words end otherwise and skip the search. */
const endingLastChars = new Set(endings.map((e) => e.s[e.s.length - 1]));

const isTitleWord = (w: string): boolean => personTitles.has(w);

export function* suffixedOrganizations(text: string, tokens: readonly Token[]): Generator<Candidate> {
	const found: Candidate[] = [];
	for (let k = 0; k < tokens.length; k++) {
		const t = trimPartyGroup(tokens[k]);
		if (!endingLastChars.has(text[t.end - 1])) { continue; }
		const ending = endings.find((e) => text.endsWith(e.s, t.end) && t.end - e.s.length >= 0);
		if (!ending) { continue; }
		// 互联网 ends in 网 and 党组 in 组: a one-character ending counts only as its own word or in a word jieba calls an organization.
		if (weakOrganizationSuffixes.has(ending.s) && t.w !== ending.s && t.tag !== 'nt') { continue; }
		if (tokens[k + 1] && ending.type === 'organization' && isEndingContinued(tokens[k + 1])) { continue; }
		let start = t.start;
		const suffixStart = t.end - ending.s.length;
		// Step back over the tokens of a suffix split in two (有限/公司).
		let j = k - 1;
		while (j >= 0 && tokens[j].start >= suffixStart) { start = tokens[j].start; j--; }
		const modifierEnd = start;
		for (; j >= 0; j--) {
			const w = tokens[j];
			if (!extendsOver(w, tokens[j - 1], ending.s, ending.type, start === modifierEnd)) { break; }
			if (t.end - w.start > maxLength) { break; }
			start = w.start;
		}
		const hasModifier = start < modifierEnd || t.w.length > ending.s.length || t.tag === 'nt';
		if (!hasModifier) { continue; }
		// A one-character ending needs a name of three characters or more (该部, 本院 are not names).
		if (weakOrganizationSuffixes.has(ending.s) && t.end - start < 3) { continue; }
		found.push({ start, end: t.end, type: ending.type, weight: 2 });
	}
	// 中国移动通信集团 is the start of 中国移动通信集团有限公司, not a second name.
	yield* found.filter((c) => !found.some((o) => o.start === c.start && o.end > c.end));
}

/** jieba glues 部 to 党组 (科技部党组成员): the organization ends before 党组. */
function trimPartyGroup(t: Token): Token {
	return t.w.length > 2 && (t.w.endsWith('党组') || t.w.endsWith('党委')) ? { ...t, w: t.w.slice(0, -2), end: t.end - 2 } : t;
}

/** `全球移动通信系统协会(GSMA)`: an upper-case abbreviation in brackets right after an organization. */
export function* bracketedAbbreviations(text: string, organizations: readonly Candidate[]): Generator<Candidate> {
	for (const o of organizations) {
		const m = /^[(（]([A-Z][A-Za-z0-9&]{1,11})[)）]/.exec(text.slice(o.end, o.end + 14));
		if (m) { yield { start: o.end + 1, end: o.end + 1 + m[1].length, type: 'organization', weight: 3 }; }
	}
}

/** 部长, 会长: the ending is the start of a title, not an organization (委员会 + 会长 is handled by the title). */
function isEndingContinued(next: Token): boolean {
	return next.w === '长' || next.w === '员';
}

function extendsOver(w: Token, before: Token | undefined, ending: string, type: 'organization' | 'event', adjacent: boolean): boolean {
	if (isPunctuation(w) || isTitleWord(w.w)) { return false; }
	if (joiningWords.has(w.w)) { return joinableEndings.has(ending) && before !== undefined && !isPunctuation(before); }
	if (extensionStops.has(w.w) || isFunctionWord(w)) { return false; }
	if (w.tag === 'm' || w.tag === 'q' || w.tag === 't') {
		// Years and ordinals belong to events (2022年…峰会, 第十一届…); a number right before 集团 to a brand (360集团).
		return type === 'event' || (adjacent && /^[0-9A-Za-z]+$/.test(w.w));
	}
	if (w.tag[0] === 'v' && w.tag !== 'vn') { return companyEndings.has(ending); }
	return true;
}
