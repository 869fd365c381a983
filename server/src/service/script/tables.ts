/**
 * Script tables built from OpenCC's full dictionaries and loaded lazily on first use: those
 * read as they are from server/data/script.json (openccTables.ts), and those derived from them,
 * generated at build time into server/data/script-tables.json (derivedTables.ts), both made by
 * tools/ scripts run by `npm run build`.
 */
import derived from '../../../data/script-tables.json';
import { decodeDerived } from './derivedTables';
import { readOpenccTables } from './openccTables';
import type { ScriptTables } from './tableTypes';

export { CharClass, isHan, Risk } from './tableTypes';
export type { ScriptTables, StPhrase } from './tableTypes';
export { traditionalToSimplified } from './openccTables';

let tables: ScriptTables | undefined;

export function scriptTables(): ScriptTables {
	return tables ??= { ...readOpenccTables(), ...decodeDerived(derived) };
}
