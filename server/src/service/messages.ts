/**
 * The message catalogue: every user-visible string of the core, keyed by id. The locale comes
 * from the client's `initialize` request; translations are added per locale (English now).
 */
const en = {
	'mixedScript.toTraditional': '‘{0}’ is simplified script in traditional text: write ‘{1}’.',
	'mixedScript.toTraditionalSense': '‘{0}’ stands for ‘{1}’ here: traditional text writes ‘{1}’.',
	'mixedScript.toTraditionalPhrase': '‘{0}’ is simplified in the phrase ‘{2}’: write ‘{1}’ in traditional text.',
	'mixedScript.toSimplified': '‘{0}’ is traditional script in simplified text: write ‘{1}’.',
	'mixedScript.toSimplifiedSense': '‘{0}’ is the traditional form here: simplified text writes ‘{1}’.',
	'mixedScript.toSimplifiedPhrase': '‘{0}’ is traditional in the phrase ‘{2}’: write ‘{1}’ in simplified text.',
	'mixedScript.variant': '‘{0}’ is not the {2} standard form: write ‘{1}’.',
	'mixedScript.allowed': '‘{0}’ is a regional variant accepted in traditional text (OpenCC writes ‘{1}’).',
	'mixedScript.paragraph': 'This paragraph is in {0} script ({1} places to convert) in a {2} document: convert it to {2}.',
	'mixedScript.document': 'This document mixes scripts: {0} simplified-only and {1} traditional-only characters. Fixes convert toward {2}; set zhCorpus.script.target to choose another script.',
	'boilerplate.share-widget': 'Share widget: ‘{0}’.',
	'boilerplate.navigation': 'Page navigation: ‘{0}’.',
	'boilerplate.source': 'Source or date line: ‘{0}’ (page metadata; delete it if the corpus keeps text only).',
	'boilerplate.credit': 'Editor credit or byline: ‘{0}’.',
	'boilerplate.caption': 'Photo caption or credit: ‘{0}’.',
	'boilerplate.copyright': 'Copyright or repost notice: ‘{0}’.',
	'boilerplate.ad': 'Promotion or contact line: ‘{0}’.',
	'boilerplate.reactions': 'Reaction or comment widget: ‘{0}’.',
	'boilerplate.page-header': 'Newspaper page header: ‘{0}’.',
	'boilerplate.jump-marker': 'Page continuation marker: ‘{0}’.',
	'boilerplate.spam': 'SEO spam injected into the text: ‘{0}’.',
	'boilerplate.relatedBlock': '“Related reading” block (‘{0}’, {1} lines): headlines of other pages.',
	'boilerplate.reactionsBlock': 'Reaction widget (‘{0}’, {1} lines).',
	'boilerplate.tail': 'The last {0} lines are page chrome after the text ends (line {1}).',
	'boilerplate.repeated-line': 'Template line: ‘{0}’ appears in {1} of {2} files of the corpus.',
	'boilerplate.custom': 'Boilerplate (your pattern ‘{0}’): {1}',
	'spacing.cjk': 'Stray space inside Chinese text: ‘{0}’.',
	'punctuation.width': '‘{0}’ between Chinese characters: this document writes ‘{1}’ ({2} times against {3}).',
	'punctuation.widthForced': '‘{0}’: zhCorpus.punctuation.width asks for ‘{1}’.',
	'unicode.invisible': 'Invisible character {0}.',
	'unicode.noise.pinyin': 'Pinyin annotation ‘{0}’ glued to the text.',
	'unicode.noise.stray': 'Stray character ‘{0}’ of another script between Chinese characters.',
	'unicode.noise.replacement': 'Replacement character ‘{0}’: text was lost when the file was decoded.',
	'unicode.noise.mojibake': 'Mojibake ‘{0}’: text decoded with the wrong encoding.',
	'term.case': '‘{0}’ is written ‘{1}’.',
	'layout.blank.whitespace': 'This line looks empty but holds whitespace; paragraphs here are separated by empty lines.',
	'layout.blank.punctuation': 'A line of punctuation only (‘{0}’) between paragraphs.',
	'duplicate.paragraph': 'Repeated text: ‘{0}’ already appears on line {1}.',
	'duplicate.document': 'This file is a near-duplicate of {0} ({1}% of its text is shared, after folding script and punctuation); {2} other files are as close.',
	'duplicate.documentOther': 'Near-duplicate ({0}% shared)',
	'duplicate.overlap': 'This passage ({0} characters, ‘{3}’) also appears in {1}, line {2}.',
	'duplicate.overlapOther': 'The same passage in the other file',
	'duplicate.firstOccurrence': 'First occurrence',
	'layout.brokenParagraph': 'This paragraph is cut mid-sentence (‘…{0}’): it continues on line {1} (‘{2}’), forming ‘{3}’ across the cut.',
	'layout.truncated': 'This paragraph ends mid-sentence (‘…{0}’) and its continuation is not in this document.',
	'layout.continuation': 'Continuation of the cut paragraph',
	'fix.joinParagraph': 'Move line {0} here and join the paragraph',
	'outline.source': 'source line',
	'outline.chrome': 'page chrome ({0})',
	'outline.continued': '续:',
	'outline.continuation': 'continuation of a cut paragraph',
	'outline.articleStart': 'article',
	'fix.removeSpace': 'Remove the space',
	'fix.deleteCharacter': 'Delete {0}',
	'fix.emptyLine': 'Empty this line',
	'fix.deleteRepeat': 'Delete the repeated text',
	'settings.invalidPattern': 'zh-corpus: zhCorpus.boilerplate.patterns[{0}] ‘{1}’ is ignored: {2}. Patterns use RE2 syntax (no look-behind, no back-references).',
	'fix.deleteLine': 'Delete this line',
	'fix.deleteLines': 'Delete these {0} lines',
	'fix.stripSpan': 'Remove ‘{0}’',
	'fix.deleteTail': 'Delete everything after the last body paragraph',
	'script.simplified': 'simplified',
	'script.traditional': 'traditional',
	'script.traditional-tw': 'traditional (Taiwan)',
	'script.traditional-hk': 'traditional (Hong Kong)',
	'region.traditional-tw': 'Taiwan',
	'region.traditional-hk': 'Hong Kong',
	'fix.replace': 'Replace ‘{0}’ with ‘{1}’',
	'fix.convertParagraph': 'Convert this paragraph to {0}',
	'fix.convertDocument': 'Convert every flagged character to {0}',
	'fix.allOfRule': 'Fix all {0} problems in this file',
	'fix.all': 'Fix all auto-fixable zh-corpus problems',
	'rule.mixed-script': 'Characters of the other script (simplified in traditional text or the reverse), judged with phrase context.',
	'server.fileTooLarge': 'zh-corpus: {0} is not checked: it has {1} characters, more than the limit of {2}.',
	'clean.nothing': 'zh-corpus: nothing to clean: the chosen rules ({0}) have no fixes in {1} files.',
	'clean.confirm': 'zh-corpus: clean {0} of {1} files? {2}. Originals are kept in .zh-corpus/backup/ and a review report lists every removed line.',
	'clean.confirmPreview': 'zh-corpus: clean {0} files? {1}.',
	'clean.confirmAction': 'Clean {0} files',
	'clean.cancelAction': 'Cancel',
	'clean.checking': 'Checking {0}/{1} files',
	'clean.writing': 'Cleaning {0}/{1} files',
	'clean.reviewPreview': 'zh-corpus: {0} files can be cleaned ({1}). Review them in the Refactor Preview: tick the rules or files to apply, then Apply.',
	'clean.previewLabel': 'zh-corpus: clean workspace',
	'clean.done': 'zh-corpus: cleaned {0} files ({1} changes). Originals: {2}. Review report: {3}.',
	'clean.stopped': 'zh-corpus: clean stopped after {0} files; "Undo last clean" restores them. Originals: {1}.',
	'clean.skipped': 'Skipped {0} files: {1}.',
	'clean.skip.unsaved': 'unsaved changes in the editor',
	'clean.skip.notUtf8': 'not UTF-8 (not written, to keep its encoding)',
	'clean.skip.outsideFolder': 'outside the workspace folders',
	'clean.skip.unreadable': 'unreadable or changed during the clean',
	'clean.undoNone': 'zh-corpus: there is no clean to undo in .zh-corpus/backup/.',
	'clean.undone': 'zh-corpus: restored {0} files from {1}.',
	'clean.undoSkipped': 'Not restored, because they changed after the clean: {0}.',
	'settings.invalid': 'zh-corpus: setting {0} has an invalid value ({1}); using {2}.',
	'settings.unknownRule': 'zh-corpus: zhCorpus.rules names an unknown rule ‘{0}’; it is ignored.',
} as const;

export type MessageId = keyof typeof en;

const catalogues: Record<string, Partial<Record<MessageId, string>>> = { en };

export type Translate = (id: MessageId, ...args: readonly (string | number)[]) => string;

/** Returns a formatter for `locale` (`zh-cn`, `zh-tw`, `en` …), falling back to English. */
export function messagesFor(locale: string | undefined): Translate {
	const lower = (locale ?? 'en').toLowerCase();
	const catalogue = catalogues[lower] ?? catalogues[lower.split('-')[0]] ?? en;
	return (id, ...args) => format(catalogue[id] ?? en[id], args);
}

function format(template: string, args: readonly (string | number)[]): string {
	return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

/** Every message id, for tests that check that all catalogues are complete. */
export const messageIds = Object.keys(en) as MessageId[];
