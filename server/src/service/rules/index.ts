/**
 * The rule registry: a plain list. Adding a rule: write `rules/<id>.ts` with its header
 * comment, add it here, document its id in package.json's `zhCorpus.rules` description, and
 * add `test/unit/<id>.test.ts` with positive, negative and fix cases.
 */
import type { Rule } from '../types';
import { boilerplatePatternRules, boilerplateReactions, boilerplateRelated, boilerplateSpam, boilerplateTail } from './boilerplate';
import { mixedScript } from './mixedScript';

export const allRules: readonly Rule[] = [
	mixedScript,
	...boilerplatePatternRules,
	boilerplateSpam,
	boilerplateRelated,
	boilerplateReactions,
	boilerplateTail,
];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((r) => r.id));
