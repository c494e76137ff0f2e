import type { WorkshopUrls } from '../../shared/protocol/httpApi';

/** Builds the facilitator, join and projector links of a workshop. Tokens ride in the fragment so they never reach server logs. */
export function workshopUrls(
  publicUrl: string,
  ids: { workshopId: string; joinCode: string; facilitatorToken: string; projectorToken: string },
): WorkshopUrls {
  const id = encodeURIComponent(ids.workshopId);
  return {
    facilitator: `${publicUrl}/w/${id}#token=${ids.facilitatorToken}`,
    join: `${publicUrl}/join/${ids.joinCode}`,
    projector: `${publicUrl}/p/${id}#token=${ids.projectorToken}`,
  };
}
