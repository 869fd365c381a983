/**
 * The rule registry: a plain list. Adding a rule (CONTRIBUTING.md, "Add a rule"): write
 * `rules/<ruleFile>.ts` with its header comment, list it here, add its messages to
 * server/data/messages/{en,zh-cn}.json (then `node tools/build-zh-tw.mjs`), and pin it in
 * `test/unit/rules/<ruleFile>.test.ts` with `describeRule` (a finding, a decoy, the text after
 * its fix). The registry test fails for a rule file that is not listed here or has no such test,
 * and tools/check-rule-pins.mjs (in npm test) for a rule whose tests pass without it.
 */
import type { Rule } from '../types';
import { boilerplateBlock } from './boilerplateBlock';
import { boilerplateCustom } from './boilerplateCustom';
import { boilerplatePatternRules } from './boilerplatePatterns';
import { boilerplateReactions } from './boilerplateReactions';
import { boilerplateRelated } from './boilerplateRelated';
import { boilerplateRepeatedLine } from './boilerplateRepeatedLine';
import { boilerplateRunningHead } from './boilerplateRunningHead';
import { boilerplateSpam } from './boilerplateSpam';
import { duplicateDocument } from './duplicateDocument';
import { duplicateParagraph } from './duplicateParagraph';
import { entityVariant } from './entityVariant';
import { layoutBlank } from './layoutBlank';
import { layoutBrokenParagraph } from './layoutBrokenParagraph';
import { mixedScript } from './mixedScript';
import { punctuationWidth } from './punctuationWidth';
import { spacingCjk } from './spacingCjk';
import { termCase } from './termCase';
import { unicodeInvisible } from './unicodeInvisible';
import { unicodeNoise } from './unicodeNoise';

export const allRules: readonly Rule[] = [
	mixedScript,
	...boilerplatePatternRules,
	boilerplateSpam,
	boilerplateRelated,
	boilerplateReactions,
	boilerplateBlock,
	boilerplateRepeatedLine,
	boilerplateRunningHead,
	boilerplateCustom,
	duplicateParagraph,
	duplicateDocument,
	layoutBlank,
	layoutBrokenParagraph,
	spacingCjk,
	punctuationWidth,
	unicodeInvisible,
	unicodeNoise,
	termCase,
	entityVariant,
];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.id));
