/**
 * The `zhCorpus.*` settings as package.json declares them (contributes.configuration): the one
 * place their names, types, bounds and defaults are written. The server, the command line and the
 * project file read them from here; the README's table is checked against them (test/unit/docs.test.ts).
 *
 * Validation covers the JSON Schema keywords package.json uses for settings (type, enum, minimum,
 * maximum, items); a test fails when a setting uses another, so nothing there goes unchecked.
 */
import pkg from '../../package.json';

export interface SettingSchema {
	readonly type: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
	readonly default?: unknown;
	readonly enum?: readonly unknown[];
	readonly minimum?: number;
	readonly maximum?: number;
	readonly items?: SettingSchema | { readonly type: string };
	/** The schema of each value of an object setting (`rules`: a severity per rule id). */
	readonly additionalProperties?: SettingSchema;
}

/** Setting keys without the `zhCorpus.` prefix (`script.target`) → their schema. */
export const settingSchemas: ReadonlyMap<string, SettingSchema> = new Map(
	Object.entries(pkg.contributes.configuration.properties as unknown as Record<string, SettingSchema>)
		.map(([key, schema]) => [key.replace(/^zhCorpus\./, ''), schema]),
);

/** The default of a setting (`files.maxSizeMB` → 512); throws for a name package.json does not declare. */
export function settingDefault<T>(key: string): T {
	const schema = settingSchemas.get(key);
	if (!schema) { throw new Error(`zhCorpus.${key} is not a setting of package.json`); }
	return structuredClone(schema.default) as T;
}

/** True when the value has the declared type and stays within its enum and bounds. */
export function matchesSchema(schema: SettingSchema, value: unknown): boolean {
	switch (schema.type) {
		case 'string': if (typeof value !== 'string') { return false; } break;
		case 'boolean': if (typeof value !== 'boolean') { return false; } break;
		case 'number': if (typeof value !== 'number' || !Number.isFinite(value)) { return false; } break;
		case 'integer': if (!Number.isInteger(value)) { return false; } break;
		case 'object': if (typeof value !== 'object' || value === null || Array.isArray(value)) { return false; } break;
		case 'array':
			if (!Array.isArray(value)) { return false; }
			// Object items (boilerplate.patterns) are checked one by one by their own reader.
			if (schema.items && schema.items.type !== 'object' && !value.every((v) => matchesSchema(schema.items as SettingSchema, v))) { return false; }
			break;
		default: return false;
	}
	if (schema.enum && !schema.enum.includes(value)) { return false; }
	if (typeof value === 'number' && ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum))) { return false; }
	return true;
}
