/**
 * Builds the app once per test run and serves it, for every browser test
 * (they `inject('appUrl')`). A run filtered to files that are not browser
 * tests skips the build.
 */
import type { TestProject } from 'vitest/node';
import { buildApp, serveBuild } from './built-app';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

/** The file filters given on the command line (`vitest run test/engine`). */
function fileFilters(): string[] {
  const args = process.argv.slice(2);
  return args.filter((arg, i) => !arg.startsWith('-') && !['run', 'watch', 'dev'].includes(arg) && !args[i - 1]?.match(/^--(reporter|maxWorkers|project|config)$/));
}

export default async function setup(project: TestProject) {
  const filters = fileFilters();
  if (filters.length > 0 && !filters.some((filter) => /browser|^test\/?$/.test(filter))) return undefined;
  await buildApp();
  const app = await serveBuild();
  project.provide('appUrl', app.url);
  return () => app.close();
}
