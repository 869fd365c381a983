/**
 * boilerplate.reactions — mood and comment widgets (您此时的心情, 开心 0, 我要评论) with their
 * counters. One finding per widget; the fix deletes it.
 */
import { analyze } from '../boilerplate/analysis';
import { blockRule } from '../boilerplate/findings';

export const boilerplateReactions = blockRule('reactions', 'Mood and comment widgets (您此时的心情, 开心 0, 我要评论).', (doc) => analyze(doc).reactions);

