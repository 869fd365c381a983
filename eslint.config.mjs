// Lint configuration. The rule that matters most: the core (server/src/service) imports no
// editor, LSP or Node I/O module, so that it runs anywhere (a worker, the CLI, the web).
import tseslint from 'typescript-eslint';

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
	{
		files: ['server/src/service/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{ group: ['vscode', 'vscode-*'], message: 'The core must not know the editor or LSP: convert in server/src/convert.ts.' },
					{ group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'The core does no I/O: the server injects a Workspace.' },
				],
			}],
		},
	},
);
