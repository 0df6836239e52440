/** What a CLI run produces; the bin writes it out and exits with the code. */
export interface CliResult {
  stdout: string;
  stderr: string;
  /** 0: done; 1: `lint` found errors; 2: bad arguments (including a `set` value that would split the entry). */
  exitCode: 0 | 1 | 2;
}

export const usageFailure = (message: string): CliResult => ({ stdout: '', stderr: message, exitCode: 2 });
