import { config } from 'zod/mini';

// Extension pages forbid eval (MV3 CSP); zod would probe `new Function` for its fast path and fall
// back. Say so up front: no probe, no CSP report, no `Function` warning from Mozilla's linter.
config({ jitless: true });
