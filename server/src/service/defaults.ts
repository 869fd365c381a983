/**
 * The core's options at their defaults: the defaults package.json declares for the `zhCorpus.*`
 * settings (the one place they are written; the server validates settings against the same
 * declarations, server/src/settingSchema.ts). The manifest is data bundled with the core, like
 * server/data: no file is read at run time.
 */
import pkg from '../../../package.json';
import type { LintOptions } from './types';

const declared = pkg.contributes.configuration.properties as unknown as Record<string, { readonly default?: unknown }>;

function declaredDefault<T>(setting: string): T {
	const property = declared[`zhCorpus.${setting}`];
	if (!property) { throw new Error(`package.json declares no setting zhCorpus.${setting}`); }
	return property.default as T;
}

export const defaultLintOptions: LintOptions = Object.freeze({
	rules: declaredDefault<LintOptions['rules']>('rules'),
	scriptTarget: declaredDefault<LintOptions['scriptTarget']>('script.target'),
	scriptAllow: declaredDefault<LintOptions['scriptAllow']>('script.allow'),
	maxProblems: declaredDefault<number>('maxProblemsPerFile'),
	fixAllRules: declaredDefault<LintOptions['fixAllRules']>('fixAll.rules'),
	repeatedLineMinFiles: declaredDefault<number>('boilerplate.repeatedLineMinFiles'),
	customPatterns: declaredDefault<LintOptions['customPatterns']>('boilerplate.patterns'),
	punctuationWidth: declaredDefault<LintOptions['punctuationWidth']>('punctuation.width'),
	terms: declaredDefault<LintOptions['terms']>('terms'),
});
