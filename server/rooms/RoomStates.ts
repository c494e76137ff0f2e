/**
 * The life of a workshop's room in this process: loading (its first sockets wait for one
 * shared load), live, or unloading (its last changes being stored).
 */
import type { Room } from './Room';

/** Where a workshop's room stands in its life. */
export type RoomPhase = RoomState['phase'];

/** Its first sockets wait for one shared load. */
export type LoadingState = { phase: 'loading'; load: Promise<Room> };
/**
 * Loaded and serving; the timer is set while nobody is connected. `busy` counts the server's
 * own work under way on it (`RoomRegistry.use`), which keeps it loaded too.
 */
export type LiveState = { phase: 'live'; room: Room; unloadTimer: NodeJS.Timeout | null; busy: number };
/** Storing its last changes before it goes; sockets that arrive meanwhile wait for the next load. */
export type UnloadingState = { phase: 'unloading'; room: Room; done: Promise<void> };
export type RoomState = LoadingState | LiveState | UnloadingState;

/** The room a state ends with, once no load or unload is under way; its unload timer is stopped. */
export async function settledRoom(state: RoomState): Promise<Room | null> {
  switch (state.phase) {
    case 'live':
      if (state.unloadTimer) clearTimeout(state.unloadTimer);
      state.unloadTimer = null;
      return state.room;
    case 'loading':
      return state.load.catch(() => null);
    case 'unloading':
      await state.done;
      return null;
  }
}
