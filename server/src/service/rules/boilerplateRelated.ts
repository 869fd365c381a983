/**
 * boilerplate.related — “related reading” blocks: a heading (相关阅读, 推荐阅读, 视觉焦点 …) and the
 * list of other headlines, teasers and timestamps under it. One finding per block; the fix deletes it.
 */
import { analyze } from '../boilerplate/analysis';
import { blockRule } from '../boilerplate/findings';

export const boilerplateRelated = blockRule('related', '“Related reading” blocks: a heading and a list of other headlines and timestamps.', (doc) => analyze(doc).related);
