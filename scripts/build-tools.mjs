// Which of the packages `npm run build` needs are missing from a package folder: typescript (tsc),
// esbuild, and commander standing for the libraries the bundle inlines. Each is probed by resolving the
// package itself, not `name/package.json`: a package with an "exports" map (commander has one) may not
// export its package.json, and that probe failed in every clone.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const BUILD_TOOLS = ['typescript', 'esbuild', 'commander'];

/** The build tools that cannot be resolved from `folder` (the package's root), in BUILD_TOOLS order. */
export function missingBuildTools(folder) {
  const require = createRequire(join(folder, 'package.json'));
  return BUILD_TOOLS.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}
