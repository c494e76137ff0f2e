// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { facilitatedWorkshops, forgetFacilitated, forgetToken, forgetWorkshop, rememberFacilitated } from '../../client/credentials';

describe('the workshops this browser facilitates', () => {
  beforeEach(() => localStorage.clear());

  it('lists the workshops remembered here, newest first, once each with the latest title', () => {
    rememberFacilitated({ id: 'w1', title: 'Nuuk', createdAt: '2026-03-01T10:00:00.000Z' });
    rememberFacilitated({ id: 'w2', title: 'Tasiilaq', createdAt: '2026-03-16T10:00:00.000Z' });
    rememberFacilitated({ id: 'w1', title: 'Nuuk, vision', createdAt: '2026-03-01T10:00:00.000Z' });
    expect(facilitatedWorkshops()).toEqual([
      { id: 'w2', title: 'Tasiilaq', createdAt: '2026-03-16T10:00:00.000Z' },
      { id: 'w1', title: 'Nuuk, vision', createdAt: '2026-03-01T10:00:00.000Z' },
    ]);
  });

  it('forgets a workshop that is deleted or gone, or whose key was refused', () => {
    rememberFacilitated({ id: 'w1', title: 'A', createdAt: '2026-01-01T00:00:00.000Z' });
    rememberFacilitated({ id: 'w2', title: 'B', createdAt: '2026-01-02T00:00:00.000Z' });
    rememberFacilitated({ id: 'w3', title: 'C', createdAt: '2026-01-03T00:00:00.000Z' });
    forgetFacilitated('w1');
    forgetWorkshop('w2');
    forgetToken('w3', 'projector');
    expect(facilitatedWorkshops().map((entry) => entry.id)).toEqual(['w3']);
    forgetToken('w3', 'board');
    expect(facilitatedWorkshops()).toEqual([]);
  });

  it('survives a damaged entry', () => {
    localStorage.setItem('flet:facilitated', '{not json');
    expect(facilitatedWorkshops()).toEqual([]);
    localStorage.setItem('flet:facilitated', JSON.stringify([{ id: 'w1' }, { id: 'w2', title: 'B', createdAt: '2026-01-02' }]));
    expect(facilitatedWorkshops().map((entry) => entry.id)).toEqual(['w2']);
  });
});
