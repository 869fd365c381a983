/**
 * What a file that was not checked (binary, too large, another encoding, unreadable) shows: one
 * message in the user's language, and for the server one diagnostic on its first line.
 */
import { fileNotice } from '../lsp/convert';
import { mb } from './fileReader';
import type { Translate } from '../service/messages';
import type { Skipped } from '../worker/protocol';

/** Why a file was not checked, in the user's language. */
export function skippedMessage(t: Translate, skipped: Skipped): string {
	switch (skipped.reason) {
		case 'binary': return t('file.binary');
		case 'too-large': return t('file.too-large', mb(skipped.size ?? 0), mb(skipped.limit ?? 0));
		case 'encoding': return skipped.encoding ? t('file.encoding', skipped.encoding) : t('file.encodingUnknown');
		default: return t('file.unreadable', skipped.detail);
	}
}

/** The one diagnostic a file that was not read gets, on its first line. */
export function skippedDiagnostic(t: Translate, skipped: Skipped) {
	const notice = fileNotice(`file.${skipped.reason === 'missing' ? 'unreadable' : skipped.reason}`, skippedMessage(t, skipped));
	// The conversion quick fix reads the encoding from here.
	return skipped.encoding ? { ...notice, data: { encoding: skipped.encoding } } : notice;
}
