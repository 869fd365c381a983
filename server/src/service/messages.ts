/**
 * The message catalogue: every user-visible string of the core, keyed by id, in English here and
 * in Simplified and Traditional Chinese in server/data/messages/ (zh-tw.json is generated from
 * zh-cn.json by tools/build-zh-tw.mjs with OpenCC's Taiwan phrases, then reviewed). The locale
 * comes from the client's `initialize` request (the CLI: --lang or LANG).
 */
import zhCn from '../../data/messages/zh-cn.json';
import zhTw from '../../data/messages/zh-tw.json';

const en = {
	'mixedScript.toTraditional': '‘{0}’ is simplified script in traditional text: write ‘{1}’.',
	'mixedScript.toTraditionalSense': '‘{0}’ stands for ‘{1}’ here: traditional text writes ‘{1}’.',
	'mixedScript.toTraditionalPhrase': '‘{0}’ is simplified in the phrase ‘{2}’: write ‘{1}’ in traditional text.',
	'mixedScript.toSimplified': '‘{0}’ is traditional script in simplified text: write ‘{1}’.',
	'mixedScript.toSimplifiedSense': '‘{0}’ is the traditional form here: simplified text writes ‘{1}’.',
	'mixedScript.toSimplifiedPhrase': '‘{0}’ is traditional in the phrase ‘{2}’: write ‘{1}’ in simplified text.',
	'mixedScript.variant': '‘{0}’ is not the {2} standard form: write ‘{1}’.',
	'mixedScript.allowed': '‘{0}’ is a regional variant accepted in traditional text (OpenCC writes ‘{1}’).',
	'mixedScript.overConverted': '‘{0}’ is the wrong traditional form in the phrase ‘{2}’ (an over-conversion): write ‘{1}’.',
	'mixedScript.name': '‘{0}’ is in a name and kept as written there (the common word writes ‘{1}’).',
	'mixedScript.surname': '‘{0}’ begins a name but is no surname: a converter wrote it for the surname ‘{1}’.',
	'mixedScript.ambiguous': '‘{0}’ may stand for ‘{1}’, but the phrase ‘{2}’ has more than one correct form: check it.',
	'mixedScript.inconsistent': '‘{0}’ is not the form this document uses: it writes ‘{1}’ {2, plural, one {# time} other {# times}} elsewhere.',
	'mixedScript.paragraph': 'This paragraph is in {0} script ({1, plural, one {# place} other {# places}} to convert) in a {2} document: convert it to {2}.',
	'mixedScript.document': 'This document mixes scripts: {0} simplified-only and {1, plural, one {# traditional-only character} other {# traditional-only characters}}. Fixes convert toward {2}; set zhCorpus.script.target to choose another script.',
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
	'boilerplate.relatedBlock': '“Related reading” block (‘{0}’, {1, plural, one {# line} other {# lines}}): headlines of other pages.',
	'boilerplate.reactionsBlock': 'Reaction widget (‘{0}’, {1, plural, one {# line} other {# lines}}).',
	'boilerplate.block': '{0} {1}: ‘{2}’.',
	'boilerplate.block.menu': 'A menu of {0, plural, one {# short line} other {# short lines}}',
	'boilerplate.block.headlines': '{0, plural, one {# headline} other {# headlines}}',
	'boilerplate.block.links': 'A row of links',
	'boilerplate.block.comments': 'Comments ({0, plural, one {# line} other {# lines}})',
	'boilerplate.block.footer': 'The page footer ({0, plural, one {# line} other {# lines}})',
	'boilerplate.block.lines': '{0, plural, one {# line} other {# lines}} of page chrome',
	'boilerplate.block.line': 'A line of page chrome',
	'boilerplate.block.head': 'before the article',
	'boilerplate.block.tail': 'after the article',
	'boilerplate.block.between': 'between two articles',
	'boilerplate.block.inside': 'inside the article',
	'boilerplate.repeated-line': 'Template line: ‘{0}’ appears in {1} of {2} files of the corpus.',
	'boilerplate.runningHead': 'Running head: ‘{0}’ appears {1} times in this document.',
	'boilerplate.repeated-lines': 'Template text: {0} lines from ‘{1}’ appear in {2} of {3} files of the corpus.',
	'boilerplate.blockRecurring': '{0} {1}, found in {3} files of this corpus: ‘{2}’.',
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
	'duplicate.document': 'This file is a near-duplicate of {0} ({1}% of its text is shared, after folding script and punctuation); {2, plural, one {# other file is} other {# other files are}} as close.',
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
	'outline.restLarge': '… {0, plural, one {# more line} other {# more lines}} (the outline of a large document covers its first {1} characters)',
	'outline.rest': '… {0, plural, one {# more line} other {# more lines}} (the outline stops at {1} parts)',
	'files.gitignoreRefused': 'zh-corpus: {0}, line {1}: ‘{2}’ is not used: it has more than {3} ‘**’ wildcards, and matching it would take minutes in deep folders.',
	'rename.badCharacter': 'A new name cannot hold a line break, a control or an invisible character ({0}); nothing was renamed.',
	'rename.tooLong': 'A new name of {0} characters is not a name (at most {1}); nothing was renamed.',
	'rename.empty': 'A new name cannot be empty.',
	'command.invalidArguments': 'zh-corpus: the command {0} was not run: {1}.',
	'command.unknown': 'zh-corpus: there is no command {0}.',
	'boilerplate.customStopped': 'Your boilerplate patterns took {0} ms on this document and were stopped before line {1}: simplify them (large counted repetitions are slow).',
	'json.settingsUnused': 'Its settings are not used; the defaults and the editor’s settings apply.',
	'json.tooLarge': 'The file has {0} M characters (at most {1} M): it is not read.',
	'json.tooDeep': 'Objects and arrays are nested more than {0} levels deep (at offset {1}): the file is not read.',
	'json.tooMany': 'The file holds more than {0} values: it is not read.',
	'json.gazetteerUnused': 'The gazetteer is not used; names found in the text are still shown.',
	'json.tooManyEntities': 'Only the first {0} of its {1} entities are used.',
	'json.moreProblems': '… and {0, plural, one {# more problem} other {# more problems}}.',
	'settings.patternTooLong': 'the pattern is {0} characters long (at most {1})',
	'settings.patternRepeat': 'a counted repetition of {0} is too large (at most {1})',
	'settings.patternTooLarge': 'it compiles to {0} instructions (at most {1}): every line would be slow to match',
	'settings.patternSlow': 'a test line of {1} characters took {0} ms to match (at most {2} ms per line); large counted repetitions of broad classes (such as [\\s\\S] or [^x] repeated hundreds of times) are slow',
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
	'summary.title': 'Corpus summary',
	'summary.indexing': 'Indexing: {0} of {1} files so far.',
	'summary.tagging': 'Names are still being found in the background.',
	'summary.files': 'Files',
	'summary.characters': 'Characters',
	'summary.simplifiedFiles': 'Files in simplified script',
	'summary.traditionalFiles': 'Files in traditional script',
	'summary.mixedFiles': 'Files mixing both scripts',
	'summary.problems': 'Problems',
	'summary.cappedFiles': 'Files with more problems than zhCorpus.maxProblemsPerFile',
	'summary.perRule': 'Problems per rule',
	'summary.rule': 'Rule',
	'summary.count': 'Problems',
	'summary.skipped': 'Files not checked',
	'summary.names': 'Most mentioned names',
	'file.binary': 'Not checked: this looks like a binary file (NUL or control bytes in its first 8 KB).',
	'file.too-large': 'Not checked: the file is {0} MB, over the limit of {1} MB (zhCorpus.files.maxSizeMB).',
	'file.encoding': 'Not checked: the file is in {0}, not UTF-8. Convert it to UTF-8 with the quick fix (zh-corpus: Convert File to UTF-8).',
	'file.encodingUnknown': 'Not checked: the file is not valid UTF-8 and its encoding could not be recognized.',
	'encoding.convertTitle': 'Convert this file from {0} to UTF-8',
	'encoding.confirm': 'zh-corpus: convert {0} from {1} to UTF-8? It begins: ‘{2}’. The original is kept in {3}.',
	'encoding.confirmOpen': 'zh-corpus: the editor read {0} as UTF-8, but it is {1}: replace its text with the {1} reading? It begins: ‘{2}’. Save to write it as UTF-8.',
	'encoding.convertAction': 'Convert',
	'encoding.converted': 'zh-corpus: {0} is now UTF-8 (from {1}); the original is in {2}.',
	'encoding.failed': 'zh-corpus: {0} was not converted: {1}.',
	'file.unreadable': 'Not checked: the file cannot be read ({0}).',
	'file.large': 'This file ({0} characters) is checked in {1} parts of about {2} characters each: repeated paragraphs and cut paragraphs are found within a part, not across parts, and it takes no part in duplicate-document detection.',
	'clean.nothing': 'zh-corpus: nothing to clean: the chosen rules ({0}) have no fixes in {1, plural, one {# file} other {# files}}.',
	'clean.confirm': 'zh-corpus: clean {0} of {1} files? {2}. Originals are kept in .zh-corpus/backup/ and a review report lists every removed line.',
	'clean.confirmPreview': 'zh-corpus: clean {0, plural, one {# file} other {# files}}? {1}.',
	'clean.confirmAction': 'Clean {0, plural, one {# file} other {# files}}',
	'clean.cancelAction': 'Cancel',
	'clean.checking': 'Checking {0}/{1} files',
	'clean.writing': 'Cleaning {0}/{1} files',
	'clean.reviewPreview': 'zh-corpus: {0, plural, one {# file can be} other {# files can be}} cleaned ({1}). Review the changes in the Refactor Preview: tick the rules or files to apply, then Apply.',
	'clean.previewLabel': 'zh-corpus: clean workspace',
	'clean.done': 'zh-corpus: cleaned {0, plural, one {# file} other {# files}} ({1, plural, one {# change} other {# changes}}). Originals: {2}. Review report: {3}.',
	'clean.stopped': 'zh-corpus: clean stopped after {0, plural, one {# file; "Undo last clean" restores it} other {# files; "Undo last clean" restores them}}. Originals: {1}.',
	'clean.skipped': 'Skipped {0, plural, one {# file} other {# files}}: {1}.',
	'clean.skip.unsaved': 'unsaved changes in the editor',
	'clean.skip.notUtf8': 'not UTF-8 (not written, to keep its encoding)',
	'clean.skip.outsideFolder': 'outside the workspace folders',
	'clean.skip.unreadable': 'unreadable',
	'clean.skip.changed': 'changed while the clean ran (not written: clean again)',
	'clean.skip.readOnly': 'read-only or not writable',
	'clean.skip.notOwner': 'owned by another user (writing would change the owner)',
	'clean.skip.hardLink': 'has several names (hard links; writing would leave the others with the old text)',
	'clean.skip.failed': 'could not be written',
	'clean.skippedFiles': 'Files: {0}.',
	'clean.restricted': 'zh-corpus: Clean Workspace and Undo Last Clean are off in Restricted Mode: trust this folder to use them.',
	'clean.refused': 'zh-corpus: refused: {0}.',
	'clean.undoNone': 'zh-corpus: there is no clean to undo in .zh-corpus/backup/.',
	'clean.undone': 'zh-corpus: restored {0, plural, one {# file} other {# files}} from {1}.',
	'clean.undoSkipped': 'Not restored, because they changed after the clean: {0}.',
	'clean.undoRefused': 'zh-corpus: Undo Last Clean refused {0}: {1}. Nothing was restored; if zh-corpus did not make that backup, delete the folder.',
	'clean.undoFailed': 'Not restored: {0}.',
	'entity.person': 'person',
	'entity.organization': 'organization',
	'entity.place': 'place',
	'entity.work': 'work',
	'entity.event': 'event',
	'entity.roles': 'Roles: {0}',
	'entity.aliases': 'Also called: {0}',
	'entity.variants': 'Also written: {0}',
	'entity.mentions': 'Mentions: {0} in this file, {1} in {2, plural, one {# file} other {# files}}',
	'entity.files': 'Files: {0}',
	'entity.more': '… and {0} more',
	'entity.variant': '‘{0}’ and ‘{1}’ ({2}) look like one person written two ways; ‘{1}’ has {3}.',
	'entity.count': '{0, plural, one {# mention} other {# mentions}} in {1, plural, one {# file} other {# files}}',
	'entity.variantFix': 'Write ‘{0}’',
	'entity.variantOther': 'the other spelling, ‘{0}’',
	'entity.gazetteerProblem': '{0}',
	'files.gitIgnored': 'zh-corpus: {0, plural, one {# .txt file or folder is left out because a .gitignore ignores it; set zhCorpus.files.useGitignore to false to check it} other {# .txt files or folders are left out because a .gitignore ignores them; set zhCorpus.files.useGitignore to false to check them}}.',
	'files.linksOutside': 'zh-corpus: {0, plural, one {# symbolic link leads out of the workspace folders and is} other {# symbolic links lead out of the workspace folders and are}} not followed (zh-corpus reads and writes only inside them).',
	'rename.outside': 'zh-corpus: the rename leaves out {0, plural, one {# file that lies} other {# files that lie}} outside the workspace folders (reached through symbolic links): {1}.',
	'cli.summary': '{0, plural, one {# file} other {# files}}: {1, plural, one {# error} other {# errors}}, {2, plural, one {# warning} other {# warnings}}, {3, plural, one {# info} other {# infos}}, {4, plural, one {# hint} other {# hints}}',
	'cli.fixed': 'changed {0} of {1} files ({2, plural, one {# edit} other {# edits}})',
	'cli.wouldFix': 'would change {0} of {1} files ({2, plural, one {# edit} other {# edits}})',
	'cli.fixedFile': 'fixed ({0, plural, one {# edit} other {# edits}})',
	'cli.notWritten': 'not written: {0}',
	'cli.notFixed': '{0, plural, one {# file was} other {# files were}} not written (named above)',
	'settings.invalid': 'zh-corpus: setting {0} has an invalid value ({1}); using {2}.',
	'settings.unknownRule': 'zh-corpus: zhCorpus.rules names an unknown rule ‘{0}’; it is ignored.',
} as const;

