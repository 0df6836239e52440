import { describe, expect, it } from 'vitest';
import { ordinalsOfPeers } from '../../../lib/background/page-presence';
import { presenceLabel } from '../../../lib/messaging/presence-protocol';
import type { EntryIdentity } from '../../../lib/model/entry';
import type { Peer } from '../../../lib/sync/presence';

const identity = (ordinal: number, title: string, baseWikitext: string): EntryIdentity =>
  ({ ordinal, title, baseWikitext }) as EntryIdentity;
const peer = (clientId: number, name: string, entryId: string | null): Peer => ({
  clientId,
  name,
  verified: true,
  role: 'editor',
  colour: '#112233',
  entryId,
  field: null,
});

describe('presence on the page’s entry buttons', () => {
  const shown = [
    identity(1, 'One', '{{project|Project=One}}'),
    identity(2, 'Two', '{{project|Project=Two}}'),
  ];
  const drafts = new Map([
    // Based on the text the page shows now.
    ['r1-e2', identity(2, 'Two', '{{project|Project=Two}}')],
    // Based on an older revision where it was the third entry, with other text: found by its title.
    ['r0-e3', identity(3, 'One', '{{project|Project=One|Old=1}}')],
    ['r0-e9', identity(9, 'Gone', '{{project|Project=Gone}}')],
  ]);
  const entryOf = (id: string) => drafts.get(id) ?? null;

  it('maps each peer’s entry to the ordinal the page shows, names once each', () => {
    const peers = [
      peer(1, 'Ada', 'r1-e2'),
      peer(2, 'Grace', 'r0-e3'),
      peer(3, 'Ada', 'r1-e2'),
      peer(4, 'Nobody', 'r0-e9'),
      peer(5, 'Lurker', null),
      peer(6, 'Stranger', 'unknown'),
    ];
    expect(ordinalsOfPeers(peers, entryOf, shown)).toEqual([
      { ordinal: 1, names: ['Grace'] },
      { ordinal: 2, names: ['Ada'] },
    ]);
  });

  it('says who in words', () => {
    expect(presenceLabel([])).toBe('');
    expect(presenceLabel(['Ada'])).toBe('Ada is editing');
    expect(presenceLabel(['Ada', 'Grace', 'Ada'])).toBe('Ada and Grace are editing');
    expect(presenceLabel(['Ada', 'Grace', 'Linus', 'Rita'])).toBe('Ada, Grace and 2 more are editing');
  });
});
