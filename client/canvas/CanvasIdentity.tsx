import { createContext, useContext, type ReactNode } from 'react';
import type { Identity } from '../../shared/domain/identity';
import { PROJECTOR } from '../../shared/domain/identity';

const CanvasIdentityContext = createContext<Identity>(PROJECTOR);

/** Who works on the canvas below, for the parts of tldraw's interface Flet replaces. */
export function CanvasIdentityProvider({ identity, children }: { identity: Identity; children: ReactNode }) {
  return <CanvasIdentityContext.Provider value={identity}>{children}</CanvasIdentityContext.Provider>;
}

/** Who works on this canvas (the projector, outside a board). */
export function useCanvasIdentity(): Identity {
  return useContext(CanvasIdentityContext);
}
