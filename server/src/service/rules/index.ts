/**
 * The rule registry: a plain list. Adding a rule: write `rules/<id>.ts` with its header
 * comment, add it here, document its id in package.json's `zhCorpus.rules` description, and
 * add `test/unit/<id>.test.ts` with positive, negative and fix cases.
 */
import type { Rule } from '../types';
import { boilerplateCustom } from './boilerplateCustom';
import { boilerplatePatternRules } from './boilerplatePatterns';
import { boilerplateReactions } from './boilerplateReactions';
import { boilerplateRelated } from './boilerplateRelated';
import { boilerplateRepeatedLine } from './boilerplateRepeatedLine';
import { boilerplateSpam } from './boilerplateSpam';
import { boilerplateTail } from './boilerplateTail';
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
	boilerplateTail,
	boilerplateRepeatedLine,
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
