import type { ImportProblem } from '../../../shared/domain/statements';

/** Largest file the server takes (server/http/importRoutes.ts); a larger one is not sent. */
export const IMPORT_LIMIT_BYTES = 2 * 1024 * 1024;

/** What came of an import. */
export type ImportResult =
  | { imported: number }
  | { problem: ImportProblem; message: string }
  | { failure: 'too-large' | 'network' | 'refused'; message?: string };

/** A file's type as the server reads it: JSON by its name or type, otherwise CSV (a spreadsheet's export). */
export function contentTypeOf(file: Pick<File, 'name' | 'type'>): 'application/json' | 'text/csv' {
  return file.type === 'application/json' || /\.json$/i.test(file.name) ? 'application/json' : 'text/csv';
}

/** POST /api/workshops/:id/import (facilitator token) with the file as it is. */
export async function importStatements(workshopId: string, file: File, token: string): Promise<ImportResult> {
  if (file.size > IMPORT_LIMIT_BYTES) return { failure: 'too-large' };
  let response: Response;
  try {
    response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/import`, {
      method: 'POST',
      headers: { 'content-type': contentTypeOf(file), authorization: `Bearer ${token}` },
      body: file,
    });
  } catch (error) {
    return { failure: 'network', message: error instanceof Error ? error.message : String(error) };
  }
  const body = (await response.json().catch(() => ({}))) as { imported?: number; error?: string; message?: string; problem?: ImportProblem };
  if (response.ok && typeof body.imported === 'number') return { imported: body.imported };
  if (body.error === 'invalid_import' && body.problem) return { problem: body.problem, message: body.message ?? '' };
  if (response.status === 413) return { failure: 'too-large' };
  return { failure: 'refused', message: body.message ?? response.statusText };
}
