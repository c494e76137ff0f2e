import type * as Y from 'yjs';
import { workshopOf } from '../schema';
import { addGathering } from './gatherings';
import { isTemplate, type Template } from './roles';
import { type FrameBox } from './stepFrames';
import { addStep, setCurrentStep, type Step } from './steps';
import { crossCutting } from './templates/crossCutting';
import { keepStartLeave } from './templates/keepStartLeave';
import { rolesAndBoundaries } from './templates/rolesAndBoundaries';
import type { FrameLayout, TemplateContent, TemplateLanguage } from './templates/types';
import { visionGathering } from './templates/visionGathering';

export { TEMPLATE_LANGUAGES, type FrameLayout, type TemplateContent, type TemplateLanguage } from './templates/types';

/** What each template lays out; the blank one lays out nothing. */
export const TEMPLATE_CONTENT: Readonly<Record<Exclude<Template, 'blank'>, TemplateContent>> = {
  'vision-gathering': visionGathering,
  'keep-start-leave': keepStartLeave,
  'roles-and-boundaries': rolesAndBoundaries,
  'cross-cutting': crossCutting,
};

/** A step frame in a row or grid: room for some thirty notes (tldraw's notes are 200 wide). */
export const TEMPLATE_FRAME = { w: 1600, h: 1000, gap: 200 } as const;
/** A column frame: tall, and close to its neighbours so the columns read as one table. */
export const TEMPLATE_COLUMN = { w: 1000, h: 2200, gap: 120 } as const;
/** Frames a grid row holds. */
export const GRID_COLUMNS = 3;

/** The `workshop` key of the goals the workshop's report answers to. */
export const REPORT_GOALS_KEY = 'reportGoals';
/** Longest list of report goals, and longest goal, the document keeps. */
export const MAX_REPORT_GOALS = 20;
export const MAX_REPORT_GOAL_CHARS = 500;

/** The language a template's text is taken in: Greenlandic (and anything unknown) takes Danish. */
export function templateLanguage(language: string): TemplateLanguage {
  return language === 'sv' || language === 'en' ? language : 'da';
}

/** A template's plan in one language: its gatherings and their steps, in order. */
export interface TemplatePlan {
  layout: FrameLayout;
  gatherings: Array<{ title: string; steps: Array<{ title: string; prompt: string; durationSec: number }> }>;
  reportGoals: string[];
}

/** What a template lays out in `language` (an empty plan for the blank template). */
export function templatePlan(template: Template, language: string): TemplatePlan {
  if (template === 'blank') return { layout: 'row', gatherings: [], reportGoals: [] };
  const content = TEMPLATE_CONTENT[template];
  const lang = templateLanguage(language);
  return {
    layout: content.layout,
    gatherings: content.gatherings.map((gathering) => ({
      title: gathering.title[lang],
      steps: gathering.steps.map((step) => ({ ...step.text[lang], durationSec: step.minutes * 60 })),
    })),
    reportGoals: [...(content.reportGoals?.[lang] ?? [])],
  };
}

/** Where the `count` step frames of one page stand, in order, for a layout. */
export function frameBoxes(layout: FrameLayout, count: number): FrameBox[] {
  const boxes: FrameBox[] = [];
  for (let index = 0; index < count; index++) {
    if (layout === 'columns') {
      boxes.push({ x: index * (TEMPLATE_COLUMN.w + TEMPLATE_COLUMN.gap), y: 0, w: TEMPLATE_COLUMN.w, h: TEMPLATE_COLUMN.h });
      continue;
    }
    const perRow = layout === 'grid' ? GRID_COLUMNS : count;
    const column = index % perRow;
    const row = Math.floor(index / perRow);
    boxes.push({
      x: column * (TEMPLATE_FRAME.w + TEMPLATE_FRAME.gap),
      y: row * (TEMPLATE_FRAME.h + TEMPLATE_FRAME.gap),
      w: TEMPLATE_FRAME.w,
      h: TEMPLATE_FRAME.h,
    });
  }
  return boxes;
}

/**
 * Lays out a template in a workshop's document, in the workshop's language: its gatherings
 * (the first takes the board's first page), their steps with a frame each, the goals its
 * report answers to, and the first step made current so the room opens on it. Returns the
 * steps, in order.
 */
export function layOutTemplate(doc: Y.Doc, template: Template, language: string): Step[] {
  const plan = templatePlan(template, language);
  const created: Step[] = [];
  doc.transact(() => {
    for (const gathering of plan.gatherings) {
      const { id } = addGathering(doc, { title: gathering.title });
      const boxes = frameBoxes(plan.layout, gathering.steps.length);
      gathering.steps.forEach((step, index) => created.push(addStep(doc, id, step, boxes[index])));
    }
    if (plan.reportGoals.length > 0) workshopOf(doc).set(REPORT_GOALS_KEY, plan.reportGoals);
    if (created[0]) setCurrentStep(doc, created[0].id);
  });
  return created;
}

/** The template a workshop was made from, as its document says (blank when it says nothing readable). */
export function templateOfWorkshop(doc: Y.Doc): Template {
  const template = workshopOf(doc).get('template');
  return isTemplate(template) ? template : 'blank';
}

/** How many steps the workshop's template lays out in each gathering (0 for the blank one). */
export function templateStepCount(doc: Y.Doc): number {
  const language = workshopOf(doc).get('language');
  return templatePlan(templateOfWorkshop(doc), typeof language === 'string' ? language : 'da').gatherings[0]?.steps.length ?? 0;
}

/**
 * Lays out the workshop's template steps in a gathering added later (the next town of a
 * vision process, the next committee of Nynäshamn's), on its page as in the first gathering,
 * in the workshop's language. Returns the steps, in order (none for the blank template).
 */
export function layOutTemplateSteps(doc: Y.Doc, gatheringId: string): Step[] {
  const language = workshopOf(doc).get('language');
  const plan = templatePlan(templateOfWorkshop(doc), typeof language === 'string' ? language : 'da');
  const steps = plan.gatherings[0]?.steps ?? [];
  const created: Step[] = [];
  doc.transact(() => {
    const boxes = frameBoxes(plan.layout, steps.length);
    steps.forEach((step, index) => created.push(addStep(doc, gatheringId, step, boxes[index])));
  });
  return created;
}

/** The goals the workshop's report answers to (from its template), in order; none for most workshops. */
export function reportGoalsOf(doc: Y.Doc): string[] {
  const goals = workshopOf(doc).get(REPORT_GOALS_KEY);
  return reportGoalsProblem(goals) === null ? [...(goals as string[])] : [];
}

/** Why a value is not a list of report goals, or null when it is. */
export function reportGoalsProblem(value: unknown): 'not a list' | 'too many' | 'invalid goal' | null {
  if (!Array.isArray(value)) return 'not a list';
  if (value.length > MAX_REPORT_GOALS) return 'too many';
  return value.every((goal) => typeof goal === 'string' && goal.trim().length > 0 && goal.length <= MAX_REPORT_GOAL_CHARS) ? null : 'invalid goal';
}
