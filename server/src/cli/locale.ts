/** The command line's language: `--lang`, else the environment's (LC_ALL, LC_MESSAGES, LANG: `zh_TW.UTF-8` → `zh-tw`). */
export function localeOf(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	const raw = flag ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? 'en';
	const tag = raw.split('.')[0].replace('_', '-').toLowerCase();
	if (tag === 'zh-tw' || tag === 'zh-hk' || tag === 'zh-mo' || tag === 'zh-hant') { return 'zh-tw'; }
	if (tag.startsWith('zh')) { return 'zh-cn'; }
	return 'en';
}
