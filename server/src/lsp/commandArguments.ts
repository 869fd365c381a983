/**
 * The arguments of `workspace/executeCommand`, checked against each command's schema before the
 * command runs: any client, keybinding or extension may send anything, and malformed arguments
 * used to end in TypeErrors in the log with nothing said to the user. A command with arguments
 * it cannot take is refused with a message that names the argument.
 */
import type { Translate } from '../service/messages';
import { serverCommands } from '../protocol';

/** What is wrong with the arguments, in words for the user; undefined when they fit. */
type Check = (args: readonly unknown[]) => string | undefined;

const maxUri = 8192;
const targets = ['simplified', 'traditional', 'traditional-tw', 'traditional-hk'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => { const s = JSON.stringify(v) ?? String(v); return s.length > 60 ? `${s.slice(0, 60)}…` : s; };

function uri(name: string, v: unknown): string | undefined {
	if (typeof v !== 'string' || !/^(file|untitled):/.test(v)) { return `${name} must be a file URI, not ${show(v)}`; }
	return v.length > maxUri ? `${name} is longer than ${maxUri} characters` : undefined;
}

/** An optional object whose listed keys have the given kinds (other keys are ignored). */
function options(name: string, v: unknown, keys: Record<string, 'boolean' | 'strings'>): string | undefined {
	if (v === undefined || v === null) { return undefined; }
	if (!isObject(v)) { return `${name} must be an object, not ${show(v)}`; }
	for (const [key, kind] of Object.entries(keys)) {
		const value = v[key];
		if (value === undefined || value === null) { continue; }
		if (kind === 'boolean' && typeof value !== 'boolean') { return `${name}.${key} must be true or false, not ${show(value)}`; }
		if (kind === 'strings' && !(Array.isArray(value) && value.length <= 100 && value.every((s) => typeof s === 'string' && s.length <= 100))) {
			return `${name}.${key} must be a list of rule family names, not ${show(value)}`;
		}
	}
	return undefined;
}

const checks: Record<string, Check> = {
	[serverCommands.convertDocument]: ([doc, target]) => uri('the document', doc) ?? (targets.includes(target as string) ? undefined : `the target must be one of ${targets.join(', ')}, not ${show(target)}`),
	[serverCommands.cleanWorkspace]: ([args]) => options('the options', args, { families: 'strings', assumeYes: 'boolean' }),
	[serverCommands.undoLastClean]: () => undefined,
	[serverCommands.fixAll]: ([doc, rule]) => uri('the document', doc) ?? (rule === undefined || (typeof rule === 'string' && rule.length <= 100) ? undefined : `the rule must be a rule id, not ${show(rule)}`),
	[serverCommands.convertToUtf8]: ([file, opts]) => uri('the file', file) ?? options('the options', opts, { assumeYes: 'boolean' }),
};

/** Commands whose arguments are checked here (the server registers exactly these). */
export const checkedCommands: readonly string[] = Object.keys(checks);

/** The message refusing the command, or undefined when it may run. */
export function commandArgumentsProblem(command: string, args: unknown, t: Translate): string | undefined {
	const check = checks[command];
	if (!check) { return t('command.unknown', show(command)); }
	if (args !== undefined && args !== null && !Array.isArray(args)) { return t('command.invalidArguments', command, `the arguments must be a list, not ${show(args)}`); }
	const problem = check((args as unknown[] | undefined) ?? []);
	return problem === undefined ? undefined : t('command.invalidArguments', command, problem);
}
