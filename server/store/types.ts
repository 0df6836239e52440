/**
 * Where documents live. A document is its last compacted state plus the updates appended since; loading
 * merges them. `append` is called before an update is applied and acknowledged, so an update the server
 * has acknowledged is stored. `compact` replaces the state and drops the appended updates it contains.
 */
export interface DocumentStore {
  /** The stored state and every update appended since, or null for a document never stored. */
  load(name: string): Promise<StoredDocument | null>;
  /** Appends one update; resolves with its sequence number once it is durable. */
  append(name: string, space: string, update: Uint8Array): Promise<number>;
  /** Stores `state` and deletes the appended updates numbered `upToSequence` or less. */
  compact(name: string, space: string, state: Uint8Array, upToSequence: number): Promise<void>;
  /** Names of every stored document of a space. */
  listNames(space: string): Promise<string[]>;
  has(name: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoredDocument {
  /** The compacted state (when there is one) followed by the appended updates, oldest first. */
  chunks: Uint8Array[];
  /** The sequence number of the last appended update read (0 when there were none). */
  lastSequence: number;
}
