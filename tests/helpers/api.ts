import type { Group } from '../../shared/domain/groups';
import type { Language } from '../../shared/domain/languages';
import type { Template } from '../../shared/domain/roles';
import type { CreatedWorkshop, JoinedWorkshop } from '../../shared/protocol/httpApi';
import type { RunningServer } from './server';

export type { CreatedWorkshop, JoinedWorkshop } from '../../shared/protocol/httpApi';

/** Body of `POST /api/workshops`. */
export interface CreateWorkshopInput {
  title?: string;
  language?: Language;
  template?: Template;
}

/** Options of the helpers that talk to a server protected by FLET_ADMIN_TOKEN. */
export interface AdminOptions {
  adminToken?: string;
}

/** Creates a workshop (title defaults to "Test workshop"); throws unless the answer is 201. */
export async function createWorkshop(
  server: Pick<RunningServer, 'url'>,
  body: CreateWorkshopInput = {},
  options: AdminOptions = {},
): Promise<CreatedWorkshop> {
  const response = await fetch(`${server.url}/api/workshops`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.adminToken ? { authorization: `Bearer ${options.adminToken}` } : {}),
    },
    body: JSON.stringify({ title: 'Test workshop', ...body }),
  });
  if (response.status !== 201) throw new Error(`create workshop answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedWorkshop;
}

/** Joins a workshop by code as a participant; throws unless the answer is 200. */
export async function joinWorkshop(
  server: Pick<RunningServer, 'url'>,
  joinCode: string,
  group: Group,
  name?: string,
): Promise<JoinedWorkshop> {
  const response = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(name === undefined ? { joinCode, group } : { joinCode, group, name }),
  });
  if (response.status !== 200) throw new Error(`join answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as JoinedWorkshop;
}
