import { readFileSync } from 'node:fs';

/** The project's version, from the package.json beside server/. */
export function serverVersion(): string {
  try {
    const file = new URL('../package.json', import.meta.url);
    const version: unknown = JSON.parse(readFileSync(file, 'utf8')).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
