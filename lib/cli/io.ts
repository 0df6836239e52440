import { readFileSync } from 'node:fs';
import type { CliIo } from './run';

/** The real process's input: files as UTF-8 text, standard input read whole on demand. */
export const processIo: CliIo = {
  readStdin: () => readFileSync(0, 'utf8'),
  readFile: (path) => readFileSync(path, 'utf8'),
};
