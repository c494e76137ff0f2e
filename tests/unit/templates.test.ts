import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedBoard, FIRST_PAGE_ID } from '../../shared/domain/board';
import { currentGatheringId, gatheringsOf } from '../../shared/domain/gatherings';
import { TEMPLATES, type Template } from '../../shared/domain/roles';
import { allStepsOf, currentStep, stepsOf, type Step } from '../../shared/domain/steps';
import {
  layOutTemplateSteps, reportGoalsOf, reportGoalsProblem, TEMPLATE_CONTENT, TEMPLATE_LANGUAGES, templatePlan, templateStepCount,
} from '../../shared/domain/templates';
import { addGathering, gatheringOf } from '../../shared/domain/gatherings';
import { timerOf } from '../../shared/domain/timer';
import { recordsOf, workshopOf } from '../../shared/schema';
import { recordProblem } from '../../shared/validate/records';

function seeded(template: Template, language: string): Y.Doc {
  const doc = new Y.Doc();
  seedBoard(doc, { title: 'Workshop', language, template });
  return doc;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function frameOf(doc: Y.Doc, step: Step): { record: Record<string, unknown>; box: Box } {
  const fields = recordsOf(doc).get(step.frameId ?? '');
  if (!fields) throw new Error(`no frame for ${step.title}`);
  const record = fields.toJSON() as Record<string, unknown> & { x: number; y: number; props: { w: number; h: number } };
  return { record, box: { x: record.x, y: record.y, w: record.props.w, h: record.props.h } };
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const titles = (doc: Y.Doc) => allStepsOf(doc).map((step) => step.title);
const laidOut = TEMPLATES.filter((template): template is Exclude<Template, 'blank'> => template !== 'blank');

describe('workshop templates', () => {
  it('Roles and boundaries runs Nynäshamn’s nine discussion items in the paper’s order', () => {
    expect(titles(seeded('roles-and-boundaries', 'sv'))).toEqual([
      'Demokratibegreppet',
      'Förtroendevaldas ansvar och uppdrag',
      'Chefers ansvar och uppdrag',
      'Arbetsgången',
      'Kommunikationskanaler',
      'Det förtroendevalda behöver av cheferna',
      'Det cheferna behöver av förtroendevalda',
      'Det som behöver förbättras',
      'Det samarbetet ska byggas på',
    ]);
    expect(titles(seeded('roles-and-boundaries', 'en'))).toEqual([
      'The idea of democracy',
      "Elected members' responsibility",
      "Managers' responsibility",
      'How the work flows',
      'Which channels exist',
      'What elected members need from managers',
      'What managers need from elected members',
      'What must improve',
      'What the cooperation rests on',
    ]);
    const steps = allStepsOf(seeded('roles-and-boundaries', 'sv'));
    expect(steps[5].prompt).toBe('Vad behöver förtroendevalda av cheferna för att samarbetet ska fungera bra?');
  });

  it('keeps Nynäshamn’s four goals for the report, in the workshop’s language', () => {
    const swedish = reportGoalsOf(seeded('roles-and-boundaries', 'sv'));
    expect(swedish).toHaveLength(4);
    expect(swedish[0]).toBe('Tydlig beskrivning/processbild av ärendegång och generell arbetsgång');
    expect(swedish[3]).toBe('Ta fram hur hantering av avvikelser ska göras');
    expect(reportGoalsOf(seeded('roles-and-boundaries', 'en'))[3]).toBe('An agreed way of handling deviations');
    expect(reportGoalsOf(seeded('roles-and-boundaries', 'da'))).toHaveLength(4);
    expect(reportGoalsProblem(workshopOf(seeded('roles-and-boundaries', 'da')).get('reportGoals'))).toBeNull();
    // Other templates have no goals of their own.
    expect(reportGoalsOf(seeded('keep-start-leave', 'da'))).toEqual([]);
    expect(reportGoalsProblem(['ok', 42])).toBe('invalid goal');
    expect(reportGoalsProblem('one goal')).toBe('not a list');
  });

  it('Keep / start / leave behind stands as three tall columns side by side', () => {
    const doc = seeded('keep-start-leave', 'da');
    const steps = allStepsOf(doc);
    expect(steps.map((step) => step.title)).toEqual(['Det skal vi holde fast i', 'Det skal vi begynde på', 'Det skal vi lægge bag os']);
    const boxes = steps.map((step) => frameOf(doc, step).box);
    for (const box of boxes) {
      expect(box.h).toBeGreaterThan(box.w);
      expect(box.y).toBe(boxes[0].y);
      expect(box.h).toBe(boxes[0].h);
    }
    expect(boxes[0].x + boxes[0].w).toBeLessThan(boxes[1].x);
    expect(boxes[1].x + boxes[1].w).toBeLessThan(boxes[2].x);
    expect(titles(seeded('keep-start-leave', 'en'))).toEqual(['What we keep', 'What we start', 'What we leave behind']);
  });

  it('Cross-cutting tasks gives Norddjurs’ five themes', () => {
    expect(titles(seeded('cross-cutting', 'da'))).toEqual(['Klima', 'Erhverv', 'Sundhed', 'Unge', 'Bosætning']);
    expect(titles(seeded('cross-cutting', 'en'))).toEqual(['Climate', 'Business', 'Health', 'Youth', 'Settlement']);
    expect(titles(seeded('cross-cutting', 'sv'))).toEqual(['Klimat', 'Näringsliv', 'Hälsa', 'Unga', 'Bosättning']);
  });

  it('Vision gathering asks what is special here, where to go, and which trial actions can start now', () => {
    const steps = allStepsOf(seeded('vision-gathering', 'en'));
    expect(steps.map((step) => step.title)).toEqual([
      'What is special about this place',
      'Where should we go?',
      'Trial actions we can start now',
    ]);
    expect(steps[2].prompt).toContain('each can become a thread');
  });

  it('a blank workshop has no gathering and no step', () => {
    const doc = seeded('blank', 'da');
    expect(gatheringsOf(doc)).toEqual([]);
    expect(allStepsOf(doc)).toEqual([]);
    expect(recordsOf(doc).get(FIRST_PAGE_ID)?.get('name')).toBe('Workshop');
    const withoutTemplate = new Y.Doc();
    seedBoard(withoutTemplate, { title: 'Workshop', language: 'da' });
    expect(allStepsOf(withoutTemplate)).toEqual([]);
  });

  it('every language has the same steps with their durations, and every text is written', () => {
    for (const template of laidOut) {
      const plans = TEMPLATE_LANGUAGES.map((language) => templatePlan(template, language));
      const shape = (plan: (typeof plans)[number]) => plan.gatherings.map((gathering) => gathering.steps.map((step) => step.durationSec));
      for (const plan of plans) {
        expect(shape(plan)).toEqual(shape(plans[0]));
        expect(plan.reportGoals).toHaveLength(plans[0].reportGoals.length);
        for (const gathering of plan.gatherings) {
          expect(gathering.title.trim()).not.toBe('');
          for (const step of gathering.steps) {
            expect(step.title.trim()).not.toBe('');
            expect(step.prompt.trim()).not.toBe('');
            expect(step.durationSec).toBeGreaterThanOrEqual(10 * 60);
            expect(step.durationSec).toBeLessThanOrEqual(30 * 60);
          }
        }
      }
      // The three languages are really three: no step left untranslated.
      const [da, sv, en] = plans.map((plan) => plan.gatherings.flatMap((gathering) => gathering.steps.map((step) => step.prompt)));
      da.forEach((prompt, index) => {
        expect(prompt).not.toBe(en[index]);
        expect(sv[index]).not.toBe(en[index]);
      });
    }
    expect(Object.keys(TEMPLATE_CONTENT).sort()).toEqual([...laidOut].sort());
  });

  it('Greenlandic workshops are laid out in Danish', () => {
    expect(titles(seeded('keep-start-leave', 'kl'))).toEqual(titles(seeded('keep-start-leave', 'da')));
  });

  it('each template opens on its first step, in its gathering, with the timer set to the step', () => {
    for (const template of laidOut) {
      const doc = seeded(template, 'da');
      const [gathering] = gatheringsOf(doc);
      expect(gathering.pageId).toBe(FIRST_PAGE_ID);
      expect(recordsOf(doc).get(FIRST_PAGE_ID)?.get('name')).toBe(gathering.title);
      expect(currentGatheringId(doc)).toBe(gathering.id);
      const first = stepsOf(doc, gathering.id)[0];
      expect(currentStep(doc)?.id).toBe(first.id);
      expect(timerOf(doc).durationMs).toBe(first.durationSec * 1000);
      expect(workshopOf(doc).get('template')).toBe(template);
    }
  });

  it('every frame is a valid tldraw record, locked, named after its step, on its gathering’s page', () => {
    for (const template of laidOut) {
      for (const language of ['da', 'sv', 'en']) {
        const doc = seeded(template, language);
        const pages = new Map(gatheringsOf(doc).map((gathering) => [gathering.id, gathering.pageId]));
        for (const step of allStepsOf(doc)) {
          const { record } = frameOf(doc, step);
          expect(recordProblem(String(record.id), record, null)).toBeNull();
          expect(record.type).toBe('frame');
          expect(record.isLocked).toBe(true);
          expect((record.props as { name: string }).name).toBe(step.title);
          expect(record.parentId).toBe(pages.get(step.gatheringId));
        }
        // The rest of the seeded board is valid too: the document record and the page.
        recordsOf(doc).forEach((fields, id) => expect(recordProblem(id, fields.toJSON(), null)).toBeNull());
      }
    }
  });

  it('frames are big enough for some thirty notes and never overlap', () => {
    const NOTE = 200;
    for (const template of laidOut) {
      const doc = seeded(template, 'en');
      const boxes = allStepsOf(doc).map((step) => frameOf(doc, step).box);
      for (const box of boxes) expect(Math.floor(box.w / NOTE) * Math.floor(box.h / NOTE)).toBeGreaterThanOrEqual(30);
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlap(a, b), `${template}: frames ${i} and another overlap`).toBe(false)));
    }
  });

  it('lays the same agenda out again in a gathering added later, in the workshop’s language, on its own page', () => {
    const doc = seeded('vision-gathering', 'sv');
    const first = gatheringsOf(doc)[0];
    const planned = templatePlan('vision-gathering', 'sv').gatherings[0].steps;
    expect(templateStepCount(doc)).toBe(planned.length);
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq', place: 'Tasiilaq' });
    const steps = layOutTemplateSteps(doc, tasiilaq.id);
    expect(steps.map((step) => [step.title, step.prompt])).toEqual(planned.map((step) => [step.title, step.prompt]));
    expect(stepsOf(doc, tasiilaq.id).map((step) => step.id)).toEqual(steps.map((step) => step.id));
    const page = gatheringOf(doc, tasiilaq.id)!.pageId;
    expect(page).not.toBe(first.pageId);
    for (const step of steps) expect(recordsOf(doc).get(step.frameId!)?.get('parentId')).toBe(page);
    // The first gathering's agenda is untouched.
    expect(stepsOf(doc, first.id)).toHaveLength(planned.length);
  });

  it('lays out nothing more in a blank workshop', () => {
    const doc = seeded('blank', 'da');
    expect(templateStepCount(doc)).toBe(0);
    const gathering = addGathering(doc, { title: 'Nuuk' });
    expect(layOutTemplateSteps(doc, gathering.id)).toEqual([]);
    expect(allStepsOf(doc)).toEqual([]);
  });
});
