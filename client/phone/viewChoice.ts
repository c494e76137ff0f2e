import { useSyncExternalStore } from 'react';

/**
 * Which view of a workshop board this browser opens: the simple phone view (no canvas) or
 * the full canvas. A participant on a narrow screen gets the simple view unless they chose
 * otherwise; the choice is kept per workshop. The facilitator never gets it by default.
 *
 * This module is in the page's first script: it must stay free of tldraw and Yjs.
 */
export type BoardViewChoice = 'simple' | 'canvas';

/** Up to this wide (CSS px) is a phone. */
const PHONE_WIDTH = '(max-width: 600px)';
/** A touch screen up to this wide is a phone too (a large phone held sideways, a small tablet). */
const TOUCH_PHONE_WIDTH = '(pointer: coarse) and (max-width: 760px)';

function choiceKey(workshopId: string): string {
  return `flet:view:${workshopId}`;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tell(): void {
  for (const listener of listeners) listener();
}

/** Measured once per page load: turning the phone sideways must not swap the view under the person's thumb. */
let phoneScreen: boolean | null = null;

/** True on a phone-sized screen (as the page was first opened). */
export function isPhoneScreen(): boolean {
  if (phoneScreen === null) {
    phoneScreen =
      typeof window.matchMedia === 'function' && (window.matchMedia(PHONE_WIDTH).matches || window.matchMedia(TOUCH_PHONE_WIDTH).matches);
  }
  return phoneScreen;
}

/**
 * The role this browser last opened the workshop with, as the board kept the server's answer
 * (`flet:info:<id>`, see useBoardCredentials); null on a first visit.
 */
function knownRole(workshopId: string): string | null {
  const raw = read(`flet:info:${workshopId}`);
  if (!raw) return null;
  try {
    const info = JSON.parse(raw) as { role?: unknown };
    return typeof info.role === 'string' ? info.role : null;
  } catch {
    return null;
  }
}

/** The view the person chose for this workshop, if they did. */
export function storedViewChoice(workshopId: string): BoardViewChoice | null {
  const value = read(choiceKey(workshopId));
  return value === 'simple' || value === 'canvas' ? value : null;
}

/**
 * The view a board opens in: the person's own choice, else the simple view for anyone on a
 * phone who is not known to be the facilitator. On a first visit the role is not known yet;
 * the simple view finds out and hands over to the canvas when it is not a participant's.
 */
export function boardViewChoice(workshopId: string): BoardViewChoice {
  takeViewFromAddress(workshopId);
  const role = knownRole(workshopId);
  if (role !== null && role !== 'participant') return 'canvas';
  return storedViewChoice(workshopId) ?? (isPhoneScreen() ? 'simple' : 'canvas');
}

/**
 * `?view=canvas` or `?view=simple` in a board's address chooses its view, as the switch
 * does (a link for a laptop-less room, or a test of the canvas on a small screen).
 */
let addressTaken = false;
function takeViewFromAddress(workshopId: string): void {
  if (addressTaken) return;
  addressTaken = true;
  const asked = new URLSearchParams(location.search).get('view');
  if (asked === 'canvas' || asked === 'simple') keep(workshopId, asked);
}

function keep(workshopId: string, view: BoardViewChoice): void {
  try {
    localStorage.setItem(choiceKey(workshopId), view);
  } catch {
    // Private mode: the choice lasts until the page is closed.
    overrides.set(workshopId, view);
  }
}

/** Switch this workshop's board to `view`, and keep the choice in this browser. */
export function chooseBoardView(workshopId: string, view: BoardViewChoice): void {
  keep(workshopId, view);
  overrides.set(workshopId, view);
  tell();
}

/** Choices this browser could not store. */
const overrides = new Map<string, BoardViewChoice>();

/** Read the view again: the server has just said who this browser is (its answer is kept now). */
export function roleBecameKnown(): void {
  tell();
}

/** The view this workshop's board is in, following the person's switches. */
export function useBoardViewChoice(workshopId: string): BoardViewChoice {
  return useSyncExternalStore(subscribe, () => overrides.get(workshopId) ?? boardViewChoice(workshopId));
}
