// Lint configuration. The rule that matters most: the core (server/src/service) imports nothing
// but itself, its data files (server/data) and a few pure libraries, so that it runs anywhere (a
// worker, the CLI, the web). Node globals are kept out by tsconfig.core.json (no Node types).
import tseslint from 'typescript-eslint';

/** The npm packages the core may import: pure JavaScript, no I/O. */
const coreLibraries = ['re2js', 'pinyin-pro', 'opencc-js', 'jsonc-parser'];

/**
 * no-restricted-imports for core files `depth` folders below server/src/service/: any bare
 * import but the libraries above (vscode*, node:*, 'fs', 'worker_threads', 'crypto'…), and any
 * relative import that leaves the core ('../convert' from service/, '../../fileReader' from
 * service/rules/) except into server/data/.
 */
function coreImports(depth) {
	const up = (n) => `(\\.\\./){${n}}`;
	return {
		files: [`server/src/service/${'*/'.repeat(depth)}*.ts`],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{
						regex: `^(?![./])(?!(${coreLibraries.join('|')})(/|$))`,
						message: `The core imports no editor, LSP or Node module, only ${coreLibraries.join(', ')}: the server injects a Workspace and converts in server/src/lsp/convert.ts.`,
					},
					{
						// Allowed: data files in server/data/, and the manifest whose setting defaults the core takes (service/defaults.ts).
						regex: `^(?!${up(depth + 2)}data/|${up(depth + 3)}package\\.json$)${up(depth + 1)}`,
						message: 'The core imports nothing outside server/src/service/ (only data files in server/data/ and package.json): the server calls the core, not the other way round.',
					},
					{
						regex: '(^|/)(?!\\.\\.(/|$))[^/]+/\\.\\.(/|$)',
						message: 'Write relative imports without a ".." after a folder name, so that the rule above can see where they lead.',
					},
				],
			}],
		},
	};
}

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '**/*.cjs', 'bench/_*.ts'] },
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		rules: {
			'curly': 'error',
			'eqeqeq': ['error', 'always'],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	...[0, 1, 2, 3].map(coreImports),
);
