import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatheringsOf } from '../../shared/domain/gatherings';
import type { Template } from '../../shared/domain/roles';
import { allStepsOf, currentStep } from '../../shared/domain/steps';
import { reportGoalsOf } from '../../shared/domain/templates';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient } from '../helpers/yjsClient';

/** What a connected client reads of a workshop's board. */
async function boardOf(server: RunningServer, workshopId: string, token: string) {
  const client = connectClient(server, workshopId, token);
  try {
    await client.synced();
    const frames = new Map<string, { name: string; parentId: string; isLocked: boolean }>();
    recordsOf(client.doc).forEach((fields, id) => {
      if (fields.get('type') !== 'frame') return;
      const props = fields.get('props') as { name: string };
      frames.set(id, { name: props.name, parentId: String(fields.get('parentId')), isLocked: fields.get('isLocked') === true });
    });
    return {
      gatherings: gatheringsOf(client.doc),
      steps: allStepsOf(client.doc),
      current: currentStep(client.doc),
      goals: reportGoalsOf(client.doc),
      frames,
    };
  } finally {
    client.destroy();
  }
}

describe('creating a workshop from a template', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const expected: Array<{ template: Template; language: 'da' | 'sv' | 'en' | 'kl'; gathering: string; steps: string[] }> = [
    {
      template: 'vision-gathering',
      language: 'kl',
      gathering: 'Visionssamling',
      steps: ['Det særlige ved stedet', 'Hvor skal vi hen?', 'Prøvehandlinger vi kan starte nu'],
    },
    {
      template: 'keep-start-leave',
      language: 'da',
      gathering: 'Holde fast, begynde, lægge bag os',
      steps: ['Det skal vi holde fast i', 'Det skal vi begynde på', 'Det skal vi lægge bag os'],
    },
    {
      template: 'roles-and-boundaries',
      language: 'sv',
      gathering: 'Roller och gränsdragning',
      steps: [
        'Demokratibegreppet',
        'Förtroendevaldas ansvar och uppdrag',
        'Chefers ansvar och uppdrag',
        'Arbetsgången',
        'Kommunikationskanaler',
        'Det förtroendevalda behöver av cheferna',
        'Det cheferna behöver av förtroendevalda',
        'Det som behöver förbättras',
        'Det samarbetet ska byggas på',
      ],
    },
    {
      template: 'cross-cutting',
      language: 'en',
      gathering: 'Cross-cutting tasks',
      steps: ['Climate', 'Business', 'Health', 'Youth', 'Settlement'],
    },
  ];

  it.each(expected)('$template in $language: the facilitator finds its gathering, steps and frames', async ({ template, language, gathering, steps }) => {
    const created = await createWorkshop(server, { title: 'Workshop', language, template });
    const board = await boardOf(server, created.id, created.facilitatorToken);
    expect(board.gatherings.map((one) => one.title)).toEqual([gathering]);
    expect(board.steps.map((step) => step.title)).toEqual(steps);
    for (const step of board.steps) {
      expect(step.prompt).not.toBe('');
      expect(step.gatheringId).toBe(board.gatherings[0].id);
      const frame = board.frames.get(step.frameId ?? '');
      expect(frame).toEqual({ name: step.title, parentId: board.gatherings[0].pageId, isLocked: true });
    }
    expect(board.frames.size).toBe(steps.length);
    expect(board.current?.title).toBe(steps[0]);
    expect(board.goals).toHaveLength(template === 'roles-and-boundaries' ? 4 : 0);
  });

  it('a participant who joins sees the same agenda', async () => {
    const created = await createWorkshop(server, { title: 'Kerteminde', language: 'da', template: 'keep-start-leave' });
    const joined = await joinWorkshop(server, created.joinCode, 'citizen');
    const board = await boardOf(server, created.id, joined.token);
    expect(board.steps.map((step) => step.title)).toEqual(['Det skal vi holde fast i', 'Det skal vi begynde på', 'Det skal vi lægge bag os']);
    expect(board.frames.size).toBe(3);
  });

  it('a blank workshop, and one without a template, start with no gathering and no step', async () => {
    for (const body of [{ template: 'blank' as const }, {}]) {
      const created = await createWorkshop(server, { title: 'Tom', language: 'da', ...body });
      const board = await boardOf(server, created.id, created.facilitatorToken);
      expect(board.gatherings).toEqual([]);
      expect(board.steps).toEqual([]);
      expect(board.frames.size).toBe(0);
    }
  });

  it('an unknown template is refused and nothing is created', async () => {
    const response = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Odd', template: 'brainstorm' }),
    });
    expect(response.status).toBe(400);
  });
});
