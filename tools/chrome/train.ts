/** Training the chrome model (placeholder until the model exists: the rules have no weights yet). */
import type { Page } from './pages';

export type Model = undefined;

export function trainFor(_pages: readonly Page[]): Model { return undefined; }

export function useModelOf(_model: Model): void { }