export type MessageId = keyof typeof en;

const catalogues: Record<string, Partial<Record<MessageId, string>>> = {
	en, 'zh-cn': zhCn, 'zh-tw': zhTw,
	// Other Chinese locales by their script.
	zh: zhCn, 'zh-sg': zhCn, 'zh-hans': zhCn, 'zh-hk': zhTw, 'zh-mo': zhTw, 'zh-hant': zhTw,
};

export type Translate = (id: MessageId, ...args: readonly (string | number)[]) => string;

/** Returns a formatter for `locale` (`zh-cn`, `zh-tw`, `en` …), falling back to English. */
export function messagesFor(locale: string | undefined): Translate {
	const lower = (locale ?? 'en').toLowerCase();
	const catalogue = catalogues[lower] ?? catalogues[lower.split('-')[0]] ?? en;
	return (id, ...args) => format(catalogue[id] ?? en[id], args);
}

/**
 * A template cut at its placeholders once (text, then `[argument index, placeholder]`, or for a
 * plural `[index, placeholder, one, other]`): a check formats thousands of messages.
 */
type TemplatePart = string | readonly [number, string] | readonly [number, string, string, string];
const compiled = new Map<string, readonly TemplatePart[]>();

/**
 * `{0}`, or ICU's plural form restricted to what English needs, `{0, plural, one {# file} other
 * {# files}}` (`#` is the argument as given: a grouped number stays grouped). The Chinese
 * catalogues need no plural and write `{0}`.
 */
