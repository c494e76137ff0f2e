import type { WorkshopUrls } from '../../shared/protocol/httpApi';

/** Builds the facilitator, join and projector links of a workshop. Tokens ride in the fragment so they never reach server logs. */
export function workshopUrls(
  publicUrl: string,
  ids: { workshopId: string; joinCode: string; facilitatorToken: string; projectorToken: string },
): WorkshopUrls {
  const id = encodeURIComponent(ids.workshopId);
  return {
    facilitator: `${publicUrl}/w/${id}#token=${ids.facilitatorToken}`,
    join: joinUrl(publicUrl, ids.joinCode),
    projector: `${publicUrl}/p/${id}#token=${ids.projectorToken}`,
  };
}

/** The link a participant joins by: the join code, no token (the projector shows it to the room). */
export function joinUrl(publicUrl: string, joinCode: string): string {
  return `${publicUrl}/join/${joinCode}`;
}
