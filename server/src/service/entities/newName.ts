/**
 * What a rename may write into every mention of a name: a plausible name. A line break written
 * into a hundred files, or a megabyte "name" that took two minutes and a gigabyte to apply, is
 * refused before any edit is computed.
 */
import type { MessageId } from '../messages';

/** Longer than any organization's full name (中国人民政治协商会议全国委员会办公厅 is 18). */
export const maxNameLength = 64;

/** Control, format (invisible) and separator characters, and lone surrogates. */
const notInAName = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Why `name` cannot be a new name (a message id with its arguments), or undefined. */
export function newNameProblem(name: unknown): { readonly message: MessageId; readonly args: readonly (string | number)[] } | undefined {
	if (typeof name !== 'string' || name.trim() === '') { return { message: 'rename.empty', args: [] }; }
	const trimmed = name.trim();
	if (trimmed.length > maxNameLength) { return { message: 'rename.tooLong', args: [trimmed.length, maxNameLength] }; }
	const bad = notInAName.exec(trimmed);
	if (bad) { return { message: 'rename.badCharacter', args: [`U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`] }; }
	return undefined;
}
