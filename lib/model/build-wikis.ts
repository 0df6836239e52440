import { z } from 'zod';

/** A wiki is identified by its origin: scheme, host and port, nothing else. */
export const WikiOriginSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a web address` });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `"${value}" must start with http:// or https://` });
      return z.NEVER;
    }
    return url.origin;
  });
export type WikiOrigin = z.infer<typeof WikiOriginSchema>;

/** Parses the PROJECT_DESK_WIKIS build variable; a bad origin fails the build with the reason. */
export function parseBuildWikis(raw: string): WikiOrigin[] {
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const origins = parts.map((part) => {
    const parsed = WikiOriginSchema.safeParse(part);
    if (!parsed.success) throw new Error(`PROJECT_DESK_WIKIS: ${parsed.error.issues[0]?.message ?? part}`);
    return parsed.data;
  });
  return [...new Set(origins)];
}
