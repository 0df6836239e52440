import { type WikiOrigin, WikiOriginSchema } from '../model/build-wikis';

declare const __PROJECT_DESK_WIKIS__: readonly string[] | undefined;

/** The wikis this build enables from the start (PROJECT_DESK_WIKIS at build time); none by default. */
export function buildTimeWikis(): WikiOrigin[] {
  const list = typeof __PROJECT_DESK_WIKIS__ === 'undefined' ? [] : __PROJECT_DESK_WIKIS__;
  return list.map((origin) => WikiOriginSchema.parse(origin));
}
