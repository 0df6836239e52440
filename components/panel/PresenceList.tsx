import { createContext, useContext } from 'react';
import { fieldForParam, type SiteProfile } from '../../lib/model/profile';
import type { Peer } from '../../lib/sync/presence';

/** Peers by the parameter their caret is in, for this entry's fields (FieldShell shows them). */
export const FieldPresenceContext = createContext<ReadonlyMap<string, readonly Peer[]>>(new Map());

export function peersByField(peers: readonly Peer[], entryId: string): Map<string, Peer[]> {
  const byField = new Map<string, Peer[]>();
  for (const peer of peers) {
    if (peer.entryId !== entryId || peer.field === null) continue;
    byField.set(peer.field, [...(byField.get(peer.field) ?? []), peer]);
  }
  return byField;
}

/** A name underlined in its colour (`#rrggbb` only, checked by PeerSchema); the text keeps the theme's contrast. */
export function PeerName({ peer }: { peer: Peer }) {
  return (
    <span className="peer-name" style={{ borderBottomColor: peer.colour }}>
      {peer.name}
    </span>
  );
}

function whereabouts(peer: Peer, entryId: string, profile: SiteProfile): string {
  if (peer.entryId === null) return 'is on this page';
  if (peer.entryId !== entryId) return 'is editing another project on this page';
  if (peer.field === null) return 'is in this project';
  return `is editing ${fieldForParam(profile, peer.field)?.label ?? peer.field}`;
}

/** Who else is on this page, and where (presence inside the panel). */
export function PresenceList({
  peers,
  entryId,
  profile,
}: {
  peers: readonly Peer[];
  entryId: string;
  profile: SiteProfile;
}) {
  if (peers.length === 0) return null;
  return (
    <ul className="presence plain" aria-label="Also here">
      {peers.map((peer) => (
        <li key={peer.clientId}>
          <PeerName peer={peer} /> {whereabouts(peer, entryId, profile)}
        </li>
      ))}
    </ul>
  );
}

/** Under a field's label: who else has their caret in it. */
export function FieldPresence({ param }: { param: string }) {
  const peers = useContext(FieldPresenceContext).get(param) ?? [];
  if (peers.length === 0) return null;
  return (
    <p className="field-presence">
      {peers.map((peer, index) => (
        <span key={peer.clientId}>
          {index > 0 ? ', ' : ''}
          <PeerName peer={peer} />
        </span>
      ))}{' '}
      {peers.length === 1 ? 'is' : 'are'} editing this field
    </p>
  );
}
