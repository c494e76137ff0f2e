// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { forgetToken, joinedWith, rememberJoin, takeTokenFromHash } from '../../client/credentials';

describe('tokens kept in the browser', () => {
  beforeEach(() => localStorage.clear());

  it('takes the token from the fragment, keeps it, and removes it from the address', () => {
    history.replaceState(null, '', '/w/abc#token=s3cret');
    expect(takeTokenFromHash('abc', 'board')).toBe('s3cret');
    expect(location.hash).toBe('');
    expect(location.pathname).toBe('/w/abc');
    // A later visit without the fragment still opens the board.
    expect(takeTokenFromHash('abc', 'board')).toBe('s3cret');
    expect(takeTokenFromHash('abc', 'projector')).toBeNull();
  });

  it('remembers who joined with a code, and forgets it with a refused token', () => {
    rememberJoin('AB12CD', { workshopId: 'w1', participantId: 'p1', token: 't1' });
    expect(joinedWith('AB12CD')).toEqual({ workshopId: 'w1', participantId: 'p1', token: 't1' });
    expect(takeTokenFromHash('w1', 'board')).toBe('t1');
    forgetToken('w1', 'board');
    expect(joinedWith('AB12CD')).toBeNull();
    expect(takeTokenFromHash('w1', 'board')).toBeNull();
  });
});