const placeholder = /\{(\d+)(?:, plural, one \{([^{}]*)\} other \{([^{}]*)\})?\}/g;

function compile(template: string): readonly TemplatePart[] {
	const cut: TemplatePart[] = [];
	let from = 0;
	for (const m of template.matchAll(placeholder)) {
		cut.push(template.slice(from, m.index), m[2] === undefined ? [Number(m[1]), m[0]] : [Number(m[1]), m[0], m[2], m[3]]);
		from = m.index! + m[0].length;
	}
	cut.push(template.slice(from));
	return cut;
}

/** English's plural rule: "1" takes the singular (grouped numbers arrive as strings: "1,024"). */
const isOne = (arg: string | number) => (typeof arg === 'number' ? arg : Number(arg.replace(/,/g, ''))) === 1;

function format(template: string, args: readonly (string | number)[]): string {
	let parts = compiled.get(template);
	if (!parts) { compiled.set(template, parts = compile(template)); }
	let out = '';
	for (const p of parts) {
		if (typeof p === 'string') { out += p; continue; }
		if (p[0] >= args.length) { out += p[1]; continue; }
		const arg = args[p[0]];
		out += p.length === 2 ? String(arg) : (isOne(arg) ? p[2] : p[3]).replaceAll('#', String(arg));
	}
	return out;
}

/** The argument indexes a template uses (`{0}` and `{0, plural, …}` alike), for checking translations. */
export function placeholderIndexes(template: string): number[] {
	return [...new Set([...template.matchAll(placeholder)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}

/**
 * An integer with its digits grouped by threes, as `toLocaleString('en')` writes it (12,345). The
 * first toLocaleString in a thread loads ICU's number formats: 21–31 ms measured, 47 ms on the
 * server's thread while the first scan's progress was reported, a request waiting behind it.
 */
export function grouped(n: number): string {
	if (!Number.isSafeInteger(n)) { return n.toLocaleString('en'); }
	const digits = String(Math.abs(n));
	let out = digits.slice(0, digits.length % 3 || 3);
	for (let i = out.length; i < digits.length; i += 3) { out += `,${digits.slice(i, i + 3)}`; }
	return n < 0 ? `-${out}` : out;
}

/** Every message id, for tests that check that all catalogues are complete. */
export const messageIds = Object.keys(en) as MessageId[];
