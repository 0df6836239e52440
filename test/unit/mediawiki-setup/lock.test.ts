import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withLock } from '../../../scripts/mediawiki/lock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function lockFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiki-lock-'));
  dirs.push(dir);
  return path.join(dir, 'lock');
}

describe('withLock', () => {
  it('runs one holder at a time', async () => {
    const lock = lockFile();
    const events: string[] = [];
    const hold = (name: string) =>
      withLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        events.push(`${name} out`);
      });
    await Promise.all([hold('a'), hold('b')]);
    expect(events).toHaveLength(4);
    expect(events[0]?.endsWith('in') && events[1]?.endsWith('out')).toBe(true);
    expect(events[1]?.[0]).toBe(events[0]?.[0]);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose process is gone, and releases it after a failure', async () => {
    const lock = lockFile();
    // Pids are below 2^22 on Linux: this one cannot be alive.
    fs.writeFileSync(lock, String(2 ** 22 + 1));
    await expect(
      withLock(lock, async () => {
        expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
        throw new Error('inside');
      }),
    ).rejects.toThrow('inside');
    expect(fs.existsSync(lock)).toBe(false);
  });
});
