/**
 * What the facilitator can download: the whole workshop (json), the narrative or a gathering's
 * report (md, html, docx, pdf), the weave figure (svg, png).
 */
export type ExportFormat = 'json' | 'md' | 'html' | 'docx' | 'pdf' | 'svg' | 'png';

/** One export: its format, and the gathering whose report it is (none: the narrative). */
export interface ExportRequest {
  format: ExportFormat;
  gatheringId?: string;
}

/** Why a download failed: the server's error code, or 'network' when it could not be asked. */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The file name the server gave (its `filename*`, else its `filename`), or `fallback`. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Fetches an export with the facilitator's token (a link cannot carry it in a header) and
 * hands it to the browser as a file: a Blob behind a download link, clicked once.
 */
export async function downloadExport(workshopId: string, { format, gatheringId }: ExportRequest, token: string): Promise<string> {
  const query = new URLSearchParams({ format });
  if (gatheringId !== undefined) query.set('gathering', gatheringId);
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/export?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
  } catch (error) {
    throw new ExportError('network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new ExportError(body?.error ?? String(response.status), body?.message ?? response.statusText);
  }
  const blob = await response.blob();
  const name = filenameOf(response.headers.get('content-disposition'), `workshop.${format}`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; the address is let go after.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
