import { identityOf, type Session } from '../auth';
import { SessionBudget } from './SessionBudget';
import type { SessionLimits } from './sessionLimits';

/** One socket's place among its person's sockets, and the budget they share. */
export interface SessionLease {
  readonly session: Session;
  readonly budget: SessionBudget;
  /** Gives the place back once the socket is gone; calling it again does nothing. */
  release(): void;
}

/** Longest delay a Node timer takes as given. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Person {
  budget: SessionBudget;
  sockets: number;
  /** Set while nobody is connected: the budget is kept until it has refilled. */
  forget: NodeJS.Timeout | null;
}

/**
 * The budgets of everyone connected to this process, one per person ({@link identityOf}),
 * and how many sockets each holds open.
 */
export class SessionBudgets {
  private readonly people = new Map<string, Person>();

  constructor(private readonly limits: SessionLimits) {}

  /** A place for one more socket of `session`, or null when its person holds the most allowed. */
  admit(session: Session): SessionLease | null {
    const key = identityOf(session);
    let person = this.people.get(key);
    if (person && person.sockets >= this.limits.maxSockets) return null;
    if (!person) {
      person = { budget: new SessionBudget(this.limits), sockets: 0, forget: null };
      this.people.set(key, person);
    }
    if (person.forget) clearTimeout(person.forget);
    person.forget = null;
    person.sockets += 1;
    const admitted = person;
    let released = false;
    return {
      session,
      budget: admitted.budget,
      release: () => {
        if (released) return;
        released = true;
        this.leave(key, admitted);
      },
    };
  }

  /** Open sockets of the person `session` belongs to. */
  socketsOf(session: Session): number {
    return this.people.get(identityOf(session))?.sockets ?? 0;
  }

  /** Stops the timers that would forget budgets (the process is stopping). */
  clear(): void {
    for (const person of this.people.values()) if (person.forget) clearTimeout(person.forget);
    this.people.clear();
  }

  private leave(key: string, person: Person): void {
    person.sockets -= 1;
    if (person.sockets > 0 || this.people.get(key) !== person) return;
    // Reconnecting must not forgive a debt, so the budget outlives its last socket until full.
    person.forget = setTimeout(() => {
      if (this.people.get(key) === person && person.sockets === 0) this.people.delete(key);
    }, Math.min(person.budget.msUntilFull(), MAX_TIMER_MS));
    person.forget.unref();
  }
}
