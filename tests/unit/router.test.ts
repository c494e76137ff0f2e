import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../client/router';

describe('client routes', () => {
  it('knows the start page, joining, the board and the projector', () => {
    expect(parseRoute('/')).toEqual({ name: 'start' });
    expect(parseRoute('/join/AB12CD')).toEqual({ name: 'join', code: 'AB12CD' });
    expect(parseRoute('/w/abc_DEF-1')).toEqual({ name: 'board', workshopId: 'abc_DEF-1' });
    expect(parseRoute('/p/abc')).toEqual({ name: 'projector', workshopId: 'abc' });
    expect(parseRoute('/join/A%20B')).toEqual({ name: 'join', code: 'A B' });
  });

  it('sends anything else to "not found"', () => {
    expect(parseRoute('/w')).toEqual({ name: 'notFound' });
    expect(parseRoute('/w/a/b')).toEqual({ name: 'notFound' });
    expect(parseRoute('/admin')).toEqual({ name: 'notFound' });
  });
});
