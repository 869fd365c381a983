/**
 * Pinyin of entity names (pinyin-pro). Surname readings (任 rén, 单 shàn, 曾 zēng) only for
 * people: in surname mode 银行行长 would read yín háng xíng cháng.
 */
import { pinyin } from 'pinyin-pro';
import type { EntityType } from './recognize';

export function namePinyin(name: string, type: EntityType): string {
	return pinyin(name, { surname: type === 'person' ? 'head' : 'off' });
}

/** Toneless syllables without spaces (hongyaozhuang): what two spellings of one sound share. */
export function plainPinyin(name: string, type: EntityType): string {
	return pinyin(name, { toneType: 'none', surname: type === 'person' ? 'head' : 'off', separator: '' }).toLowerCase();
}

/** First letters (rxl), for workspace symbol search. */
export function pinyinInitials(name: string): string {
	return pinyin(name, { pattern: 'first', toneType: 'none', separator: '' }).toLowerCase();
}
