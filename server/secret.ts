import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The token signing secret: PROJECT_DESK_SECRET when set, otherwise the file `secret` in the data
 * directory, made on first use with 32 random bytes and file mode 0600 (only the server's user reads it).
 */
export const SecretSchema = z
  .string()
  .min(32, 'the signing secret must be at least 32 characters')
  .max(1024, 'the signing secret must be at most 1024 characters');

export const SECRET_FILE = 'secret';

export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
}

export function loadOrCreateSecret(dataDir: string, fromEnvironment?: string): string {
  if (fromEnvironment !== undefined) return SecretSchema.parse(fromEnvironment);
  ensureDataDir(dataDir);
  const file = path.join(dataDir, SECRET_FILE);
  try {
    // 'wx': two processes starting at once cannot both write a secret; the loser reads the winner's.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return SecretSchema.parse(readFileSync(file, 'utf8').trim());
}
