import type * as Y from 'yjs';
import { participantsOf, recordsOf } from '../schema';
import { gatheringsOf, gatheringOfNote } from './gatherings';
import { GROUPS, isGroup, type Group } from './groups';
import { isHiddenRecord } from './moderation';
import { processNotesOf } from './notes';

/**
 * Who has been heard: participants and notes counted per stakeholder group and per place, so
 * the facilitator sees during the session which voices are missing (Sermersooq's narrative
 * must speak for the coasts as much as for Nuuk). Hidden notes are left out, as they are of
 * the reports.
 */

/** One stakeholder group's share of the workshop. */
export interface GroupRepresentation {
  group: Group;
  /** Participants of this group who ever joined. */
  joined: number;
  /** Of those, the ones connected now. */
  connected: number;
  notes: number;
}

/** The notes of one place: the gatherings held there (by place, else by title). */
export interface PlaceRepresentation {
  /** The place's name; null for notes that belong to no gathering. */
  place: string | null;
  gatheringIds: string[];
  notes: number;
  /** Notes per group at this place (every group, zero included). */
  byGroup: Record<Group, number>;
}

/** The whole count. */
export interface Representation {
  joined: number;
  connected: number;
  notes: number;
  /** Every group, in the groups' order, zero counts included. */
  groups: GroupRepresentation[];
  /** Notes of no group: the facilitator's own, imported ones without a group. */
  notesWithoutGroup: number;
  /** Every gathering's place in the facilitator's order, then notes of no gathering if any. */
  places: PlaceRepresentation[];
  /** Groups with no note yet: who has not been heard. */
  unheard: Group[];
}

function emptyByGroup(): Record<Group, number> {
  return Object.fromEntries(GROUPS.map((group) => [group, 0])) as Record<Group, number>;
}

/**
 * Counts the workshop's participants and notes. `connectedParticipantIds` are the
 * participants whose presence is live now (from awareness, which the document does not hold).
 */
export function representationOf(doc: Y.Doc, connectedParticipantIds: Iterable<string>): Representation {
  const connectedIds = new Set(connectedParticipantIds);
  const groups = new Map<Group, GroupRepresentation>(GROUPS.map((group) => [group, { group, joined: 0, connected: 0, notes: 0 }]));
  let joined = 0;
  let connected = 0;
  participantsOf(doc).forEach((value, id) => {
    const group = (value as { group?: unknown } | null)?.group;
    if (!isGroup(group)) return;
    const entry = groups.get(group) as GroupRepresentation;
    entry.joined += 1;
    joined += 1;
    if (connectedIds.has(id)) {
      entry.connected += 1;
      connected += 1;
    }
  });

  const places: PlaceRepresentation[] = [];
  const placeOfGathering = new Map<string, PlaceRepresentation>();
  for (const gathering of gatheringsOf(doc)) {
    const name = gathering.place ?? gathering.title;
    let place = places.find((candidate) => candidate.place === name);
    if (!place) {
      place = { place: name, gatheringIds: [], notes: 0, byGroup: emptyByGroup() };
      places.push(place);
    }
    place.gatheringIds.push(gathering.id);
    placeOfGathering.set(gathering.id, place);
  }
  const nowhere: PlaceRepresentation = { place: null, gatheringIds: [], notes: 0, byGroup: emptyByGroup() };

  const records = recordsOf(doc);
  let notes = 0;
  let notesWithoutGroup = 0;
  for (const note of processNotesOf(doc)) {
    if (isHiddenRecord({ meta: records.get(note.id)?.get('meta') })) continue;
    notes += 1;
    const gathering = gatheringOfNote(doc, note);
    const place = (gathering && placeOfGathering.get(gathering.id)) ?? nowhere;
    place.notes += 1;
    if (note.group) {
      (groups.get(note.group) as GroupRepresentation).notes += 1;
      place.byGroup[note.group] += 1;
    } else {
      notesWithoutGroup += 1;
    }
  }
  if (nowhere.notes > 0) places.push(nowhere);

  const groupList = GROUPS.map((group) => groups.get(group) as GroupRepresentation);
  return {
    joined,
    connected,
    notes,
    groups: groupList,
    notesWithoutGroup,
    places,
    unheard: groupList.filter((entry) => entry.notes === 0).map((entry) => entry.group),
  };
}
