/**
 * Real editors for the LSP tests (Neovim, Emacs): found on the PATH, or installed from Debian on
 * first use when the run may use apt (root and apt-get). Undefined when neither works: the test
 * then skips with one visible line.
 */
import { spawnSync } from 'node:child_process';

/** True when `check` (a shell command) succeeds, e.g. `command -v nvim`. */
const works = (check: string) => spawnSync('sh', ['-c', check], { stdio: 'ignore' }).status === 0;

/** Installs `packages` unless `check` already succeeds; returns whether `check` succeeds afterwards. */
export function debianTool(check: string, packages: readonly string[]): boolean {
	if (works(check)) { return true; }
	if (process.getuid?.() !== 0 || !works('command -v apt-get')) { return false; }
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'ignore', env });
	install();
	if (!works(check)) {
		// The package lists may be missing or stale on a fresh machine.
		spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
		install();
	}
	return works(check);
}
