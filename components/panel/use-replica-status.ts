import { useEffect, useState } from 'react';
import type { DraftReplica, ReplicaStatus } from '../../lib/drafts/replica';

export function useReplicaStatus(replica: DraftReplica): ReplicaStatus {
  const [status, setStatus] = useState(replica.status);
  useEffect(() => {
    setStatus(replica.status);
    return replica.on('status', setStatus);
  }, [replica]);
  return status;
}
