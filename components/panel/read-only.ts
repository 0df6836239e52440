import { createContext } from 'react';

/**
 * Whether the draft's fields are read-only here (a reviewer's token may read the drafts, not write
 * them). The inputs stay enabled but `readOnly`, so their text can still be selected and commented on.
 */
export const FieldsReadOnlyContext = createContext(false);
